import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/server/domain/instant.js';
import { rng } from '../support/random.js';

const asDate = (at: number) => new Date(at).toISOString();

describe('isoInstant (an instant as API text)', () => {
  it('writes what Date#toISOString writes, for 200,000 random instants of 1970–9999', () => {
    const random = rng(2026);
    const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (let i = 0; i < 200_000; i++) {
      // Most near today (as stored), some anywhere, some with a fraction of a millisecond.
      const at = i % 4 ? Date.UTC(2020, 0) + random() * 20 * 365 * 86_400_000 : random() * last;
      const at2 = i % 3 ? Math.floor(at) : at;
      if (isoInstant(at2) !== asDate(at2)) expect(isoInstant(at2)).toBe(asDate(at2));
    }
  });

  it('writes runs of instants of one day, and of days back and forth, as toISOString does (the last day is remembered)', () => {
    const start = Date.UTC(2026, 11, 3, 22);
    const steps = [
      ...Array.from({ length: 400 }, (_, i) => i * 7 * 60_000),
      86_400_000,
      0,
      3 * 86_400_000,
      0,
    ];
    for (const step of steps) expect(isoInstant(start + step)).toBe(asDate(start + step));
    for (let i = 0; i < 100; i++) {
      const at = start + (i % 2 ? -1 : 1) * i * 3_600_000;
      expect(isoInstant(at)).toBe(asDate(at));
    }
  });

  it('gets the edges right: the epoch, leap days, month and year ends, the last instant', () => {
    for (const text of [
      '1970-01-01T00:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2100-03-01T00:00:00.000Z',
      '2026-12-31T23:59:59.999Z',
      '2027-01-01T00:00:00.001Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(isoInstant(Date.parse(text))).toBe(text);
      expect(isoInstant(new Date(text))).toBe(text);
    }
  });

  it('leaves other instants to toISOString, which refuses an invalid one', () => {
    expect(isoInstant(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoInstant(Date.UTC(10_000, 0))).toBe('+010000-01-01T00:00:00.000Z');
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
  });
});
