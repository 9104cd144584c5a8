/**
 * Writing check-ins: the hot path (F3, F7). A whole batch of concurrent check-ins is written by one
 * statement, its SQL generated from two column lists so the arrays and their order cannot drift.
 */
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';
import type { Queryable } from '../db.js';
import { COUNT_FRESH_CHECK_INS, REMEMBER_FRESH_PEOPLE } from './aggregates.js';
import { insideAt } from './check-ins.js';
import { LAST_TRACED_AT } from './traced-contacts.js';

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
  /** People inside the venue once this check-in is counted (F17), and its capacity (null: none set). */
  inside: number;
  capacity: number | null;
  /** When the person was last found as F1 (tracing with notify), and the venue's province. */
  tracedAt: Date | null;
  provinceCode: string;
}

/** The batch as arrays, one per column: its name in the `input` CTE, its SQL type, its value per check-in. */
const INPUT_COLUMNS: [name: string, type: string, value: (c: NewCheckIn) => unknown][] = [
  ['id', 'uuid', (c) => c.id],
  ['client_id', 'uuid', (c) => c.clientId],
  ['entrance', 'text', (c) => c.entrancePublicId],
  ['checked_in_at', 'timestamptz', (c) => c.checkedInAt],
  ['channel', 'text', (c) => c.channel],
  ['phone', 'text', (c) => c.person.phone],
  ['full_name', 'text', (c) => c.person.fullName],
  ['name_key', 'text', (c) => c.person.nameKey],
  ['id_number', 'text', (c) => c.person.idNumber],
  ['id_hash', 'bytea', (c) => c.person.idHash],
  ['birth_year', 'smallint', (c) => c.person.birthYear],
  ['sex', 'text', (c) => c.person.sex],
  ['nationality', 'text', (c) => c.person.nationality],
  ['admin_unit_code', 'text', (c) => c.person.adminUnitCode],
  ['address', 'text', (c) => c.person.address],
  ['flagged', 'boolean', (c) => c.flagged],
  ['recorded_by', 'bigint', (c) => c.recordedByUserId],
  ['status_colour', 'text', (c) => c.statusColour],
  ['card_id', 'uuid', (c) => c.cardId],
  ['declaration_id', 'uuid', (c) => c.declarationId],
  ['default_stay', 'int', (c) => c.defaultStayMinutes],
];

/** After the arrays: the batch's time bounds (partition pruning, below) and the region's time zone. */
const n = INPUT_COLUMNS.length;
const EARLIEST_OPEN_STAY = `$${n + 1}::timestamptz`;
const LATEST_CHECK_IN = `$${n + 2}::timestamptz`;
const TIME_ZONE = `$${n + 3}::text`;

const INPUT = `SELECT * FROM unnest(${INPUT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
  WITH ORDINALITY AS t(${INPUT_COLUMNS.map(([name]) => name).join(', ')}, ord)`;

/** check_ins column ← column of the `fresh` CTE. */
const STORED_COLUMNS: [column: string, from: string][] = [
  ['id', 'id'],
  ['venue_id', 'venue_id'],
  ['entrance_id', 'entrance_id'],
  ['checked_in_at', 'checked_in_at'],
  ['stay_minutes', 'stay_minutes'],
  ['channel', 'channel'],
  ['person_phone', 'phone'],
  ['person_full_name', 'full_name'],
  ['person_name_key', 'name_key'],
  ['person_id_number', 'id_number'],
  ['person_id_hash', 'id_hash'],
  ['person_birth_year', 'birth_year'],
  ['person_sex', 'sex'],
  ['person_nationality', 'nationality'],
  ['person_admin_unit_code', 'admin_unit_code'],
  ['person_address', 'address'],
  ['flagged', 'flagged'],
  ['recorded_by_user_id', 'recorded_by'],
  ['status_colour', 'status_colour'],
  ['card_id', 'card_id'],
  ['declaration_id', 'declaration_id'],
];

