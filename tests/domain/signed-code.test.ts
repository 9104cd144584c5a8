import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkoutTokenFor,
  newPublicId,
  signVenueCode,
  verifyCheckoutToken,
  verifyVenueCode,
  VENUE_CODE_LENGTH,
} from '../../src/server/domain/signed-code.js';

const key = { id: '1', secret: randomBytes(32) };
const otherKey = { id: '1', secret: randomBytes(32) };
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('signed venue codes', () => {
  it('verifies a code it signed and returns the entrance public id', () => {
    const publicId = newPublicId();
    const code = signVenueCode(publicId, key);
    expect(code).toHaveLength(VENUE_CODE_LENGTH);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
    expect(verifyVenueCode(code, [key])).toBe(publicId);
  });

  it('accepts a code typed in lower case with surrounding spaces', () => {
    const code = signVenueCode(newPublicId(), key);
    expect(verifyVenueCode(`  ${code.toLowerCase()} `, [key])).not.toBeNull();
  });

  it('rejects every single-character typo', () => {
    const code = signVenueCode(newPublicId(), key);
    for (let i = 0; i < code.length; i++) {
      const replacement = ALPHABET[(ALPHABET.indexOf(code[i]!) + 1) % ALPHABET.length];
      const typo = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(verifyVenueCode(typo, [key]), `typo at ${i}`).toBeNull();
    }
  });

  it('rejects a code forged with another key, a truncated code and an empty one', () => {
    const publicId = newPublicId();
    expect(verifyVenueCode(signVenueCode(publicId, otherKey), [key])).toBeNull();
    expect(verifyVenueCode(signVenueCode(publicId, key).slice(0, -1), [key])).toBeNull();
    expect(verifyVenueCode('', [key])).toBeNull();
  });

  it('keeps verifying old posters after a new key is configured', () => {
    const generated = { id: '1', secret: randomBytes(32) };
    const configured = { id: 'K', secret: randomBytes(32) };
    const oldCode = signVenueCode('ABCDEFGHJK', generated);
    expect(verifyVenueCode(oldCode, [configured, generated])).toBe('ABCDEFGHJK');
    expect(verifyVenueCode(signVenueCode('ABCDEFGHJK', configured), [configured, generated])).toBe(
      'ABCDEFGHJK',
    );
  });
});

describe('checkout tokens', () => {
  it('belong to exactly one check-in', () => {
    const token = checkoutTokenFor('id-1', key);
    expect(verifyCheckoutToken('id-1', token, key)).toBe(true);
    expect(verifyCheckoutToken('id-2', token, key)).toBe(false);
    expect(verifyCheckoutToken('id-1', token, otherKey)).toBe(false);
    expect(verifyCheckoutToken('id-1', token.slice(1), key)).toBe(false);
  });
});
