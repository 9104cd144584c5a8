/**
 * The repair tool behind bulk loads: the check-in aggregates of some days recomputed from the
 * check-ins themselves (people sketches and country roll-ups of those days forgotten, for the jobs to
 * build again).
 */
import type { Queryable } from '../db.js';
import { eachDay } from '../../domain/local-day.js';
import { CHANNEL_SUMS, personKey, VENUE_DAY_COLUMNS } from './aggregates.js';
import { forgetRollupDays } from './country-rollup.js';

/**
 * Recomputes the check-in aggregates of local days [fromDay, toDay] from the check-ins themselves:
 * for rows loaded in bulk (COPY) and as a repair tool. Days outside the retention keep their figures.
 */
export async function rebuildCheckInAggregates(
  q: Queryable,
  fromDay: string,
  toDay: string,
  timeZone: string,
) {
  await q.query('DELETE FROM venue_day_counts WHERE day BETWEEN $1 AND $2', [fromDay, toDay]);
  await q.query('DELETE FROM person_unit_days WHERE day BETWEEN $1 AND $2', [fromDay, toDay]);
  await q.query('DELETE FROM people_sketch_days WHERE day BETWEEN $1 AND $2', [fromDay, toDay]);
  await forgetRollupDays(q, eachDay(fromDay, toDay));
  const rows = `SELECT c.venue_id, (c.checked_in_at AT TIME ZONE $3::text)::date AS day, v.admin_unit_path, v.category,
                       c.channel, c.flagged, c.checked_in_at, c.person_phone AS phone, c.person_name_key AS name_key
                  FROM check_ins c JOIN venues v ON v.id = c.venue_id
                 WHERE (c.checked_in_at AT TIME ZONE $3::text)::date BETWEEN $1 AND $2
                   AND c.checked_in_at >= ($1::date - 1)::timestamptz AND c.checked_in_at < ($2::date + 2)::timestamptz`;
  await q.query(
    `WITH fresh AS (${rows})
     INSERT INTO venue_day_counts (${VENUE_DAY_COLUMNS})
     SELECT venue_id, day, admin_unit_path[1], admin_unit_path[2], admin_unit_path[3], category, ${CHANNEL_SUMS}
       FROM fresh GROUP BY venue_id, day, admin_unit_path, category`,
    [fromDay, toDay, timeZone],
  );
  await q.query(
    `WITH fresh AS (${rows})
     INSERT INTO person_unit_days (unit_code, day, person_key)
     SELECT DISTINCT u.code, f.day, ${personKey('f')} FROM fresh f CROSS JOIN LATERAL unnest(f.admin_unit_path) AS u(code)`,
    [fromDay, toDay, timeZone],
  );
}
