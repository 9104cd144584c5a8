/**
 * Signed codes for venue entrances (F3) and personal cards (F6). A code is `{publicId}{keyId}{mac}`:
 * a random 10-character public id, one character naming the signing key, and 12 characters of
 * HMAC-SHA256 over the kind and id (60 bits). All in Crockford base32 (no I, L, O, U), so a code can
 * also be typed by hand. A typo or a forgery fails verification and is treated as unknown; a venue
 * code never verifies as a card code and the other way round.
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

export type CodeKind = 'venue' | 'card';

function mac(kind: CodeKind, publicId: string, key: SigningKey): string {
  const digest = createHmac('sha256', key.secret).update(`${kind}:${key.id}:${publicId}`).digest();
  return base32(digest, MAC_LENGTH);
}

function signCode(kind: CodeKind, publicId: string, key: SigningKey): string {
  return `${publicId}${key.id}${mac(kind, publicId, key)}`;
}

/** Returns the public id when the code carries a valid signature by one of `keys`, else null. */
function verifyCode(kind: CodeKind, code: string, keys: readonly SigningKey[]): string | null {
  const normalized = code.trim().toUpperCase();
  if (normalized.length !== VENUE_CODE_LENGTH) return null;
  const publicId = normalized.slice(0, PUBLIC_ID_LENGTH);
  const keyId = normalized[PUBLIC_ID_LENGTH];
  const key = keys.find((k) => k.id === keyId);
  if (!key) return null;
  const expected = Buffer.from(mac(kind, publicId, key));
  const given = Buffer.from(normalized.slice(PUBLIC_ID_LENGTH + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? publicId : null;
}

export const signVenueCode = (publicId: string, key: SigningKey) => signCode('venue', publicId, key);
export const verifyVenueCode = (code: string, keys: readonly SigningKey[]) => verifyCode('venue', code, keys);
export const signCardCode = (publicId: string, key: SigningKey) => signCode('card', publicId, key);
export const verifyCardCode = (code: string, keys: readonly SigningKey[]) => verifyCode('card', code, keys);

/**
 * Tokens prove the holder is the device that checked in (checkout) or that received a card
 * (card_holder). They are derived from the record id with the same key, so nothing extra is stored.
 */
export type TokenPurpose = 'checkout' | 'card_holder';

export function tokenFor(purpose: TokenPurpose, id: string, key: SigningKey): string {
  return createHmac('sha256', key.secret).update(`${purpose}:${id}`).digest('base64url').slice(0, 32);
}

export function verifyToken(purpose: TokenPurpose, id: string, token: string, key: SigningKey): boolean {
  const expected = Buffer.from(tokenFor(purpose, id, key));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const checkoutTokenFor = (checkInId: string, key: SigningKey) => tokenFor('checkout', checkInId, key);
export const verifyCheckoutToken = (checkInId: string, token: string, key: SigningKey) =>
  verifyToken('checkout', checkInId, token, key);

/**
 * The public id in a card number typed by hand (`ABCD EFGH JK`, printed large on the card), or null.
 * Spaces and dashes are ignored and Crockford's look-alikes read as digits (O → 0, I and L → 1).
 */
export function publicIdFromCardNumber(text: string): string | null {
  const typed = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return typed.length === PUBLIC_ID_LENGTH && [...typed].every((c) => ALPHABET.includes(c)) ? typed : null;
}
