/** Compliance look-ups and actions (F10): silent venues, registration deadlines, reminders. */
import type { Queryable } from '../db.js';

export interface SilentVenue {
  venueId: number;
  name: string;
  category: string;
  adminUnitCode: string;
  contactPhone: string;
  createdAt: Date;
  lastCheckInAt: Date | null;
  remindedAt: Date | null;
}

/**
 * Active venues of a unit (null code: everywhere) registered before `registeredBefore` with no check-in
 * since `silentSince`, longest silent first.
 */
export async function silentVenues(
  q: Queryable,
  unitCode: string | null,
  window: { registeredBefore: Date; silentSince: Date },
  limit: number,
) {
  const { rows } = await q.query<SilentVenue>(
    `SELECT v.id AS "venueId", v.name, v.category, v.admin_unit_code AS "adminUnitCode", v.contact_phone AS "contactPhone",
            v.created_at AS "createdAt", last.at AS "lastCheckInAt",
            (SELECT max(r.sent_at) FROM reminders r WHERE r.venue_id = v.id) AS "remindedAt"
       FROM venues v
       LEFT JOIN LATERAL (SELECT max(d.last_check_in_at) AS at FROM venue_day_counts d WHERE d.path_1 = v.admin_unit_path[1] AND d.venue_id = v.id) last ON TRUE
      WHERE v.status = 'active' AND v.created_at < $4 AND ($3::text IS NULL OR v.admin_unit_path @> ARRAY[$3::text])
        AND (last.at IS NULL OR last.at < $1)
      ORDER BY last.at NULLS FIRST, v.id
      LIMIT $2`,
    [window.silentSince, limit, unitCode, window.registeredBefore],
  );
  return rows;
}

export interface DeadlineRow {
  id: number;
  adminUnitCode: string;
  adminUnitName: string;
  category: string | null;
  deadline: string;
  note: string | null;
}

/** Deadlines set for the unit, a unit above it or a unit below it (everything for the country, empty path). */
export async function deadlinesAround(q: Queryable, version: string, path: readonly string[]) {
  const { rows } = await q.query<DeadlineRow>(
    `SELECT d.id, d.admin_unit_code AS "adminUnitCode", u.name AS "adminUnitName", d.category, d.deadline::text AS deadline, d.note
       FROM registration_deadlines d JOIN admin_units u ON u.version = d.admin_unit_version AND u.code = d.admin_unit_code
      WHERE d.admin_unit_version = $1
        AND (cardinality($2::text[]) = 0 OR d.admin_unit_code = ANY($2::text[]) OR d.admin_unit_path @> ARRAY[$3::text])
      ORDER BY d.deadline DESC, d.id`,
    [version, path, path[path.length - 1] ?? ''],
  );
  return rows;
}

export interface DeadlineProgress {
  registeredOnTime: number;
  registeredLate: number;
  silentSinceDeadline: number;
}

/** How the venues of a deadline's unit and category met it: registered by the deadline, after it, silent since. */
export async function deadlineProgress(
  q: Queryable,
  unitCode: string,
  category: string | null,
  deadlineEnd: Date,
): Promise<DeadlineProgress> {
  const { rows } = await q.query<DeadlineProgress>(
    `SELECT count(*) FILTER (WHERE v.created_at < $3)::int AS "registeredOnTime",
            count(*) FILTER (WHERE v.created_at >= $3)::int AS "registeredLate",
            count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM venue_day_counts d WHERE d.path_1 = v.admin_unit_path[1] AND d.venue_id = v.id AND d.last_check_in_at >= $3))::int AS "silentSinceDeadline"
       FROM venues v
      WHERE v.admin_unit_path @> ARRAY[$1::text] AND ($2::text IS NULL OR v.category = $2)`,
    [unitCode, category, deadlineEnd],
  );
  return rows[0]!;
}

export async function insertDeadline(
  q: Queryable,
  d: {
    version: string;
    path: readonly string[];
    category: string | null;
    deadline: string;
    note: string | null;
    userId: number;
  },
) {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO registration_deadlines (admin_unit_version, admin_unit_code, admin_unit_path, category, deadline, note, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [d.version, d.path[d.path.length - 1], d.path, d.category, d.deadline, d.note, d.userId],
  );
  return rows[0]!.id;
}

export async function findDeadline(q: Queryable, id: number) {
  const { rows } = await q.query<{ id: number; adminUnitCode: string; adminUnitPath: string[] }>(
    'SELECT id, admin_unit_code AS "adminUnitCode", admin_unit_path AS "adminUnitPath" FROM registration_deadlines WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function deleteDeadline(q: Queryable, id: number) {
  await q.query('DELETE FROM registration_deadlines WHERE id = $1', [id]);
}

/** One reminder per venue, in one statement. */
export async function insertReminders(
  q: Queryable,
  venueIds: readonly number[],
  message: string,
  userId: number,
  at: Date,
) {
  await q.query(
    `INSERT INTO reminders (venue_id, message, sent_by_user_id, sent_at)
     SELECT venue_id, $2, $3, $4 FROM unnest($1::bigint[]) AS v(venue_id)`,
    [venueIds, message, userId, at],
  );
}

export interface ReminderRow {
  id: number;
  message: string;
  sentAt: Date;
  readAt: Date | null;
  sentBy: string | null;
}

export async function remindersOf(q: Queryable, venueId: number, limit = 50) {
  const { rows } = await q.query<ReminderRow>(
    `SELECT r.id, r.message, r.sent_at AS "sentAt", r.read_at AS "readAt", u.username AS "sentBy"
       FROM reminders r LEFT JOIN users u ON u.id = r.sent_by_user_id
      WHERE r.venue_id = $1 ORDER BY r.sent_at DESC, r.id DESC LIMIT $2`,
    [venueId, limit],
  );
  return rows;
}

export async function markRemindersRead(q: Queryable, venueId: number, at: Date) {
  await q.query('UPDATE reminders SET read_at = $2 WHERE venue_id = $1 AND read_at IS NULL', [venueId, at]);
}
