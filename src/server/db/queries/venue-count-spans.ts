/**
 * Each venue's check-ins summed over aligned spans of ended days (migration 0023), so the per-venue
 * table of a long range adds up a few rows a venue instead of one per day. Built by the roll-up job
 * from complete days only, under the roll-up lock; forgotten with the roll-ups of any day they cover
 * (forgetRollupDays).
 */
import { ELECTRONIC_CHANNELS } from '../../../shared/channels.js';
import { lastDayOf, type DaySpan } from '../../domain/sketch-spans.js';
import { LOCKS } from '../locks.js';
import type { Queryable } from '../db.js';

/** The spans stored wholly inside [from, to]. */
export async function storedVenueSpans(q: Queryable, from: string, to: string): Promise<DaySpan[]> {
  const { rows } = await q.query<DaySpan>(
    `SELECT first_day::text AS "firstDay", days FROM venue_count_spans
      WHERE first_day >= $1 AND first_day + days - 1 <= $2`,
    [from, to],
  );
  return rows;
}

/**
 * Sums `span` from its halves (two days, or two stored spans) if every day of it has a complete
 * roll-up and it is not stored yet; answers whether it was built. Under the roll-up lock, so a change
 * to one of its days (which forgets the day's roll-up under the same lock, shared) comes wholly before
 * or after.
 */
export async function buildVenueSpan(q: Queryable, span: DaySpan, halves: [DaySpan, DaySpan]) {
  await q.query(`SELECT pg_advisory_xact_lock(${LOCKS.checkInRollup})`);
  const last = lastDayOf(span);
  const { rows } = await q.query<{ ready: boolean }>(
    `SELECT (SELECT count(*) FROM check_in_rollup_days WHERE day BETWEEN $1 AND $2 AND complete) = $3
        AND NOT EXISTS (SELECT 1 FROM venue_count_spans WHERE first_day = $1 AND days = $3)
        AND ($3 = 2 OR (SELECT count(*) FROM venue_count_spans
                         WHERE (first_day, days) IN (($4::date, $5::int), ($6::date, $5::int))) = 2) AS ready`,
    [span.firstDay, last, span.days, halves[0].firstDay, halves[0].days, halves[1].firstDay],
  );
  if (!rows[0]?.ready) return false;
  await q.query('INSERT INTO venue_count_spans (first_day, days) VALUES ($1, $2)', [
    span.firstDay,
    span.days,
  ]);
  // Two days from their venue-days; a longer span from its two halves' sums.
  const [source, params] =
    span.days === 2
      ? [
          `SELECT venue_id, path_1, path_2, path_3, ${ELECTRONIC_CHANNELS.join(' + ')} AS electronic, paper, last_check_in_at
             FROM venue_day_counts WHERE day BETWEEN $1 AND $3`,
          [last],
        ]
      : [
          `SELECT venue_id, path_1, path_2, path_3, electronic, paper, last_check_in_at
             FROM venue_span_counts WHERE (first_day, days) IN (($1::date, $3::int), ($4::date, $3::int))`,
          [halves[0].days, halves[1].firstDay],
        ];
  await q.query(
    `INSERT INTO venue_span_counts (first_day, days, venue_id, path_1, path_2, path_3, electronic, paper, last_check_in_at)
     SELECT $1, $2, venue_id, path_1, max(path_2), max(path_3), sum(electronic), sum(paper), max(last_check_in_at)
       FROM (${source}) h
      GROUP BY path_1, venue_id`,
    [span.firstDay, span.days, ...params],
  );
  return true;
}

/** Forgets the spans over any of `days` (null: every span). In the transaction that changes them. */
export async function forgetVenueSpans(q: Queryable, days: readonly string[] | null) {
  await q.query(
    `DELETE FROM venue_count_spans s
      WHERE $1::date[] IS NULL
         OR EXISTS (SELECT 1 FROM unnest($1::date[]) AS d(day) WHERE d.day >= s.first_day AND d.day < s.first_day + s.days)`,
    [days],
  );
}
