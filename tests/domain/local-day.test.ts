import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  nextLocalTick,
  resolveRange,
  startOfLocalDay,
} from '../../src/server/domain/local-day.js';

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

describe('the local date of an instant, as the zone calendar reads it', () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const calendar = (instant: Date, timeZone: string) => {
    if (!formats.has(timeZone))
      formats.set(
        timeZone,
        new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      );
    return formats.get(timeZone)!.format(instant);
  };
  // Vietnam; zones with daylight saving; zones whose midnight was skipped or repeated; Samoa, which
  // skipped 30 December 2011 altogether.
  const zones = [
    'Asia/Ho_Chi_Minh',
    'Europe/Berlin',
    'America/New_York',
    'America/Santiago',
    'America/Havana',
    'Asia/Beirut',
    'America/Sao_Paulo',
    'Pacific/Apia',
    'Australia/Lord_Howe',
  ];

  it('agrees with the calendar for random instants, near each other and far apart', () => {
    let seed = 20261203;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const zone of zones) {
      let at = Date.UTC(1990, 0, 1);
      for (let i = 0; i < 3000; i++) {
        // Mostly small steps (the same day asked again and again, its edges crossed), now and then a jump.
        at = i % 50 === 0 ? Date.UTC(1970, 0, 1) + random() * 4.1e12 : at + (random() - 0.3) * 9 * 3_600_000;
        const instant = new Date(Math.round(at));
        expect(localDate(instant, zone), `${instant.toISOString()} in ${zone}`).toBe(calendar(instant, zone));
      }
    }
  });

  it('agrees at the last and first millisecond of days around changes of offset', () => {
    for (const [zone, day] of [
      ['Europe/Berlin', '2026-03-29'],
      ['Europe/Berlin', '2026-10-25'],
      ['America/Santiago', '2026-09-06'],
      ['America/Havana', '2026-03-08'],
      ['Pacific/Apia', '2011-12-31'],
    ] as const) {
      for (const date of [addDays(day, -1), day, addDays(day, 1)]) {
        const start = startOfLocalDay(date, zone).getTime();
        for (const t of [start - 1, start, start + 1]) {
          const instant = new Date(t);
          expect(localDate(instant, zone), `${instant.toISOString()} in ${zone}`).toBe(
            calendar(instant, zone),
          );
        }
      }
    }
  });
});

describe('the ticks of a periodic job', () => {
  const TEN_MINUTES = 600_000;
  const tick = (at: string, zone = VN) => nextLocalTick(new Date(at), TEN_MINUTES, zone).toISOString();

  it('comes every ten minutes of the local clock, one of them at midnight', () => {
    expect(tick('2026-12-03T16:55:00Z')).toBe('2026-12-03T17:00:00.000Z'); // 23:55 → 00:00 in Vietnam
    expect(tick('2026-12-03T17:00:00Z')).toBe('2026-12-03T17:10:00.000Z');
    expect(tick('2026-12-03T17:03:20.5Z')).toBe('2026-12-03T17:10:00.000Z');
  });

  it('follows zones off the whole hour and days that are not 24 hours long', () => {
    expect(tick('2026-12-03T18:10:00Z', 'Asia/Kathmandu')).toBe('2026-12-03T18:15:00.000Z'); // 23:55 +05:45
    // Berlin, 25 October 2026: a 25-hour day; its last ten minutes still end at midnight.
    expect(tick('2026-10-25T22:55:00Z', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
  });
});
