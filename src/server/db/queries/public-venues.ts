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
  /** A unit of the list in use: venues whose path contains it. */
  unitCode: string | null;
  category: string | null;
  /** Words of the name or address, matched without Vietnamese marks (vn_fold) and case. */
  text: string | null;
  limit: number;
}

/** `%` and `_` in a search text are letters, not LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Venues matching the filter by name (suspended ones too, marked so), with their province. Only public
 * columns: never a contact or a person. The statement holds only the filters
 * given and is planned with their values (not prepared): a generic plan cannot tell a rare name from a
 * common one and would scan every venue, where the values let the planner pick the name order, the
 * unit path or the trigrams of the folded text.
 */
export async function findPublicVenues(q: Queryable, f: PublicVenueFilter) {
  const params: unknown[] = [f.limit];
  const where: string[] = [];
  const given = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (f.unitCode !== null) given((p) => `admin_unit_path @> ARRAY[${p}::text]`, f.unitCode);
  if (f.category !== null) given((p) => `category = ${p}`, f.category);
  if (f.text !== null) given((p) => `search_key LIKE '%' || vn_fold(${p}) || '%'`, likeLiteral(f.text));
  const { rows } = await q.query<PublicVenueRow>(
    `SELECT v.id, v.name, v.address, v.category, v.admin_unit_code AS "adminUnitCode",
            v.admin_unit_path[1] AS "provinceCode",
            v.status, v.capacity, v.latitude, v.longitude, v.safety, v.safety_confirmed_at AS "safetyConfirmedAt"
       FROM (SELECT * FROM venues ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              ORDER BY name, id LIMIT $1) v
      ORDER BY v.name, v.id`,
    params,
  );
  return rows;
}

/**
 * People inside each of `venueIds` at `at`: one look-up of the presence index per venue (an index
 * probe per venue beats one scan of today's check-ins for all of them at once).
 */
export async function peopleInside(q: Queryable, venueIds: readonly number[], at: Date) {
  const { rows } = await q.query<{ venueId: number; inside: number }>(
    `SELECT wanted.venue AS "venueId", ${insideAt('wanted.venue', '$2::timestamptz', 'TRUE', '$3::timestamptz')} AS inside
       FROM unnest($1::bigint[]) AS wanted(venue)`,
    [venueIds, at, earliestStayCovering(at)],
    'public_venues_inside',
  );
  return new Map(rows.map((r) => [r.venueId, r.inside]));
}
