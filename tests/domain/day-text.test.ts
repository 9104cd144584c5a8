import { describe, expect, it } from 'vitest';
import { dayText, parseDay, parseTime } from '../../src/web/components/day-text.js';

describe('days written dd/mm/yyyy', () => {
  it('shows an ISO day the Vietnamese way', () => {
    expect(dayText('2026-11-20')).toBe('20/11/2026');
    expect(dayText('')).toBe('');
  });

  it('reads a day typed with slashes, dots, dashes or spaces, with or without leading zeros', () => {
    for (const typed of ['20/11/2026', '20.11.2026', '20-11-2026', '20 11 2026', ' 20/11/2026 '])
      expect(parseDay(typed)).toBe('2026-11-20');
    expect(parseDay('2/3/2026')).toBe('2026-03-02');
  });

  it('refuses days that do not exist and the month-first order', () => {
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('11/20/2026')).toBeNull();
    expect(parseDay('29/02/2025')).toBeNull();
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
    expect(parseDay('2026-11-20')).toBeNull();
    expect(parseDay('20/11/26')).toBeNull();
  });
});

describe('times written hh:mm on a 24-hour clock', () => {
  it('reads the usual ways of writing a time', () => {
    expect(parseTime('8:30')).toBe('08:30');
    expect(parseTime('08:30')).toBe('08:30');
    expect(parseTime('0830')).toBe('08:30');
    expect(parseTime('20h05')).toBe('20:05');
  });

  it('refuses times past 23:59 and AM/PM', () => {
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTime('8:30 PM')).toBeNull();
  });
});
