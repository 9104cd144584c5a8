import type { Queryable } from '../db.js';
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';

export interface NewCheckIn {
  id: string;
  clientId: string;
  entrancePublicId: string;
  checkedInAt: Date;
  defaultStayMinutes: number;
  channel: Channel;
  person: {
    phone: string;
    fullName: string;
    nameKey: string;
    idNumber: string | null;
    birthYear: number | null;
    sex: string | null;
    nationality: string | null;
    adminUnitCode: string | null;
    address: string | null;
  };
  flagged: boolean;
  statusColour: StatusColour | null;
  cardId: string | null;
  declarationId: string | null;
  recordedByUserId: number | null;
}

/** The person columns in table order (phone, full name, name key, id number, birth year, sex, nationality, unit, address). */
export function personParams(p: NewCheckIn['person']): unknown[] {
  return [p.phone, p.fullName, p.nameKey, p.idNumber, p.birthYear, p.sex, p.nationality, p.adminUnitCode, p.address];
}

export interface RecordOutcome {
  venueId: number;
  venueName: string;
  venueStatus: 'active' | 'suspended';
  /** False when the clientId was seen before (nothing written) or the venue is suspended. */
  inserted: boolean;
}

/**
 * One round trip for the hot path: resolve the entrance, claim the clientId, close the person's
 * open stay elsewhere, and insert the check-in. No row back means the entrance does not exist.
 */
export async function recordCheckIn(q: Queryable, c: NewCheckIn): Promise<RecordOutcome | null> {
  const { rows } = await q.query<RecordOutcome>(
    `WITH v AS (
       SELECT e.id AS entrance_id, e.venue_id, vn.name, vn.status,
              COALESCE(vn.default_stay_minutes, $4::int) AS stay_minutes
         FROM venue_entrances e JOIN venues vn ON vn.id = e.venue_id
        WHERE e.public_id = $3
     ), claimed AS (
       INSERT INTO client_requests (client_id, kind, result_id, result_at)
       SELECT $2::uuid, 'check_in', $1::uuid, $5::timestamptz FROM v WHERE v.status = 'active'
       ON CONFLICT (client_id) DO NOTHING
       RETURNING client_id
     ), closed AS (
       UPDATE check_ins c SET checked_out_at = $5::timestamptz, checkout_reason = 'next_check_in'
        WHERE EXISTS (SELECT 1 FROM claimed)
          AND c.person_phone = $7 AND c.person_name_key = $9 AND c.checked_out_at IS NULL
          AND c.checked_in_at >= $18::timestamptz AND c.checked_in_at < $5::timestamptz
          AND c.checked_in_at + make_interval(mins => c.stay_minutes) > $5::timestamptz
       RETURNING c.id
     ), inserted AS (
       INSERT INTO check_ins (id, venue_id, entrance_id, checked_in_at, stay_minutes, channel,
                              person_phone, person_full_name, person_name_key, person_id_number,
                              person_birth_year, person_sex, person_nationality, person_admin_unit_code,
                              person_address, flagged, recorded_by_user_id, status_colour, card_id, declaration_id)
       SELECT $1::uuid, v.venue_id, v.entrance_id, $5::timestamptz, v.stay_minutes, $6,
              $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $19, $20::uuid, $21::uuid
         FROM v, claimed
       RETURNING id
     )
     SELECT v.venue_id AS "venueId", v.name AS "venueName", v.status AS "venueStatus",
            EXISTS (SELECT 1 FROM inserted) AS inserted,
            (SELECT count(*) FROM closed) AS closed
       FROM v`,
    [
      c.id,
      c.clientId,
      c.entrancePublicId,
      c.defaultStayMinutes,
      c.checkedInAt,
      c.channel,
      ...personParams(c.person),
      c.flagged,
      c.recordedByUserId,
      // A literal bound (not `$5 - interval`) lets the planner prune to the one or two day partitions.
      new Date(c.checkedInAt.getTime() - MAX_STAY_MINUTES * 60_000),
      c.statusColour,
      c.cardId,
      c.declarationId,
    ],
    'record_check_in',
  );
  return rows[0] ?? null;
}

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

export async function setCheckedOut(q: Queryable, id: string, checkedInAt: Date, at: Date, reason: 'self' | 'staff') {
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

/** Check-ins per channel in [from, to) and the number of people inside at `now`. */
export async function venueDayCounts(q: Queryable, venueId: number, from: Date, to: Date, now: Date) {
  const { rows } = await q.query<{ inside: number; byChannel: Record<string, number> }>(
    `SELECT
       (SELECT count(*)::int FROM check_ins c
         WHERE c.venue_id = $1 AND c.checked_in_at <= $4
           AND c.checked_in_at > $4::timestamptz - make_interval(mins => ${MAX_STAY_MINUTES})
           AND COALESCE(c.checked_out_at, c.checked_in_at + make_interval(mins => c.stay_minutes)) > $4) AS inside,
       (SELECT COALESCE(json_object_agg(channel, n), '{}'::json) FROM (
          SELECT channel, count(*)::int AS n FROM check_ins
           WHERE venue_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY channel) t) AS "byChannel"`,
    [venueId, from, to, now],
  );
  const row = rows[0]!;
  const total = Object.values(row.byChannel).reduce((sum, n) => sum + n, 0);
  return { total, inside: row.inside, byChannel: row.byChannel };
}
