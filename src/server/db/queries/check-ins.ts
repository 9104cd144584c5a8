import type { Queryable } from '../db.js';
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';
import { COUNT_FRESH_CHECK_INS, REMEMBER_FRESH_PEOPLE } from './aggregates.js';

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
    /** Sealed (AES-GCM), never the number in clear. */
    idNumber: string | null;
    /** Keyed hash of the ID number, for look-ups. */
    idHash: Buffer | null;
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
  return [
    p.phone,
    p.fullName,
    p.nameKey,
    p.idNumber,
    p.birthYear,
    p.sex,
    p.nationality,
    p.adminUnitCode,
    p.address,
  ];
}

export interface RecordOutcome {
  venueId: number;
  venueName: string;
  venueStatus: 'active' | 'suspended';
  /** False when the clientId was seen before (nothing written) or the venue is suspended. */
  inserted: boolean;
}

/**
 * Records several check-ins in one round trip (concurrent requests are batched, see
 * services/batcher.ts). Per row: resolve the entrance, claim the clientId, close the person's
 * open stay elsewhere, insert, and count it in the daily aggregates (queries/aggregates.ts). Answers one outcome per input row, in input order; null where the
 * entrance does not exist.
 */
export async function recordCheckIns(
  q: Queryable,
  rows: readonly NewCheckIn[],
  timeZone: string,
): Promise<(RecordOutcome | null)[]> {
  const col = <T>(pick: (c: NewCheckIn) => T) => rows.map(pick);
  const times = rows.map((c) => c.checkedInAt.getTime());
  const { rows: out } = await q.query<RecordOutcome & { ord: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::smallint[], $11::text[], $12::text[], $13::text[], $14::text[],
                            $15::boolean[], $16::bigint[], $17::text[], $18::uuid[], $19::uuid[], $20::int[],
                            $24::bytea[])
         WITH ORDINALITY AS t(id, client_id, entrance, checked_in_at, channel, phone, full_name, name_key, id_number,
                              birth_year, sex, nationality, admin_unit_code, address, flagged, recorded_by,
                              status_colour, card_id, declaration_id, default_stay, id_hash, ord)
     ), v AS (
       SELECT i.*, e.id AS entrance_id, e.venue_id, vn.name AS venue_name, vn.status AS venue_status,
              vn.category, vn.admin_unit_path, (i.checked_in_at AT TIME ZONE $23::text)::date AS day,
              COALESCE(vn.default_stay_minutes, i.default_stay) AS stay_minutes
         FROM input i JOIN venue_entrances e ON e.public_id = i.entrance JOIN venues vn ON vn.id = e.venue_id
     ), claimed AS (
       INSERT INTO client_requests (client_id, kind, result_id, result_at)
       SELECT client_id, 'check_in', id, checked_in_at FROM v WHERE venue_status = 'active'
       ON CONFLICT (client_id) DO NOTHING
       RETURNING client_id, result_id
     ), fresh AS (
       SELECT v.* FROM v JOIN claimed ON claimed.client_id = v.client_id AND claimed.result_id = v.id
     ), closed AS (
       UPDATE check_ins c SET checked_out_at = f.checked_in_at, checkout_reason = 'next_check_in'
         FROM fresh f
        WHERE c.person_phone = f.phone AND c.person_name_key = f.name_key AND c.checked_out_at IS NULL
          AND c.checked_in_at >= $21::timestamptz AND c.checked_in_at < $22::timestamptz
          AND c.checked_in_at >= f.checked_in_at - make_interval(mins => ${MAX_STAY_MINUTES})
          AND c.checked_in_at < f.checked_in_at
          AND c.checked_in_at + make_interval(mins => c.stay_minutes) > f.checked_in_at
       RETURNING c.id
     ), inserted AS (
       INSERT INTO check_ins (id, venue_id, entrance_id, checked_in_at, stay_minutes, channel,
                              person_phone, person_full_name, person_name_key, person_id_number,
                              person_birth_year, person_sex, person_nationality, person_admin_unit_code,
                              person_address, flagged, recorded_by_user_id, status_colour, card_id, declaration_id,
                              person_id_hash)
       SELECT id, venue_id, entrance_id, checked_in_at, stay_minutes, channel, phone, full_name, name_key, id_number,
              birth_year, sex, nationality, admin_unit_code, address, flagged, recorded_by, status_colour, card_id,
              declaration_id, id_hash
         FROM fresh
       RETURNING id
     ), counted AS (
       ${COUNT_FRESH_CHECK_INS}
     ), seen AS (
       ${REMEMBER_FRESH_PEOPLE}
     )
     SELECT v.ord::int AS ord, v.venue_id AS "venueId", v.venue_name AS "venueName", v.venue_status AS "venueStatus",
            v.id IN (SELECT id FROM inserted) AS inserted
       FROM v`,
    [
      col((c) => c.id),
      col((c) => c.clientId),
      col((c) => c.entrancePublicId),
      col((c) => c.checkedInAt),
      col((c) => c.channel),
      col((c) => c.person.phone),
      col((c) => c.person.fullName),
      col((c) => c.person.nameKey),
      col((c) => c.person.idNumber),
      col((c) => c.person.birthYear),
      col((c) => c.person.sex),
      col((c) => c.person.nationality),
      col((c) => c.person.adminUnitCode),
      col((c) => c.person.address),
      col((c) => c.flagged),
      col((c) => c.recordedByUserId),
      col((c) => c.statusColour),
      col((c) => c.cardId),
      col((c) => c.declarationId),
      col((c) => c.defaultStayMinutes),
      // Literal bounds over the whole batch let the executor prune to the day partitions concerned.
      new Date(Math.min(...times) - MAX_STAY_MINUTES * 60_000),
      new Date(Math.max(...times)),
      timeZone,
      col((c) => c.person.idHash),
    ],
    'record_check_ins',
  );
  const byOrd = new Map(out.map((r) => [r.ord, r]));
  return rows.map((_, i) => {
    const r = byOrd.get(i + 1);
    return r
      ? { venueId: r.venueId, venueName: r.venueName, venueStatus: r.venueStatus, inserted: r.inserted }
      : null;
  });
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
