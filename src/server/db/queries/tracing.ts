/**
 * Tracing reads (F12). Overlaps use the GiST index on (venue_id, presence(...)) and the same rule as
 * domain/exposure.ts: a contact's presence intersected with the case's widened windows (here), the
 * parts united per person and venue in whole seconds (domain/exposure.ts); touching ranges share nothing.
 */
import type { Queryable } from '../db.js';
import { MAX_STAY_MINUTES } from '../../domain/stay.js';
import { EPOCH_MS } from './check-ins.js';
import {
  intersect,
  presence,
  sharedByPerson,
  type SharedByPerson,
  type SharedPart,
} from '../../domain/exposure.js';

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
  const [where, params, name] =
    'idHashes' in subject
      ? ['c.person_id_hash = ANY($1::bytea[])', [subject.idHashes], 'subject_stays_by_id']
      : 'nameKey' in subject
        ? ['c.person_phone = $1 AND c.person_name_key = $5', [subject.phone], 'subject_stays_by_person']
        : ['c.person_phone = $1', [subject.phone], 'subject_stays_by_phone'];
  const { rows } = await q.query<StayRow>(
    `SELECT ${STAY_COLUMNS} FROM check_ins c JOIN venues v ON v.id = c.venue_id
      WHERE ${where} AND c.checked_in_at >= $2 AND c.checked_in_at < $3
        AND ($4::text IS NULL OR v.admin_unit_path @> ARRAY[$4::text])
      ORDER BY c.checked_in_at`,
    [...params, from, to, area, ...('nameKey' in subject ? [subject.nameKey] : [])],
    name,
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
    'stays_of_people',
  );
  return rows;
}

export interface Window {
  venueId: number;
  from: Date;
  to: Date;
}

/** A person found present with the seconds shared; `firstAt` and the check-ins' `at` in ms. */
export interface ContactRow extends SharedByPerson {
  venueName: string;
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
  // One row of JSON: a column array per field of the stays found (parsing one JSON text costs far
  // less than the driver's per-column parsing of hundreds of rows, and 8 arrays less than a small
  // array per stay: 0.5 ms of app and database time for 340 stays), and the names of their venues.
  const { rows } = await q.query<{
    stays: FoundColumns | NoneFound;
    venueNames: Record<string, string> | null;
  }>(
    `WITH w AS (
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS t(venue_id, lo, hi, n)
     ), found AS (
       SELECT w.n, c.id, c.person_phone, c.person_name_key, c.person_full_name,
              ${EPOCH_MS('c.checked_in_at')} AS checked_in_ms, ${EPOCH_MS('c.checked_out_at')} AS checked_out_ms, c.stay_minutes
         FROM w JOIN check_ins c
           ON c.venue_id = w.venue_id AND ${PRESENCE} && tstzrange(w.lo, w.hi, '[)')
        WHERE c.checked_in_at >= $4 AND c.checked_in_at < $5
          AND NOT ((c.person_phone || ' ' || c.person_name_key) = ANY($6::text[]))
     )
     SELECT (SELECT json_build_array(array_agg(n), array_agg(id), array_agg(person_phone), array_agg(person_name_key),
                                     array_agg(person_full_name), array_agg(checked_in_ms), array_agg(checked_out_ms),
                                     array_agg(stay_minutes)) FROM found) AS stays,
            (SELECT json_object_agg(id, name) FROM venues WHERE id = ANY($1::bigint[])) AS "venueNames"`,
    [
      windows.map((w) => w.venueId),
      windows.map((w) => w.from),
      windows.map((w) => w.to),
      new Date(lo),
      new Date(hi),
      exclude,
    ],
    'present_during',
  );
  const { stays, venueNames } = rows[0]!;
  const [n, checkInId, phone, nameKey, fullName, checkedInAt, checkedOutAt, stayMinutes] =
    stays[0] === null ? NONE_FOUND : (stays as FoundColumns);
  const parts: SharedPart[] = [];
  for (let i = 0; i < n.length; i++) {
    const w = windows[n[i]! - 1]!;
    const stay = {
      checkedInAt: checkedInAt[i]!,
      checkedOutAt: checkedOutAt[i]!,
      stayMinutes: stayMinutes[i]!,
    };
    const shared = intersect(presence(stay), { start: w.from.getTime(), end: w.to.getTime() });
    if (shared)
      parts.push({
        checkInId: checkInId[i]!,
        phone: phone[i]!,
        nameKey: nameKey[i]!,
        fullName: fullName[i]!,
        venueId: w.venueId,
        checkedInAt: stay.checkedInAt,
        start: shared.start,
        end: shared.end,
      });
  }
  // Each field named (a spread copy of 340 rows cost 0.2 ms, and its objects were slower to sort).
  return sharedByPerson(parts).map(
    (c): ContactRow => ({
      phone: c.phone,
      nameKey: c.nameKey,
      fullName: c.fullName,
      venueId: c.venueId,
      venueName: venueNames?.[c.venueId] ?? '',
      overlapSeconds: c.overlapSeconds,
      firstAt: c.firstAt,
      checkIns: c.checkIns,
    }),
  );
}

/**
 * The stays found, a column each: the window's number n (1-based, the stay's venue is the window's),
 * check-in id, phone, name key, name, in and out (ms), stay minutes. Each null when none was found.
 */
type FoundColumns = [number[], string[], string[], string[], string[], number[], (number | null)[], number[]];
type NoneFound = [null, null, null, null, null, null, null, null];
const NONE_FOUND: FoundColumns = [[], [], [], [], [], [], [], []];
