import type { Queryable } from '../db.js';
import type { SafetyChecklist } from '../../../shared/api/public-venues.js';
import type { VenueCategory } from '../../../shared/venue-categories.js';
import { insideAt } from './check-ins.js';

export interface PublicVenueRow {
  id: number;
  name: string;
  address: string;
  category: VenueCategory;
  adminUnitCode: string;
  adminUnitName: string;
  status: 'active' | 'suspended';
  capacity: number | null;
  inside: number;
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
  at: Date;
}

/** `%` and `_` in a search text are letters, not LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Venues matching the filter by name (suspended ones too, marked so), with their live occupancy and the names
 * of their ward and province. Only public columns: never a contact or a person.
 */
export async function findPublicVenues(q: Queryable, f: PublicVenueFilter) {
  const { rows } = await q.query<PublicVenueRow>(
    `SELECT v.id, v.name, v.address, v.category, v.admin_unit_code AS "adminUnitCode",
            concat_ws(', ', u.name, NULLIF(p.name, u.name)) AS "adminUnitName",
            v.status, v.capacity, ${insideAt('v.id', '$5::timestamptz')} AS inside,
            v.latitude, v.longitude, v.safety, v.safety_confirmed_at AS "safetyConfirmedAt"
       FROM (SELECT * FROM venues
              WHERE ($1::text IS NULL OR admin_unit_path @> ARRAY[$1::text])
                AND ($2::text IS NULL OR category = $2)
                AND ($3::text IS NULL OR search_key LIKE '%' || vn_fold($3) || '%')
              ORDER BY name, id
              LIMIT $4) v
       JOIN admin_units u ON u.version = v.admin_unit_version AND u.code = v.admin_unit_code
       JOIN admin_units p ON p.version = v.admin_unit_version AND p.code = v.admin_unit_path[1]
      ORDER BY v.name, v.id`,
    [f.unitCode, f.category, f.text === null ? null : likeLiteral(f.text), f.limit, f.at],
  );
  return rows;
}
