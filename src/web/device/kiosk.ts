/**
 * A device enrolled as an unattended kiosk (F7, API v1.1): it keeps its venue, the device token shown
 * once at enrolment, and a salted SHA-256 of the manager's exit PIN. While enrolled, the app shows
 * nothing but the kiosk scanner; the manager's session on the device was ended at enrolment.
 */
export interface KioskEnrolment {
  kioskId: number;
  venueId: number;
  venueName: string;
  deviceToken: string;
  pinSalt: string;
  pinHash: string;
}

const KEY = 'kiosk-enrolment';

export function kioskEnrolment(): KioskEnrolment | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as KioskEnrolment | null;
    return stored && typeof stored.deviceToken === 'string' ? stored : null;
  } catch {
    return null;
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function enrolThisDevice(
  kiosk: Omit<KioskEnrolment, 'pinSalt' | 'pinHash'>,
  pin: string,
): Promise<void> {
  const pinSalt = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');
  const enrolment: KioskEnrolment = { ...kiosk, pinSalt, pinHash: await sha256Hex(pinSalt + pin) };
  localStorage.setItem(KEY, JSON.stringify(enrolment));
}

export async function pinMatches(pin: string): Promise<boolean> {
  const k = kioskEnrolment();
  return Boolean(k && (await sha256Hex(k.pinSalt + pin)) === k.pinHash);
}

export function leaveKioskMode() {
  localStorage.removeItem(KEY);
}

/** The header a kiosk's scans carry. */
export function kioskHeaders(venueId: number): Record<string, string> {
  const k = kioskEnrolment();
  return k && k.venueId === venueId ? { authorization: `Kiosk ${k.deviceToken}` } : {};
}

/** Shortest exit PIN a manager may choose. */
export const MIN_KIOSK_PIN = 4;
