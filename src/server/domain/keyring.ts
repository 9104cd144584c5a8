/**
 * The key ring: master keys (kept outside the database, see services/keys.ts) and the keys derived
 * from them, one per purpose, so a key leaked for one use cannot forge another. Every code, token and
 * sealed value names the master key that made it, so a new key can sign while older ones keep
 * verifying until they are retired on purpose.
 *
 * Sealing is AES-256-GCM (`{keyId}.{base64url(iv | tag | ciphertext)}`); look-up hashes are
 * HMAC-SHA256 truncated to 16 bytes, computed under every key of the ring for a search.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { SigningKey } from './signed-code.js';

export interface MasterKey {
  /** One Crockford base32 character, printed in every code the key signs. */
  id: string;
  secret: Buffer;
  /**
   * The key of installations before key files existed: it signed codes and tokens with the master
   * secret itself. It keeps verifying those; it never signs or seals anything new.
   */
  legacy?: boolean;
}

export type SigningPurpose = 'venue_code' | 'card_code' | 'checkout_token' | 'card_holder_token';

export interface SigningKeys {
  current: SigningKey;
  all: SigningKey[];
}

export interface KeyRing extends Record<SigningPurpose, SigningKeys> {
  sealer: Sealer;
}

function derive(master: MasterKey, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master.secret, 'qr-checkin/key-ring', purpose, 32));
}

/** A key's fingerprint, safe to store in the database: proves two nodes hold the same key. */
export function fingerprint(master: MasterKey): Buffer {
  return derive(master, 'fingerprint').subarray(0, 16);
}

export function buildKeyRing(current: MasterKey, others: readonly MasterKey[]): KeyRing {
  if (current.legacy) throw new Error('a legacy key cannot be the current key');
  const all = [current, ...others.filter((k) => k.id !== current.id)];
  const signing = (purpose: SigningPurpose): SigningKeys => {
    const keys = all.map((k) => ({ id: k.id, secret: k.legacy ? k.secret : derive(k, purpose) }));
    return { current: keys[0]!, all: keys };
  };
  return {
    venue_code: signing('venue_code'),
    card_code: signing('card_code'),
    checkout_token: signing('checkout_token'),
    card_holder_token: signing('card_holder_token'),
    sealer: new Sealer(
      all
        .filter((k) => !k.legacy)
        .map((k) => ({ id: k.id, seal: derive(k, 'seal'), lookup: derive(k, 'lookup') })),
    ),
  };
}

interface SealingKey {
  id: string;
  seal: Buffer;
  lookup: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const LOOKUP_BYTES = 16;

/** Encrypts personal columns and makes the keyed hashes that find them again. */
export class Sealer {
  private readonly byId: Map<string, SealingKey>;
  constructor(private readonly keys: SealingKey[]) {
    this.byId = new Map(keys.map((k) => [k.id, k]));
  }

  seal(plain: string): string {
    const key = this.keys[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.seal, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${key.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plain text, or null when the key is retired or the value was tampered with. */
  open(sealed: string): string | null {
    const key = this.byId.get(sealed[0] ?? '');
    if (!key || sealed[1] !== '.') return null;
    const raw = Buffer.from(sealed.slice(2), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.seal, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return null;
    }
  }

  /** The hash stored beside a sealed value (under the current key). */
  lookupHash(value: string): Buffer {
    return this.hashUnder(this.keys[0]!, value);
  }

  /** The hashes to search for: one per key still in the ring, so rows written before a rotation match. */
  lookupHashes(value: string): Buffer[] {
    return this.keys.map((k) => this.hashUnder(k, value));
  }

  private hashUnder(key: SealingKey, value: string): Buffer {
    return createHmac('sha256', key.lookup).update(value).digest().subarray(0, LOOKUP_BYTES);
  }
}

/** Id numbers are compared without case or spaces (a passport typed in lower case is the same). */
export function idNumberKey(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/**
 * Key ids in the order new keys take them. '1' is not among them: it names the database-kept key of
 * early installations (see services/keys.ts), which is never generated again.
 */
export const KEY_ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ0';

export function nextKeyId(used: readonly string[]): string {
  const free = [...KEY_ID_ALPHABET].find((c) => !used.includes(c));
  if (!free) throw new Error('all 31 key ids are in use: retire old keys first');
  return free;
}
