/**
 * Calendar days in the region's time zone (TZ_REGION): statistics, partitions and "today" lists are
 * local days, not UTC days.
 */
import { instantOfWallClock, wallClockOf } from '../../shared/wall-clock.js';

/** The local date `YYYY-MM-DD` of an instant, as the zone's calendar reads it. */
function formattedDate(instant: Date, timeZone: string): string {
  return wallClockOf(instant, timeZone).slice(0, 10);
}

interface KnownDay {
  date: string;
  /** Epoch milliseconds of its first instant and of the next day's. */
  start: number;
  end: number;
}
/** The days last found per zone (a few: a batch of check-ins spans today and sometimes yesterday). */
const knownDays = new Map<string, KnownDay[]>();
const KNOWN_DAYS_PER_ZONE = 8;

/**
 * The local date `YYYY-MM-DD` of an instant. Most instants asked about fall on a day found just
 * before (today, for every request): its bounds are kept, so the zone's calendar (Intl, ≈ 10 µs a
 * call) is read once a day instead of on every call.
 */
export function localDate(instant: Date, timeZone: string): string {
  const at = instant.getTime();
  const days = knownDays.get(timeZone) ?? [];
  const known = days.find((d) => at >= d.start && at < d.end);
  if (known) return known.date;
  const date = formattedDate(instant, timeZone);
  const start = startOfLocalDay(date, timeZone).getTime();
  const end = startOfLocalDay(addDays(date, 1), timeZone).getTime();
  // Kept only when the calendar agrees at both ends (a zone whose midnight is skipped is read each time).
  const agrees = (t: number) => formattedDate(new Date(t), timeZone) === date;
  if (start <= at && at < end && agrees(start) && agrees(end - 1) && !agrees(end))
    knownDays.set(timeZone, [{ date, start, end }, ...days.slice(0, KNOWN_DAYS_PER_ZONE - 1)]);
  return date;
}

/** Local midnights found (epoch ms by zone and date), a bounded set: cleared when full. */
const midnights = new Map<string, number>();
const MAX_MIDNIGHTS = 4096;

/** The instant local midnight starts the day `date` (`YYYY-MM-DD`). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    midnight = instantOfWallClock(date, timeZone).getTime();
    if (midnights.size >= MAX_MIDNIGHTS) midnights.clear();
    midnights.set(key, midnight);
  }
  return new Date(midnight);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (`daysBetween('2021-05-17', '2021-05-24')` = 8). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every local day of an inclusive range, in order. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export type RangeProblem = 'from_after_to' | 'too_long' | 'in_future';

/**
 * An inclusive range of local days from optional ends: `to` defaults to today and `from` to `to`.
 * Answers the range or why it is not acceptable: reversed, longer than `maxDays`, or beginning after
 * today (nothing can have been recorded yet; a range that only ends after today is kept as asked).
 */
export function resolveRange(
  input: { from?: string; to?: string },
  today: string,
  maxDays: number,
): { from: string; to: string } | { problem: RangeProblem } {
  const to = input.to ?? today;
  const from = input.from ?? to;
  if (from > today) return { problem: 'in_future' };
  if (from > to) return { problem: 'from_after_to' };
  if (daysInRange(from, to) > maxDays) return { problem: 'too_long' };
  return { from, to };
}

/** `YYYY-MM-DD HH:mm` in the zone (lists and exports). */
export function localDateTime(instant: Date, timeZone: string): string {
  return wallClockOf(instant, timeZone).replace('T', ' ');
}

/**
 * The first instant after `now` that is a whole number of `periodMs` after a local midnight, or the
 * next midnight if sooner: when a periodic job runs, so that one run comes just as a day ends.
 */
export function nextLocalTick(now: Date, periodMs: number, timeZone: string): Date {
  const day = localDate(now, timeZone);
  const midnight = startOfLocalDay(day, timeZone).getTime();
  const next = midnight + (Math.floor((now.getTime() - midnight) / periodMs) + 1) * periodMs;
  return new Date(Math.min(next, startOfLocalDay(addDays(day, 1), timeZone).getTime()));
}

/** `DD/MM/YYYY`, the way Vietnamese documents write a date. */
export function vietnameseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
