/**
 * Venues registered per unit (F9 "registered vs scanning"), from the counts the venues' trigger keeps
 * (migration 0021) instead of a scan of every venue of the area.
 */
import type { Queryable } from '../db.js';
import type { Scope } from './stats.js';

export interface RegisteredGroup {
  breakdown: 'total' | 'child' | 'category';
  key: string | null;
  registered: number;
  suspended: number;
}

/**
 * Venues registered by the end of the range (`before`), in total, per child unit and per category:
 * the counts the venues' trigger keeps (migration 0021), less the venues registered since `before`.
 */
export async function registeredVenueGroups(
  q: Queryable,
  scope: Scope,
  before: Date,
): Promise<RegisteredGroup[]> {
  const hasChildren = scope.level < scope.levels;
  const child = hasChildren ? `admin_unit_path[${scope.level + 1}]` : 'NULL::text';
  const inScope = scope.level === 0 ? 'TRUE' : `admin_unit_path @> ARRAY[$2::text]`;
  const { rows } = await q.query<{
    child_key: string | null;
    category: string | null;
    gCategory: number;
    gChild: number;
    registered: number;
    suspended: number;
  }>(
    `WITH counts AS (
       SELECT NULLIF(child_code, '') AS child_key, category, registered, suspended
         FROM unit_venue_counts WHERE unit_code = $2
       UNION ALL
       SELECT ${child}, category, -1, -(status = 'suspended')::int
         FROM venues WHERE created_at >= $1 AND ${inScope}
     )
     SELECT ${hasChildren ? 'child_key' : 'NULL::text AS child_key'}, category, GROUPING(category)::int AS "gCategory", ${hasChildren ? 'GROUPING(child_key)' : '1'}::int AS "gChild",
            COALESCE(sum(registered), 0)::int AS registered, COALESCE(sum(suspended), 0)::int AS suspended
       FROM counts GROUP BY GROUPING SETS (${hasChildren ? '(), (category), (child_key)' : '(), (category)'})`,
    [before, scope.code],
  );
  return rows
    .map((r) => {
      const breakdown = r.gCategory === 0 ? 'category' : r.gChild === 0 && hasChildren ? 'child' : 'total';
      return {
        breakdown,
        key: breakdown === 'category' ? r.category : breakdown === 'child' ? r.child_key : null,
        registered: r.registered,
        suspended: r.suspended,
      } as const;
    })
    .filter((g) => g.breakdown === 'total' || g.registered > 0);
}
