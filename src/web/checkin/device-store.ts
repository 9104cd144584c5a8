/**
 * What the citizen's device remembers: their details (if they agree), the clientId of a check-in
 * not yet confirmed (so a retry after a dropped connection cannot count twice), and their own recent
 * check-ins with the checkout tokens (the only key to their own history).
 */
export interface Profile {
  fullName: string;
  phone: string;
}

export interface RememberedCheckIn {
  id: string;
  checkoutToken: string;
  venueName: string;
  checkedInAt: string;
}

const PROFILE = 'profile';
const HISTORY = 'checkins';
/** Check-ins kept on the device: as long as the server keeps them (21 days), at most this many. */
const HISTORY_MAX = 100;

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the check-in still works, it is just not remembered */
  }
}

export function loadProfile(): Profile | null {
  return read<Profile>(PROFILE);
}

export function saveProfile(profile: Profile, remember: boolean) {
  if (remember) write(PROFILE, profile);
  else localStorage.removeItem(PROFILE);
}

export function pendingClientId(venueCode: string, create: () => string): string {
  const key = `pending:${venueCode}`;
  const existing = sessionStorage.getItem(key);
  if (existing) return existing;
  const id = create();
  sessionStorage.setItem(key, id);
  return id;
}

export function clearPending(venueCode: string) {
  sessionStorage.removeItem(`pending:${venueCode}`);
}

export function rememberCheckIn(entry: RememberedCheckIn) {
  const list = read<RememberedCheckIn[]>(HISTORY) ?? [];
  write(HISTORY, [entry, ...list.filter((e) => e.id !== entry.id)].slice(0, HISTORY_MAX));
}
