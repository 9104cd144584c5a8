import type { Queryable } from '../db.js';
import type { SafetyChecklist } from '../../../shared/api/public-venues.js';
import type { VenueCategory } from '../../../shared/venue-categories.js';
import { earliestStayCovering, insideAt } from './check-ins.js';

export interface PublicVenueRow {
  id: number;
  name: string;
  address: string;
  category: VenueCategory;
  adminUnitCode: string;
  /** The venue's province (its own unit for a venue registered at province level). */
  provinceCode: string;
  status: 'active' | 'suspended';
  capacity: number | null;
  latitude: number | null;
  longitude: number | null;
  safety: SafetyChecklist | null;
  safetyConfirmedAt: Date | null;
}

export interface PublicVenueFilter {
  /** A unit of the list in use (venues whose path contains it), with its path from the province down. */
  unit: { code: string; path: readonly string[] } | null;
  category: string | null;
  /** Words of the name or address, marks and case aside, in any order, the last one possibly unfinished. */
  text: string | null;
  limit: number;
}

/**
 * The searched words as a word-index query: `vn_words` splits the text as it split the venues' names
 * and addresses (migration 0017); every word must be there, the last as the start of a word (it may be
 * still being typed). No word at all ("%", "-"): NULL, which matches nothing. `inName`: every word in
 * the name (weight A), for the order.
 */
const wordsQuery = (p: string, inName = false) =>
  inName
    ? `(NULLIF(array_to_string(vn_words(${p}), ':A & '), '') || ':*A')::tsquery`
    : `(NULLIF(array_to_string(vn_words(${p}), ' & '), '') || ':*')::tsquery`;

/**
 * Venues matching the filter by name (suspended ones too, marked so), with their province. Only public
 * columns: never a contact or a person. One prepared statement per combination of filters given
 * (PostgreSQL still plans it with the values each time: a generic plan could not leave out the day
 * partitions of the people-inside count). The plans:
 * - a province: its venues in name order straight from `venues_by_province_and_name`;
 * - another unit: the array index on the unit path (a ward or district has tens to hundreds of venues);
 * - words: every venue having them from the word index, then the first, those with every word in their
 *   name before those with some in their address, by name. The `OFFSET 0` keeps the planner from
 *   walking the name index instead and testing each venue (a common word such as "pho", thousands of
 *   venues spread over the alphabet, made that walk 40 ms).
 */
export async function findPublicVenues(q: Queryable, f: PublicVenueFilter): Promise<PublicVenueRow[]> {
  return searchVenues(q, f, null);
}

/** As findPublicVenues, with the people inside each venue at `at`, in the same statement. */
export async function findPublicVenuesWithPeopleInside(q: Queryable, f: PublicVenueFilter, at: Date) {
  return searchVenues<PublicVenueRow & { inside: number }>(q, f, at);
}

async function searchVenues<Row extends PublicVenueRow>(q: Queryable, f: PublicVenueFilter, at: Date | null) {
  const params: unknown[] = [f.limit];
  const where: string[] = [];
  const shape: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  /** A filter given: its condition on the value's placeholder, which it answers. */
  const given = (name: string, condition: (p: string) => string, value: unknown) => {
    const placeholder = param(value);
    where.push(condition(placeholder));
    shape.push(name);
    return placeholder;
  };
  if (f.unit?.path.length === 1) given('province', (p) => `admin_unit_path[1] = ${p}`, f.unit.code);
  else if (f.unit) given('unit', (p) => `admin_unit_path @> ARRAY[${p}::text]`, f.unit.code);
  if (f.category !== null) given('category', (p) => `category = ${p}`, f.category);
  let order = 'v.name, v.id';
  if (f.text !== null) {
    const text = given('words', (p) => `search_words @@ ${wordsQuery(p)}`, f.text);
    order = `NOT (v.search_words @@ ${wordsQuery(text, true)}), ${order}`;
  }
  const matching = `SELECT * FROM venues ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  // Counted for the page's venues only, after the limit (one probe of the presence index each).
  const inside = at
    ? `, ${insideAt('v.id', `${param(at)}::timestamptz`, 'TRUE', `${param(earliestStayCovering(at))}::timestamptz`)} AS inside`
    : '';
  const { rows } = await q.query<Row>(
    `SELECT v.id, v.name, v.address, v.category, v.admin_unit_code AS "adminUnitCode",
            v.admin_unit_path[1] AS "provinceCode",
            v.status, v.capacity, v.latitude, v.longitude, v.safety, v.safety_confirmed_at AS "safetyConfirmedAt"
            ${inside}
       FROM (${matching} ${f.text !== null ? 'OFFSET 0' : ''}) v
      ORDER BY ${order} LIMIT $1`,
    params,
    ['public_venue_search', ...shape, ...(at ? ['with_inside'] : [])].join('_'),
  );
  return rows;
}

/** What may change while a search is reused: a venue's status, capacity, safety and map point, and the people inside. */
type LiveFacts = Pick<
  PublicVenueRow,
  'status' | 'capacity' | 'latitude' | 'longitude' | 'safety' | 'safetyConfirmedAt'
> & { inside: number };

/** The newest venue's id: ids only grow, so a venue registered since has a larger one. */
export async function newestVenueId(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ id: string | null }>(
    'SELECT max(id) AS id FROM venues',
    [],
    'newest_venue_id',
  );
  return Number(rows[0]?.id ?? 0);
}

/**
 * The live facts of each of `venueIds` at `at`, in one statement: the venue row by its key, and the
 * people inside by one look-up of the presence index per venue (an index probe per venue beats one
 * scan of today's check-ins for all of them at once).
 */
export async function liveFactsOf(q: Queryable, venueIds: readonly number[], at: Date) {
  const { rows } = await q.query<LiveFacts & { id: number }>(
    `SELECT v.id, v.status, v.capacity, v.latitude, v.longitude, v.safety, v.safety_confirmed_at AS "safetyConfirmedAt",
            ${insideAt('v.id', '$2::timestamptz', 'TRUE', '$3::timestamptz')} AS inside
       FROM venues v WHERE v.id = ANY($1::bigint[])`,
    [venueIds, at, earliestStayCovering(at)],
    'public_venue_live_facts',
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}
