/**
 * Tracing reads (F12). Overlaps use the GiST index on (venue_id, presence(...)) and the same rule as
 * domain/exposure.ts: a contact's presence intersected with the case's widened windows, the parts
 * united per person and venue (range_agg), in whole seconds; touching ranges share nothing.
 */
import type { Queryable } from '../db.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';

const PRESENCE = 'presence(c.checked_in_at, c.checked_out_at, c.stay_minutes)';
const MAX_STAY_MS = MAX_STAY_MINUTES * 60_000;

/** `idHashes`: the keyed hashes of an ID number under every key of the ring. */
export type SubjectMatch = { phone: string } | { idHashes: Buffer[] } | { phone: string; nameKey: string };

export interface StayRow {
  checkInId: string;
  venueId: number;
  venueName: string;
  venuePath: string[];
  checkedInAt: Date;
  checkedOutAt: Date | null;
  stayMinutes: number;
  phone: string;
  nameKey: string;
  fullName: string;
  birthYear: number | null;
}

const STAY_COLUMNS = `c.id AS "checkInId", c.venue_id AS "venueId", v.name AS "venueName", v.admin_unit_path AS "venuePath",
  c.checked_in_at AS "checkedInAt", c.checked_out_at AS "checkedOutAt", c.stay_minutes AS "stayMinutes",
  c.person_phone AS phone, c.person_name_key AS "nameKey", c.person_full_name AS "fullName",
  c.person_birth_year AS "birthYear"`;

/** Check-ins of the subject that started in [from, to), at venues within `area` (null: anywhere). */
export async function subjectStays(
  q: Queryable,
  subject: SubjectMatch,
  from: Date,
  to: Date,
  area: string | null,
) {
  const [where, params] =
    'idHashes' in subject
      ? ['c.person_id_hash = ANY($1::bytea[])', [subject.idHashes]]
      : 'nameKey' in subject
        ? ['c.person_phone = $1 AND c.person_name_key = $5', [subject.phone]]
        : ['c.person_phone = $1', [subject.phone]];
  const { rows } = await q.query<StayRow>(
    `SELECT ${STAY_COLUMNS} FROM check_ins c JOIN venues v ON v.id = c.venue_id
      WHERE ${where} AND c.checked_in_at >= $2 AND c.checked_in_at < $3
        AND ($4::text IS NULL OR v.admin_unit_path @> ARRAY[$4::text])
      ORDER BY c.checked_in_at`,
    [...params, from, to, area, ...('nameKey' in subject ? [subject.nameKey] : [])],
  );
  return rows;
}

/** Check-ins of several people (phone + name key) that started in [from, to), within `area`. */
export async function staysOfPeople(
  q: Queryable,
  people: readonly { phone: string; nameKey: string }[],
  from: Date,
  to: Date,
  area: string | null,
) {
  if (people.length === 0) return [];
  const { rows } = await q.query<StayRow>(
    `SELECT ${STAY_COLUMNS}
       FROM unnest($1::text[], $2::text[]) AS p(phone, name_key)
       JOIN check_ins c ON c.person_phone = p.phone AND c.person_name_key = p.name_key
       JOIN venues v ON v.id = c.venue_id
      WHERE c.checked_in_at >= $3 AND c.checked_in_at < $4 AND ($5::text IS NULL OR v.admin_unit_path @> ARRAY[$5::text])
      ORDER BY c.checked_in_at`,
    [people.map((p) => p.phone), people.map((p) => p.nameKey), from, to, area],
  );
  return rows;
}

export interface Window {
  venueId: number;
  from: Date;
  to: Date;
}

export interface ContactRow {
  phone: string;
  nameKey: string;
  fullName: string;
  venueId: number;
  venueName: string;
  overlapSeconds: number;
  firstAt: Date;
  /** The contact's check-ins that overlapped (where a notice goes). */
  checkIns: { id: string; at: string }[];
}

/**
 * Everyone present at a window's venue during the window, except the people in `exclude`
 * ("phone name_key"), per person and venue with the seconds shared.
 */
export async function presentDuring(
  q: Queryable,
  windows: readonly Window[],
  exclude: readonly string[],
): Promise<ContactRow[]> {
  if (windows.length === 0) return [];
  const lo = Math.min(...windows.map((w) => w.from.getTime())) - MAX_STAY_MS;
  const hi = Math.max(...windows.map((w) => w.to.getTime()));
  const { rows } = await q.query<ContactRow>(
    `WITH w AS (
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) AS t(venue_id, lo, hi)
     ), pairs AS (
       SELECT c.id, c.checked_in_at, c.person_phone, c.person_name_key, c.person_full_name, c.venue_id,
              ${PRESENCE} * tstzrange(w.lo, w.hi, '[)') AS shared
         FROM w JOIN check_ins c
           ON c.venue_id = w.venue_id AND ${PRESENCE} && tstzrange(w.lo, w.hi, '[)')
        WHERE c.checked_in_at >= $4 AND c.checked_in_at < $5
          AND NOT ((c.person_phone || ' ' || c.person_name_key) = ANY($6::text[]))
     ), grouped AS (
       SELECT person_phone, person_name_key, venue_id, range_agg(shared) AS parts,
              (array_agg(person_full_name ORDER BY checked_in_at DESC))[1] AS full_name,
              min(lower(shared)) AS first_at,
              jsonb_agg(DISTINCT jsonb_build_object('id', id, 'at', checked_in_at)) AS check_ins
         FROM pairs GROUP BY person_phone, person_name_key, venue_id
     )
     SELECT g.person_phone AS phone, g.person_name_key AS "nameKey", g.full_name AS "fullName", g.venue_id AS "venueId",
            v.name AS "venueName", g.first_at AS "firstAt", g.check_ins AS "checkIns",
            (SELECT floor(sum(extract(epoch FROM upper(r) - lower(r))))::int FROM unnest(g.parts) AS r) AS "overlapSeconds"
       FROM grouped g JOIN venues v ON v.id = g.venue_id`,
    [
      windows.map((w) => w.venueId),
      windows.map((w) => w.from),
      windows.map((w) => w.to),
      new Date(lo),
      new Date(hi),
      exclude,
    ],
  );
  return rows.filter((r) => r.overlapSeconds > 0);
}