/**
 * One statement for a whole batch (concurrent requests are batched, see services/batcher.ts); each
 * step is a CTE over the one before:
 *   input    the batch, one row per check-in, `ord` its place in the batch
 *   v        + its entrance, venue, local day and stay length (unknown entrances drop out)
 *   claimed  the clientIds seen for the first time, at active venues (retries and suspended venues drop out)
 *   fresh    the check-ins to write
 *   closed   the person's open stay elsewhere ends at this check-in (F4). `checked_in_at` is bounded
 *            by literal parameters over the whole batch, so the planner prunes to the day partitions
 *            concerned instead of scanning them all
 *   inserted the new rows
 *   counted, seen  the daily aggregates and seen-people keys (queries/aggregates.ts)
 *   occupied the stays open at each venue of the batch at its latest check-in, but those this batch
 *            closes (one GiST probe per venue: `presence` index on (venue_id, range))
 * and answers, per input row, its venue and the people inside it (F17): its venue's open stays plus
 * this batch's new check-ins there up to this one.
 */
const RECORD_CHECK_INS = `WITH input AS (${INPUT}
), v AS (
  SELECT i.*, e.id AS entrance_id, e.venue_id, vn.name AS venue_name, vn.status AS venue_status, vn.capacity,
         vn.category, vn.admin_unit_path, (i.checked_in_at AT TIME ZONE ${TIME_ZONE})::date AS day,
         COALESCE(vn.default_stay_minutes, i.default_stay) AS stay_minutes
    FROM input i JOIN venue_entrances e ON e.public_id = i.entrance AND e.active JOIN venues vn ON vn.id = e.venue_id
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
     AND c.checked_in_at >= ${EARLIEST_OPEN_STAY} AND c.checked_in_at < ${LATEST_CHECK_IN}
     AND c.checked_in_at >= f.checked_in_at - make_interval(mins => ${MAX_STAY_MINUTES})
     AND c.checked_in_at < f.checked_in_at
     AND c.checked_in_at + make_interval(mins => c.stay_minutes) > f.checked_in_at
  RETURNING c.id
), inserted AS (
  INSERT INTO check_ins (${STORED_COLUMNS.map(([column]) => column).join(', ')})
  SELECT ${STORED_COLUMNS.map(([, from]) => from).join(', ')} FROM fresh
  RETURNING id
), counted AS (
  ${COUNT_FRESH_CHECK_INS}
), seen AS (
  ${REMEMBER_FRESH_PEOPLE}
), occupied AS (
  SELECT d.venue_id, ${insideAt('d.venue_id', LATEST_CHECK_IN, 'c.id NOT IN (SELECT id FROM closed)')} AS open_stays
    FROM (SELECT DISTINCT venue_id FROM v) d
)
SELECT v.ord::int AS ord, v.venue_id AS "venueId", v.venue_name AS "venueName", v.venue_status AS "venueStatus",
       v.id IN (SELECT id FROM inserted) AS inserted, v.capacity, v.admin_unit_path[1] AS "provinceCode",
       ${LAST_TRACED_AT('v.phone', 'v.name_key')} AS "tracedAt",
       o.open_stays + (SELECT count(*)::int FROM fresh f WHERE f.venue_id = v.venue_id AND f.ord <= v.ord) AS inside
  FROM v JOIN occupied o ON o.venue_id = v.venue_id`;

/**
 * Records several check-ins in one round trip: per row, resolve the entrance, claim the clientId,
 * close the person's open stay elsewhere, insert, and count it in the daily aggregates. Answers one
 * outcome per input row, in input order; null where the entrance does not exist.
 */
export async function recordCheckIns(
  q: Queryable,
  rows: readonly NewCheckIn[],
  timeZone: string,
): Promise<(RecordOutcome | null)[]> {
  const times = rows.map((c) => c.checkedInAt.getTime());
  const { rows: out } = await q.query<RecordOutcome & { ord: number }>(
    RECORD_CHECK_INS,
    [
      ...INPUT_COLUMNS.map(([, , value]) => rows.map(value)),
      new Date(Math.min(...times) - MAX_STAY_MINUTES * 60_000),
      new Date(Math.max(...times)),
      timeZone,
    ],
    'record_check_ins',
  );
  const byOrd = new Map(out.map((r) => [r.ord, r]));
  return rows.map((_, i) => {
    const r = byOrd.get(i + 1);
    return r
      ? {
          venueId: r.venueId,
          venueName: r.venueName,
          venueStatus: r.venueStatus,
          inserted: r.inserted,
          inside: r.inside,
          capacity: r.capacity,
          tracedAt: r.tracedAt,
          provinceCode: r.provinceCode,
        }
      : null;
  });
}
