import { describe, expect, it } from 'vitest';
import { addDays, localDate, resolveRange, startOfLocalDay } from '../../src/server/domain/local-day.js';

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

describe('a requested range of days', () => {
  const today = '2026-12-03';

  it('defaults to today, and a lone end to a single day', () => {
    expect(resolveRange({}, today, 366)).toEqual({ from: today, to: today });
    expect(resolveRange({ from: '2026-12-01' }, today, 366)).toEqual({ from: '2026-12-01', to: today });
    expect(resolveRange({ to: '2026-11-30' }, today, 366)).toEqual({ from: '2026-11-30', to: '2026-11-30' });
  });

  it('refuses a range that begins after today, however its ends are given', () => {
    expect(resolveRange({ from: '2026-12-04' }, today, 366)).toEqual({ problem: 'in_future' });
    expect(resolveRange({ to: '2026-12-04' }, today, 366)).toEqual({ problem: 'in_future' });
    expect(resolveRange({ from: '2027-01-01', to: '2027-01-02' }, today, 366)).toEqual({
      problem: 'in_future',
    });
  });

  it('keeps a range that begins by today and ends after it', () => {
    expect(resolveRange({ from: today, to: '2026-12-05' }, today, 366)).toEqual({
      from: today,
      to: '2026-12-05',
    });
  });

  it('refuses a reversed range and one longer than the limit', () => {
    expect(resolveRange({ from: '2026-12-02', to: '2026-12-01' }, today, 366)).toEqual({
      problem: 'from_after_to',
    });
    expect(resolveRange({ from: '2026-11-01', to: '2026-12-01' }, today, 30)).toEqual({
      problem: 'too_long',
    });
  });
});
