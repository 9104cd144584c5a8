/**
 * Dashboard figures (F9), read from the daily aggregates (queries/aggregates.ts), never from the
 * check-ins themselves, so they stay fast as data grows and survive retention.
 *
 * A scope is a unit at `level` (1 province, 2 district, 3 commune; 0 the whole country): its rows are
 * `path_<level> = code`, and its children are told apart by `path_<level + 1>`.
 */
import type { Queryable } from '../db.js';

export interface Scope {
  level: number;
  code: string;
}

export interface ChannelCounts {
  qr_self: number;
  qr_staff: number;
  kiosk: number;
  paper: number;
  on_behalf: number;
}

export interface CheckInGroup extends ChannelCounts {
  /** Which breakdown the row belongs to. */
  breakdown: 'total' | 'child' | 'category' | 'day';
  key: string | null;
  active: number;
  flagged: number;
  lastCheckInAt: Date | null;
}

const pathColumn = (level: number) => `path_${Math.max(1, Math.min(3, Math.trunc(level)))}`;

function scopeCondition(scope: Scope, param: string) {
  return scope.level === 0 ? 'TRUE' : `${pathColumn(scope.level)} = ${param}`;
}

/** Check-ins per channel and active venues in [from, to]: in total, per child unit, per category, per day. */
export async function checkInGroups(
  q: Queryable,
  scope: Scope,
  from: string,
  to: string,
): Promise<CheckInGroup[]> {
  const hasChildren = scope.level < 3;
  const child = hasChildren ? pathColumn(scope.level + 1) : 'NULL::text';
  const sets = ['()', '(category)', '(day)', ...(hasChildren ? [`(${child})`] : [])].join(', ');
  const { rows } = await q.query<CheckInGroup & { gCategory: number; gDay: number }>(
    `SELECT ${child} AS child_key, category, day::text AS day,
            GROUPING(category)::int AS "gCategory", GROUPING(day)::int AS "gDay",
            count(DISTINCT venue_id)::int AS active,
            COALESCE(sum(qr_self), 0)::int AS qr_self, COALESCE(sum(qr_staff), 0)::int AS qr_staff, COALESCE(sum(kiosk), 0)::int AS kiosk,
            COALESCE(sum(paper), 0)::int AS paper, COALESCE(sum(on_behalf), 0)::int AS on_behalf, COALESCE(sum(flagged), 0)::int AS flagged,
            max(last_check_in_at) AS "lastCheckInAt"
       FROM venue_day_counts
      WHERE day BETWEEN $1 AND $2 AND ${scopeCondition(scope, '$3')}
      GROUP BY GROUPING SETS (${sets})`,
    scope.level === 0 ? [from, to] : [from, to, scope.code],
  );
  return rows.map((r) => {
    const raw = r as unknown as { child_key: string | null; category: string | null; day: string | null };
    const breakdown =
      r.gCategory === 0 ? 'category' : r.gDay === 0 ? 'day' : raw.child_key !== null ? 'child' : 'total';
    const key =
      breakdown === 'category'
        ? raw.category
        : breakdown === 'day'
          ? raw.day
          : breakdown === 'child'
            ? raw.child_key
            : null;
    return {
      breakdown,
      key,
      active: r.active,
      qr_self: r.qr_self,
      qr_staff: r.qr_staff,
      kiosk: r.kiosk,
      paper: r.paper,
      on_behalf: r.on_behalf,
      flagged: r.flagged,
      lastCheckInAt: r.lastCheckInAt,
    };
  });
}

export interface RegisteredGroup {
  breakdown: 'total' | 'child' | 'category';
  key: string | null;
  registered: number;
  suspended: number;
}

/** Venues registered by the end of the range (`before`), in total, per child unit and per category. */
export async function registeredVenueGroups(
  q: Queryable,
  scope: Scope,
  before: Date,
): Promise<RegisteredGroup[]> {
  const child = scope.level < 3 ? `admin_unit_path[${scope.level + 1}]` : 'NULL::text';
  const where = scope.level === 0 ? 'TRUE' : `admin_unit_path @> ARRAY[$2::text]`;
  const { rows } = await q.query<{
    child_key: string | null;
    category: string | null;
    gCategory: number;
    gChild: number;
    registered: number;
    suspended: number;
  }>(
    `SELECT ${child} AS child_key, category, GROUPING(category)::int AS "gCategory", GROUPING(${child})::int AS "gChild",
            count(*)::int AS registered, count(*) FILTER (WHERE status = 'suspended')::int AS suspended
       FROM venues WHERE created_at < $1 AND ${where}
      GROUP BY GROUPING SETS ((), (category), (${child}))`,
    scope.level === 0 ? [before] : [before, scope.code],
  );
  return rows.map((r) => {
    const breakdown = r.gCategory === 0 ? 'category' : r.gChild === 0 && scope.level < 3 ? 'child' : 'total';
    return {
      breakdown,
      key: breakdown === 'category' ? r.category : breakdown === 'child' ? r.child_key : null,
      registered: r.registered,
      suspended: r.suspended,
    };
  });
}

