/**
 * Which stored people sketches cover a range of days (F9, issue 18). Each closed day has its sketch,
 * and the job merges aligned spans of 2, 4, 8… LONGEST_SPAN days (a span of n days starts on a day
 * whose number since 2000-01-01 is a multiple of n) from their two halves. A range is covered from its
 * first day on by the longest stored span that starts there and fits, so n days take about 2·log2(n)
 * sketches per unit; days no sketch covers (today, or a day forgotten by a late check-in) are left to
 * be counted from the keys.
 */
import { addDays, daysInRange, eachDay } from './local-day.js';

export interface DaySpan {
  firstDay: string;
  /** 1 for a day's own sketch, else a power of two. */
  days: number;
}

export const LONGEST_SPAN = 64;

/** Days since 2000-01-01 (a Saturday): the grid spans are aligned on. */
export const dayNumber = (day: string) => daysInRange('2000-01-01', day) - 1;

export const lastDayOf = (span: DaySpan) => addDays(span.firstDay, span.days - 1);

/** The stored spans (days included) that together cover [from, to] with the fewest sketches. */
export function coverRange(from: string, to: string, stored: readonly DaySpan[]) {
  const longestAt = new Map<string, number>();
  for (const s of stored)
    if (s.firstDay >= from && lastDayOf(s) <= to)
      longestAt.set(s.firstDay, Math.max(longestAt.get(s.firstDay) ?? 0, s.days));
  const spans: DaySpan[] = [];
  const uncovered: string[] = [];
  for (let day = from; day <= to;) {
    const days = longestAt.get(day);
    if (days) spans.push({ firstDay: day, days });
    else uncovered.push(day);
    day = addDays(day, days ?? 1);
  }
  return { spans, uncovered };
}

/**
 * The spans the job can build next from what is stored: aligned, at most LONGEST_SPAN days, not stored
 * yet, both halves stored. Shortest first, so one pass of building and asking again climbs the sizes.
 */
export function spansToBuild(stored: readonly DaySpan[]): { span: DaySpan; halves: [DaySpan, DaySpan] }[] {
  const have = new Set(stored.map((s) => `${s.firstDay}/${s.days}`));
  const found: { span: DaySpan; halves: [DaySpan, DaySpan] }[] = [];
  for (const first of stored) {
    const days = first.days * 2;
    if (days > LONGEST_SPAN || dayNumber(first.firstDay) % days !== 0) continue;
    const second = { firstDay: addDays(first.firstDay, first.days), days: first.days };
    if (!have.has(`${second.firstDay}/${second.days}`) || have.has(`${first.firstDay}/${days}`)) continue;
    found.push({ span: { firstDay: first.firstDay, days }, halves: [first, second] });
  }
  return found.sort((a, b) => a.span.days - b.span.days || a.span.firstDay.localeCompare(b.span.firstDay));
}

/** Every day of a span. */
export const daysOf = (span: DaySpan) => eachDay(span.firstDay, lastDayOf(span));
