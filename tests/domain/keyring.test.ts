import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildKeyRing, fingerprint, idNumberKey, nextKeyId } from '../../src/server/domain/keyring.js';
import {
  signVenueCode,
  verifyVenueCode,
  verifyCardCode,
  signCardCode,
} from '../../src/server/domain/signed-code.js';
import { addressRetryAfterSeconds, accountDelayMs } from '../../src/server/domain/login-throttle.js';
import { redactUrl } from '../../src/server/http/redaction.js';

const key = (id: string) => ({ id, secret: randomBytes(32) });

describe('key ring', () => {
  it('derives one key per purpose: a venue key never signs a card, and keys differ from the master', () => {
    const master = key('2');
    const ring = buildKeyRing(master, []);
    const keys = [ring.venue_code, ring.card_code, ring.checkout_token, ring.card_holder_token].map((k) =>
      k.current.secret.toString('hex'),
    );
    expect(new Set(keys).size).toBe(4);
    expect(keys).not.toContain(master.secret.toString('hex'));
  });

  it('keeps verifying codes of an older key after rotation, and legacy codes signed with the raw secret', () => {
    const old = key('2');
    const legacy = { ...key('1'), legacy: true };
    const before = buildKeyRing(old, [legacy]);
    const code = signVenueCode('ABCDEFGHJK', before.venue_code.current);
    const legacyCode = signVenueCode('ABCDEFGHJM', { id: '1', secret: legacy.secret });
    const after = buildKeyRing(key('3'), [old, legacy]);
    expect(verifyVenueCode(code, after.venue_code.all)).toBe('ABCDEFGHJK');
    expect(verifyVenueCode(legacyCode, after.venue_code.all)).toBe('ABCDEFGHJM');
    expect(after.venue_code.current.id).toBe('3');
    expect(
      verifyCardCode(signCardCode('ABCDEFGHJK', after.card_code.current), after.venue_code.all),
    ).toBeNull();
    expect(() => buildKeyRing(legacy, [])).toThrow(/legacy/);
  });

  it('seals and opens, refuses tampering, and finds hashes under every key of the ring', () => {
    const old = key('2');
    const sealedBefore = buildKeyRing(old, []).sealer.seal('001190012345');
    const ring = buildKeyRing(key('3'), [old]);
    expect(ring.sealer.open(sealedBefore)).toBe('001190012345');
    const sealed = ring.sealer.seal('bí mật');
    expect(sealed.startsWith('3.')).toBe(true);
    expect(ring.sealer.open(sealed)).toBe('bí mật');
    // One character inside the ciphertext changed (not the last: its low bits may be padding).
    const at = sealed.length - 5;
    const tampered = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(ring.sealer.open(tampered)).toBeNull();
    const oldHash = buildKeyRing(old, []).sealer.lookupHash('X');
    expect(ring.sealer.lookupHashes('X').map((h) => h.toString('hex'))).toContain(oldHash.toString('hex'));
    expect(fingerprint(old)).toHaveLength(16);
    expect(idNumberKey(' b123 456 ')).toBe('B123456');
    expect(nextKeyId(['2', '3'])).toBe('4');
  });
});

describe('login throttle', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const history = (over: object = {}) => ({
    addressFailures: 0,
    oldestAddressFailureAt: null,
    accountFailures: 0,
    knownAddress: false,
    ...over,
  });

  it('stops an address after its failures until the oldest leaves the 15-minute window', () => {
    expect(addressRetryAfterSeconds(history({ addressFailures: 9 }), 10, now)).toBeNull();
    const oldest = new Date(now.getTime() - 5 * 60_000);
    expect(
      addressRetryAfterSeconds(history({ addressFailures: 10, oldestAddressFailureAt: oldest }), 10, now),
    ).toBe(600);
  });

  it('slows unknown addresses on an attacked account with a doubling, capped delay; known addresses never wait', () => {
    expect(accountDelayMs(history({ accountFailures: 2 }), 4000)).toBe(0);
    expect(accountDelayMs(history({ accountFailures: 3 }), 4000)).toBe(250);
    expect(accountDelayMs(history({ accountFailures: 5 }), 4000)).toBe(1000);
    expect(accountDelayMs(history({ accountFailures: 50 }), 4000)).toBe(4000);
    expect(accountDelayMs(history({ accountFailures: 50, knownAddress: true }), 4000)).toBe(0);
  });
});

describe('request log redaction', () => {
  it('hides token and password query parameters, keeps the rest', () => {
    expect(redactUrl('/api/cards/1/card.pdf?token=abc&lang=vi')).toBe(
      '/api/cards/1/card.pdf?token=[redacted]&lang=vi',
    );
    expect(redactUrl('/x?holderToken=1&Password=2')).toBe('/x?holderToken=[redacted]&Password=[redacted]');
    expect(redactUrl('/api/health')).toBe('/api/health');
    expect(redactUrl('/card/K01ABCDEFGHJKMNPQRSTVWX?lang=en')).toBe('/card/[redacted]?lang=en');
  });
});