/** Distinct people seen in [from, to] in each unit of `codes`, and in all of them together. */
export async function uniquePeople(q: Queryable, codes: readonly string[], from: string, to: string) {
  const { rows } = await q.query<{ code: string | null; people: number }>(
    `SELECT unit_code AS code, count(DISTINCT person_key)::int AS people
       FROM person_unit_days WHERE unit_code = ANY($1::text[]) AND day BETWEEN $2 AND $3
      GROUP BY GROUPING SETS ((), (unit_code))`,
    [codes, from, to],
  );
  const perUnit = new Map<string, number>();
  let all = 0;
  for (const r of rows) {
    if (r.code === null) all = r.people;
    else perUnit.set(r.code, r.people);
  }
  return { all, perUnit };
}

export interface DeclarationDay {
  code: string;
  day: string;
  declarations: number;
  flagged: number;
  cardsIssued: number;
}

export async function declarationDays(q: Queryable, codes: readonly string[], from: string, to: string) {
  const { rows } = await q.query<DeclarationDay>(
    `SELECT unit_code AS code, day::text AS day, declarations, flagged, cards_issued AS "cardsIssued"
       FROM unit_day_declarations WHERE unit_code = ANY($1::text[]) AND day BETWEEN $2 AND $3`,
    [codes, from, to],
  );
  return rows;
}

/** First cards issued up to and including `to`, per unit: the numerator of the issuance rate. */
export async function cardsIssuedUpTo(q: Queryable, codes: readonly string[], to: string) {
  const { rows } = await q.query<{ code: string; cards: number }>(
    `SELECT unit_code AS code, sum(cards_issued)::int AS cards FROM unit_day_declarations
      WHERE unit_code = ANY($1::text[]) AND day <= $2 GROUP BY unit_code`,
    [codes, to],
  );
  return new Map(rows.map((r) => [r.code, r.cards]));
}

export async function populations(q: Queryable, version: string, codes: readonly string[]) {
  const { rows } = await q.query<{ code: string; population: number }>(
    `SELECT admin_unit_code AS code, population FROM admin_unit_population
      WHERE admin_unit_version = $1 AND admin_unit_code = ANY($2::text[])`,
    [version, codes],
  );
  return new Map(rows.map((r) => [r.code, r.population]));
}

export async function setPopulation(
  q: Queryable,
  version: string,
  code: string,
  population: number,
  userId: number,
) {
  await q.query(
    `INSERT INTO admin_unit_population (admin_unit_version, admin_unit_code, population, updated_by_user_id)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (admin_unit_version, admin_unit_code) DO UPDATE
       SET population = excluded.population, updated_by_user_id = excluded.updated_by_user_id, updated_at = now()`,
    [version, code, population, userId],
  );
}

export interface VenueFigures {
  venueId: number;
  name: string;
  category: string;
  adminUnitCode: string;
  status: 'active' | 'suspended';
  createdAt: Date;
  total: number;
  electronic: number;
  paper: number;
  lastCheckInAt: Date | null;
}

/** Every venue of the scope with its check-ins in [from, to] (zero for silent venues), busiest first. */
export async function venueFigures(q: Queryable, scope: Scope, from: string, to: string, limit: number) {
  const where = scope.level === 0 ? 'TRUE' : `v.admin_unit_path @> ARRAY[$4::text]`;
  const { rows } = await q.query<VenueFigures>(
    `WITH counted AS (
       SELECT venue_id, sum(qr_self + qr_staff + kiosk + on_behalf)::int AS electronic, COALESCE(sum(paper), 0)::int AS paper,
              max(last_check_in_at) AS last_at
         FROM venue_day_counts WHERE day BETWEEN $1 AND $2 AND ${scopeCondition(scope, '$4')}
        GROUP BY venue_id
     )
     SELECT v.id AS "venueId", v.name, v.category, v.admin_unit_code AS "adminUnitCode", v.status,
            v.created_at AS "createdAt",
            COALESCE(c.electronic + c.paper, 0) AS total, COALESCE(c.electronic, 0) AS electronic,
            COALESCE(c.paper, 0) AS paper, c.last_at AS "lastCheckInAt"
       FROM venues v LEFT JOIN counted c ON c.venue_id = v.id
      WHERE ${where}
      ORDER BY total DESC, v.id
      LIMIT $3`,
    scope.level === 0 ? [from, to, limit] : [from, to, limit, scope.code],
  );
  return rows;
}
