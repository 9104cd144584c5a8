import { describe, expect, it } from 'vitest';
import { instantOfWallClock, wallClockOf } from '../../src/shared/wall-clock.js';

const VN = 'Asia/Ho_Chi_Minh';

describe('wall-clock times in the region zone', () => {
  it('reads a time typed in Vietnam as Vietnamese time, whatever zone the computer is set to', () => {
    expect(instantOfWallClock('2026-12-04T00:00', VN).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(instantOfWallClock('2026-12-04T23:59', VN).toISOString()).toBe('2026-12-04T16:59:00.000Z');
    expect(instantOfWallClock('2026-12-04', VN).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(wallClockOf(new Date('2026-12-03T17:10:42Z'), VN)).toBe('2026-12-04T00:10');
  });

  it('gives back every minute it showed, in zones with and without daylight saving', () => {
    const zones = [
      VN,
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'America/Havana',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const zone of zones)
      for (let i = 0; i < 2_000; i++) {
        const instant = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 10 * 365 * 1440) * 60_000);
        const shown = wallClockOf(instant, zone);
        expect(wallClockOf(instantOfWallClock(shown, zone), zone), `${zone} ${shown}`).toBe(shown);
      }
  });

  it('reads a time shown twice as its first showing, and one the clocks skip with the offset after the change', () => {
    // New York, 1 November 2026: 01:30 is shown at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(instantOfWallClock('2026-11-01T01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // 8 March 2026: clocks go from 02:00 to 03:00; 02:30 is never shown, read at UTC-4.
    expect(instantOfWallClock('2026-03-08T02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T06:30:00.000Z',
    );
  });
});
