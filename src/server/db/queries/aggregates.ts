/**
 * Daily aggregates behind the dashboard (F9). Check-in counts and seen-people keys are written by the
 * same statement that inserts the check-ins (the fragments below run inside recordCheckIns), and
 * declaration counts by the declaration's transaction, so the figures are never behind the rows.
 * Rows are grouped and ordered by key before the upsert, so concurrent batches lock in one order.
 */
import { CHANNELS } from '../../../shared/channels.js';
import type { Queryable } from '../db.js';

/** The pseudonymous person key of a check-in or declaration row (`phone`, `name_key` columns). */
export const personKey = (alias: string, phone = 'phone', nameKey = 'name_key') =>
  `hashtextextended(${alias}.${phone} || ' ' || ${alias}.${nameKey}, 0)`;

/** venue_day_counts has one count column per channel (named as the channel) and one of flagged check-ins. */
export const COUNT_COLUMNS = [...CHANNELS, 'flagged'] as const;

/** The counts of a group of check-ins, in COUNT_COLUMNS order, then its latest check-in. */
export const CHANNEL_SUMS = [
  ...CHANNELS.map((c) => `count(*) FILTER (WHERE channel = '${c}')`),
  'count(*) FILTER (WHERE flagged)',
  'max(checked_in_at)',
].join(', ');

const UPSERT_VENUE_DAY = `ON CONFLICT (path_1, venue_id, day) DO UPDATE SET
  ${COUNT_COLUMNS.map((c) => `${c} = d.${c} + excluded.${c}`).join(', ')},
  last_check_in_at = greatest(d.last_check_in_at, excluded.last_check_in_at)`;

export const VENUE_DAY_COLUMNS = `venue_id, day, path_1, path_2, path_3, category, ${COUNT_COLUMNS.join(', ')}, last_check_in_at`;

/** Adds the CTE `fresh` (venue_id, day, admin_unit_path, category, channel, flagged, checked_in_at) to venue_day_counts. */
export const COUNT_FRESH_CHECK_INS = `INSERT INTO venue_day_counts AS d (${VENUE_DAY_COLUMNS})
       SELECT venue_id, day, admin_unit_path[1], admin_unit_path[2], admin_unit_path[3], category, ${CHANNEL_SUMS}
         FROM fresh GROUP BY venue_id, day, admin_unit_path, category ORDER BY admin_unit_path[1], venue_id, day
       ${UPSERT_VENUE_DAY}
       RETURNING 1`;

/** Adds the people of the CTE `fresh` (phone, name_key, day, admin_unit_path) to person_unit_days at every level. */
export const REMEMBER_FRESH_PEOPLE = `INSERT INTO person_unit_days (unit_code, day, person_key)
       SELECT DISTINCT u.code, f.day, ${personKey('f')}
         FROM fresh f CROSS JOIN LATERAL unnest(f.admin_unit_path) AS u(code)
        ORDER BY 1, 2, 3
       ON CONFLICT DO NOTHING
       RETURNING 1`;

/** Counts one declaration (and the person's first card, if it issued one) for 'VN' and every unit of its path. */
export async function countDeclaration(
  q: Queryable,
  d: { day: string; unitPath: readonly string[]; flagged: boolean; issuedFirstCard: boolean },
) {
  await q.query(
    `INSERT INTO unit_day_declarations AS d (unit_code, day, declarations, flagged, cards_issued)
     SELECT u.code, $2::date, 1, $3::int, $4::int FROM unnest($1::text[]) AS u(code) ORDER BY u.code
     ON CONFLICT (unit_code, day) DO UPDATE SET declarations = d.declarations + 1,
       flagged = d.flagged + excluded.flagged, cards_issued = d.cards_issued + excluded.cards_issued`,
    [['VN', ...d.unitPath], d.day, d.flagged ? 1 : 0, d.issuedFirstCard ? 1 : 0],
  );
}
