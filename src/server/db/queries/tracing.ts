/**
 * Tracing reads (F12). Overlaps use the GiST index on (venue_id, presence(...)) and the same rule as
 * domain/exposure.ts: a contact's presence intersected with the case's widened windows (here), the
 * parts united per person and venue in whole seconds (domain/exposure.ts); touching ranges share nothing.
 */
import type { Queryable } from '../db.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';
import { intersect, presence, sharedByPerson, type SharedPart } from '../../domain/exposure.js';

/** An instant as milliseconds since 1970 (a float8: no date parsing of each row in the app). */
const EPOCH_MS = (instant: string) => `(extract(epoch FROM ${instant}) * 1000)::float8`;
const MAX_STAY_MS = MAX_STAY_MINUTES * 60_000;
const PRESENCE = 'presence(c.checked_in_at, c.checked_out_at, c.stay_minutes)';

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
 * ("phone name_key"), per person and venue with the seconds shared. The database finds the stays
 * that overlap a window (the GiST index on presence); cutting them to the window and uniting the
 * parts per person and venue is the domain rule, applied here (domain/exposure.ts). Doing that in SQL
 * (range_agg, ordered and distinct aggregates, and `presence` in the projection: an IMMUTABLE SQL
 * function that cannot be inlined, 10 µs a call) cost a case with 340 contacts 5 ms of database time.
 */
export async function presentDuring(
  q: Queryable,
  windows: readonly Window[],
  exclude: readonly string[],
): Promise<ContactRow[]> {
  if (windows.length === 0) return [];
  const lo = Math.min(...windows.map((w) => w.from.getTime())) - MAX_STAY_MS;
  const hi = Math.max(...windows.map((w) => w.to.getTime()));
  // One row of JSON: arrays of the stays found, and the names of their venues (parsing one JSON text
  // costs far less than the driver's per-column parsing of hundreds of rows).
  const { rows } = await q.query<{ stays: StayTuple[] | null; venueNames: Record<string, string> | null }>(
    `WITH w AS (
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS t(venue_id, lo, hi, n)
     ), found AS (
       SELECT json_build_array(w.n, c.id, c.person_phone, c.person_name_key, c.person_full_name, c.venue_id,
                               ${EPOCH_MS('c.checked_in_at')}, ${EPOCH_MS('c.checked_out_at')}, c.stay_minutes) AS stay
         FROM w JOIN check_ins c
           ON c.venue_id = w.venue_id AND ${PRESENCE} && tstzrange(w.lo, w.hi, '[)')
        WHERE c.checked_in_at >= $4 AND c.checked_in_at < $5
          AND NOT ((c.person_phone || ' ' || c.person_name_key) = ANY($6::text[]))
     )
     SELECT (SELECT json_agg(stay) FROM found) AS stays,
            (SELECT json_object_agg(id, name) FROM venues WHERE id = ANY($1::bigint[])) AS "venueNames"`,
    [
      windows.map((w) => w.venueId),
      windows.map((w) => w.from),
      windows.map((w) => w.to),
      new Date(lo),
      new Date(hi),
      exclude,
    ],
  );
  const { stays, venueNames } = rows[0]!;
  const parts: SharedPart[] = [];
  for (const [
    n,
    checkInId,
    phone,
    nameKey,
    fullName,
    venueId,
    checkedInAt,
    checkedOutAt,
    stayMinutes,
  ] of stays ?? []) {
    const w = windows[n - 1]!;
    const shared = intersect(presence({ checkedInAt, checkedOutAt, stayMinutes }), {
      start: w.from.getTime(),
      end: w.to.getTime(),
    });
    if (shared)
      parts.push({
        checkInId,
        phone,
        nameKey,
        fullName,
        venueId,
        checkedInAt,
        start: shared.start,
        end: shared.end,
      });
  }
  return sharedByPerson(parts).map((c) => ({
    phone: c.phone,
    nameKey: c.nameKey,
    fullName: c.fullName,
    venueId: c.venueId,
    venueName: venueNames?.[c.venueId] ?? '',
    overlapSeconds: c.overlapSeconds,
    firstAt: new Date(c.firstAt),
    checkIns: c.checkIns.map((ci) => ({ id: ci.id, at: new Date(ci.at).toISOString() })),
  }));
}

/** A stay found overlapping window number n (1-based): n, id, phone, name key, name, venue, in, out, stay minutes. */
type StayTuple = [number, string, string, string, string, number, number, number | null, number];
