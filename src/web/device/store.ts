/**
 * What the citizen's device remembers: their details (if they agree), family members declared from
 * this device with their cards (F19), the clientId of a check-in not yet confirmed (so a retry after
 * a dropped connection cannot count twice), and their own recent check-ins with the checkout tokens
 * (the only key to their own history). Shared by the check-in page and the web app (same origin).
 */
import type { StatusColour } from '../../shared/contracts.js';

export interface Profile {
  fullName: string;
  phone: string;
}

export interface DeviceCard {
  id: string;
  qr: string;
  number: string;
  holderToken: string;
  statusColour: StatusColour;
  declaredAt: string;
}

/** A person kept on this device: the owner (`me`) or a family member declared for. */
export interface DevicePerson extends Profile {
  key: string;
  me: boolean;
  birthYear?: number;
  card?: DeviceCard;
}

export interface RememberedCheckIn {
  id: string;
  checkoutToken: string;
  venueName: string;
  checkedInAt: string;
  venueCode?: string;
  fullName?: string;
  checkedOutAt?: string;
}

const PROFILE = 'profile';
const PEOPLE = 'people';
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

/** The owner first, then family members. The owner's profile is kept in sync with PROFILE. */
export function loadPeople(): DevicePerson[] {
  const people = read<DevicePerson[]>(PEOPLE) ?? [];
  const profile = loadProfile();
  const me = people.find((p) => p.me);
  if (profile && me) Object.assign(me, profile);
  else if (profile) people.unshift({ ...profile, key: 'me', me: true });
  return people.sort((a, b) => Number(b.me) - Number(a.me));
}

export function savePerson(person: DevicePerson) {
  const people = loadPeople().filter((p) => p.key !== person.key);
  write(PEOPLE, [person, ...people]);
  if (person.me) write(PROFILE, { fullName: person.fullName, phone: person.phone });
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

export function rememberCheckOut(ids: readonly string[], checkedOutAt: string) {
  const list = read<RememberedCheckIn[]>(HISTORY) ?? [];
  write(
    HISTORY,
    list.map((e) => (ids.includes(e.id) ? { ...e, checkedOutAt } : e)),
  );
}

/**
 * This device's stays at a venue that are still open (checked in within `withinMinutes`, not checked
 * out): reopening the venue's page shows them with a check-out button instead of a new check-in.
 */
export function openStaysAt(venueCode: string, now: Date, withinMinutes: number): RememberedCheckIn[] {
  const list = read<RememberedCheckIn[]>(HISTORY) ?? [];
  const since = now.getTime() - withinMinutes * 60_000;
  const open = list.filter(
    (e) => e.venueCode === venueCode && !e.checkedOutAt && Date.parse(e.checkedInAt) > since,
  );
  // Only the latest visit: the people checked in together with the newest entry (within a minute).
  const newest = open[0] ? Date.parse(open[0].checkedInAt) : 0;
  return open.filter((e) => newest - Date.parse(e.checkedInAt) < 60_000);
}

/** Every check-in this device made and still remembers, newest first (the history page). */
export function rememberedCheckIns(): RememberedCheckIn[] {
  return read<RememberedCheckIn[]>(HISTORY) ?? [];
}
