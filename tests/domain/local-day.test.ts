import { describe, expect, it } from 'vitest';
import { addDays, localDate, startOfLocalDay } from '../../src/server/domain/local-day.js';

const VN = 'Asia/Ho_Chi_Minh';

describe('local days', () => {
  it('puts 23:30 UTC on the next Vietnamese day', () => {
    expect(localDate(new Date('2026-11-24T16:59:59Z'), VN)).toBe('2026-11-24');
    expect(localDate(new Date('2026-11-24T17:00:00Z'), VN)).toBe('2026-11-25');
  });

  it('starts a Vietnamese day at 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-11-25', VN).toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('handles zones with daylight saving on the changeover day', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
