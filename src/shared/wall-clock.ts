/**
 * Wall-clock times in a time zone, for the server (TZ_REGION's days) and the pages (times typed and
 * shown in the region's zone, whatever zone the browser's computer is set to).
 */

/** One formatter per zone for `options`: building one costs far more than using it. */
function perZone(locale: string, options: Intl.DateTimeFormatOptions) {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (timeZone: string) => {
    let format = made.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      made.set(timeZone, format);
    }
    return format;
  };
}

const clockFormat = perZone('en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The fields of `instant`'s wall clock in the zone, read as if they were UTC (ms, whole seconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = clockFormat(timeZone).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Ho_Chi_Minh: 7 hours). */
function offsetMs(instant: number, timeZone: string): number {
  return wallClockAsUtc(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show `wallClock` (`YYYY-MM-DDTHH:mm`, as a date-time field
 * holds it; `YYYY-MM-DD` alone is its midnight). A time shown twice (clocks going back) is its first
 * showing; a time the clocks skip is read with the offset after the change (New York's 02:30 on the
 * day clocks jump from 02:00 to 03:00 is 01:30 before the jump).
 */
export function instantOfWallClock(wallClock: string, timeZone: string): Date {
  const [date = '', time = '00:00'] = wallClock.split('T');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const guess = asUtc - offsetMs(asUtc, timeZone);
  // A second pass settles times near a change of offset (DST zones).
  return new Date(asUtc - offsetMs(guess, timeZone));
}

/** The zone's wall-clock time at `instant`, `YYYY-MM-DDTHH:mm` (to fill a date-time field). */
export function wallClockOf(instant: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}
