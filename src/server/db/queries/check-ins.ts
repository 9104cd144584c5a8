import type { Queryable } from '../db.js';
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';

export interface CheckInRow {
  id: string;
  venueId: number;
  venueName: string;
  checkedInAt: Date;
  checkedOutAt: Date | null;
  checkoutReason: string | null;
  stayMinutes: number;
  channel: Channel;
  fullName: string;
  phone: string;
  flagged: boolean;
  statusColour: StatusColour | null;
}

const CHECK_IN_COLUMNS = `c.id, c.venue_id AS "venueId", v.name AS "venueName", c.checked_in_at AS "checkedInAt",
  c.checked_out_at AS "checkedOutAt", c.checkout_reason AS "checkoutReason", c.stay_minutes AS "stayMinutes",
  c.channel, c.person_full_name AS "fullName", c.person_phone AS phone, c.flagged, c.status_colour AS "statusColour"`;

/** The check-in that answered a clientId first (for idempotent retries). */
export async function findCheckInByClientId(q: Queryable, clientId: string) {
  const { rows } = await q.query<CheckInRow>(
    `SELECT ${CHECK_IN_COLUMNS}
       FROM client_requests r
       JOIN check_ins c ON c.id = r.result_id AND c.checked_in_at = r.result_at
       JOIN venues v ON v.id = c.venue_id
      WHERE r.client_id = $1`,
    [clientId],
  );
  return rows[0] ?? null;
}

export async function findCheckIn(q: Queryable, id: string) {
  const { rows } = await q.query<CheckInRow>(
    `SELECT ${CHECK_IN_COLUMNS} FROM check_ins c JOIN venues v ON v.id = c.venue_id WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function setCheckedOut(
  q: Queryable,
  id: string,
  checkedInAt: Date,
  at: Date,
  reason: 'self' | 'staff',
) {
  await q.query(
    `UPDATE check_ins SET checked_out_at = $3, checkout_reason = $4
      WHERE id = $1 AND checked_in_at = $2 AND checked_out_at IS NULL`,
    [id, checkedInAt, at, reason],
  );
}

/** Check-ins at a venue that started in [from, to), newest first. */
export async function listVenueCheckIns(q: Queryable, venueId: number, from: Date, to: Date, limit: number) {
  const { rows } = await q.query<CheckInRow>(
    `SELECT ${CHECK_IN_COLUMNS} FROM check_ins c JOIN venues v ON v.id = c.venue_id
      WHERE c.venue_id = $1 AND c.checked_in_at >= $2 AND c.checked_in_at < $3
      ORDER BY c.checked_in_at DESC LIMIT $4`,
    [venueId, from, to, limit],
  );
  return rows;
}

/** A check-in `c` whose stay covers `at` (the bound on checked_in_at lets old partitions be skipped). */
export const stayCovers = (at: string) =>
  `c.checked_in_at <= ${at} AND c.checked_in_at > ${at} - make_interval(mins => ${MAX_STAY_MINUTES})
   AND presence(c.checked_in_at, c.checked_out_at, c.stay_minutes) @> ${at}`;

/**
 * SQL for the number of people inside venue `venue` at instant `at` (both SQL expressions): stays begun
 * and not ended (check-out, or the default end), by the GiST presence index; the bounds on
 * `checked_in_at` let the planner keep to the day partitions a stay can come from.
 */
export const insideAt = (venue: string, at: string, extraCondition = 'TRUE') =>
  `(SELECT count(*)::int FROM check_ins c
     WHERE c.venue_id = ${venue} AND ${stayCovers(at)} AND ${extraCondition})`;

/** People inside a venue at `at`, and its capacity. */
export async function venueOccupancy(q: Queryable, venueId: number, at: Date) {
  const { rows } = await q.query<{ inside: number; capacity: number | null }>(
    `SELECT ${insideAt('$1', '$2::timestamptz')} AS inside, capacity FROM venues WHERE id = $1`,
    [venueId, at],
  );
  return rows[0] ?? { inside: 0, capacity: null };
}

/** Check-ins per channel in [from, to) and the number of people inside at `now`. */
export async function venueDayCounts(q: Queryable, venueId: number, from: Date, to: Date, now: Date) {
  const { rows } = await q.query<{ inside: number; byChannel: Record<string, number> }>(
    `SELECT
       ${insideAt('$1', '$4::timestamptz')} AS inside,
       (SELECT COALESCE(json_object_agg(channel, n), '{}'::json) FROM (
          SELECT channel, count(*)::int AS n FROM check_ins
           WHERE venue_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY channel) t) AS "byChannel"`,
    [venueId, from, to, now],
  );
  const row = rows[0]!;
  const total = Object.values(row.byChannel).reduce((sum, n) => sum + n, 0);
  return { total, inside: row.inside, byChannel: row.byChannel };
}

/** Check-ins at a venue that started in [from, to), oldest first, from after the (time, id) cursor. */
export async function venueCheckInsPage(
  q: Queryable,
  venueId: number,
  from: Date,
  to: Date,
  after: { at: Date; id: string } | null,
  limit: number,
) {
  const { rows } = await q.query<CheckInRow>(
    `SELECT ${CHECK_IN_COLUMNS} FROM check_ins c JOIN venues v ON v.id = c.venue_id
      WHERE c.venue_id = $1 AND c.checked_in_at >= $2 AND c.checked_in_at < $3
        AND ($4::timestamptz IS NULL OR (c.checked_in_at, c.id) > ($4::timestamptz, $5::uuid))
      ORDER BY c.checked_in_at, c.id LIMIT $6`,
    [venueId, from, to, after?.at ?? null, after?.id ?? null, limit],
  );
  return rows;
}

export async function countVenueCheckIns(q: Queryable, venueId: number, from: Date, to: Date) {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM check_ins WHERE venue_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3',
    [venueId, from, to],
  );
  return rows[0]!.n;
}

/** The colour a check-in is shown with, when it changed after the write (a person found as F1). */
export async function setCheckInColour(q: Queryable, id: string, checkedInAt: Date, colour: StatusColour) {
  await q.query('UPDATE check_ins SET status_colour = $3 WHERE id = $1 AND checked_in_at = $2', [
    id,
    checkedInAt,
    colour,
  ]);
}
