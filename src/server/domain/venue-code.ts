/**
 * Signed venue codes (F3). A code is `{publicId}{keyId}{mac}`: the entrance's 10-character public id,
 * one character naming the signing key, and 12 characters of HMAC-SHA256 over the id (60 bits).
 * All in Crockford base32 (no I, L, O, U), so a poster can also be typed by hand. A typo or a forged
 * poster fails verification and is treated as an unknown venue.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PUBLIC_ID_LENGTH = 10;
const MAC_LENGTH = 12;
export const VENUE_CODE_LENGTH = PUBLIC_ID_LENGTH + 1 + MAC_LENGTH;

export interface SigningKey {
  /** One base32 character that names the key, so keys can be rotated. */
  id: string;
  secret: Buffer;
}

export function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
  }
  return out;
}

export function newPublicId(): string {
  return base32(randomBytes(8), PUBLIC_ID_LENGTH);
}

function mac(publicId: string, key: SigningKey): string {
  const digest = createHmac('sha256', key.secret).update(`venue:${key.id}:${publicId}`).digest();
  return base32(digest, MAC_LENGTH);
}

export function signVenueCode(publicId: string, key: SigningKey): string {
  return `${publicId}${key.id}${mac(publicId, key)}`;
}

/** Returns the public id when the code carries a valid signature by one of `keys`, else null. */
export function verifyVenueCode(code: string, keys: readonly SigningKey[]): string | null {
  const normalized = code.trim().toUpperCase();
  if (normalized.length !== VENUE_CODE_LENGTH) return null;
  const publicId = normalized.slice(0, PUBLIC_ID_LENGTH);
  const keyId = normalized[PUBLIC_ID_LENGTH];
  const key = keys.find((k) => k.id === keyId);
  if (!key) return null;
  const expected = Buffer.from(mac(publicId, key));
  const given = Buffer.from(normalized.slice(PUBLIC_ID_LENGTH + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? publicId : null;
}

/**
 * A check-out token proves the holder is the device that checked in. It is derived from the
 * check-in id with the same key, so nothing extra is stored.
 */
export function checkoutTokenFor(checkInId: string, key: SigningKey): string {
  return createHmac('sha256', key.secret).update(`checkout:${checkInId}`).digest('base64url').slice(0, 32);
}

export function verifyCheckoutToken(checkInId: string, token: string, key: SigningKey): boolean {
  const expected = Buffer.from(checkoutTokenFor(checkInId, key));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
