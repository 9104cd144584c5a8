import { columnArrays, type Queryable } from '../db.js';

export interface AdminUnitRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

const COLUMNS = `code, name, level, parent_code AS "parentCode"`;

export async function listAdminUnits(q: Queryable, version: string, parentCode: string | null) {
  const { rows } = parentCode
    ? await q.query<AdminUnitRow>(
        `SELECT ${COLUMNS} FROM admin_units WHERE version = $1 AND parent_code = $2 ORDER BY code`,
        [version, parentCode],
      )
    : await q.query<AdminUnitRow>(
        `SELECT ${COLUMNS} FROM admin_units WHERE version = $1 AND parent_code IS NULL ORDER BY code`,
        [version],
      );
  return rows;
}

export async function findAdminUnit(q: Queryable, version: string, code: string) {
  const { rows } = await q.query<AdminUnitRow & { hasChildren: boolean }>(
    `SELECT ${COLUMNS},
            EXISTS (SELECT 1 FROM admin_units c WHERE c.version = u.version AND c.parent_code = u.code) AS "hasChildren"
       FROM admin_units u WHERE version = $1 AND code = $2`,
    [version, code],
  );
  return rows[0] ?? null;
}

/** The units from `code` up to its province (SQL: the rows of `up`, for `$1` version and `$2` code). */
const UNITS_UP = `WITH RECURSIVE up AS (
       SELECT code, parent_code, level FROM admin_units WHERE version = $1 AND code = $2
       UNION ALL
       SELECT a.code, a.parent_code, a.level FROM admin_units a JOIN up ON a.version = $1 AND a.code = up.parent_code
     )`;

/** Codes from the top-level unit down to `code` (inclusive). */
export async function adminUnitPath(q: Queryable, version: string, code: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(`${UNITS_UP} SELECT code FROM up ORDER BY level`, [
    version,
    code,
  ]);
  return rows.map((r) => r.code);
}

/**
 * A unit of the list `version` and its path (codes from the province down to it), in one round trip:
 * what every request of an official or tracer scoped to a unit reads first. Null when the list has no
 * such code (it may be an older list's: services/admin-units.ts currentUnitOf).
 */
export async function findAdminUnitWithPath(q: Queryable, version: string, code: string) {
  const { rows } = await q.query<{ code: string; name: string; path: string[] }>(
    `${UNITS_UP}
     SELECT u.code, u.name, (SELECT array_agg(code ORDER BY level) FROM up) AS path
       FROM admin_units u WHERE u.version = $1 AND u.code = $2`,
    [version, code],
    'admin_unit_with_path',
  );
  return rows[0] ?? null;
}

export async function adminUnitNames(q: Queryable, version: string, codes: readonly string[]) {
  const { rows } = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM admin_units WHERE version = $1 AND code = ANY($2::text[])`,
    [version, codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function isVersionLoaded(q: Queryable, version: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM admin_unit_versions WHERE version = $1', [version]);
  return rows.length > 0;
}

export async function insertVersion(
  q: Queryable,
  v: { version: string; title: string; source: string; levels: number },
) {
  await q.query('INSERT INTO admin_unit_versions (version, title, source, levels) VALUES ($1, $2, $3, $4)', [
    v.version,
    v.title,
    v.source,
    v.levels,
  ]);
}

export interface NewAdminUnit {
  version: string;
  code: string;
  parentCode: string | null;
  level: number;
  type: string;
  name: string;
  shortName: string;
}

/** Many units in one statement (COPY cannot join a PGlite transaction). */
export async function insertAdminUnits(q: Queryable, rows: readonly NewAdminUnit[]) {
  await q.query(
    `INSERT INTO admin_units (version, code, parent_code, level, unit_type, name, short_name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[])`,
    columnArrays(rows, ['version', 'code', 'parentCode', 'level', 'type', 'name', 'shortName']),
  );
}

export interface UnitMapping {
  fromVersion: string;
  fromCode: string;
  toVersion: string;
  toCode: string;
  rank: number;
  matchedBy: 'code' | 'name';
}

export async function insertMappings(q: Queryable, rows: readonly UnitMapping[]) {
  await q.query(
    `INSERT INTO admin_unit_mappings (from_version, from_code, to_version, to_code, rank, matched_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::text[])`,
    columnArrays(rows, ['fromVersion', 'fromCode', 'toVersion', 'toCode', 'rank', 'matchedBy']),
  );
}

/**
 * The units of `toVersion` an older unit went to: a commune's own mapping rows, or, for an older
 * province or district, the units its communes went to, rolled up to the level it had (a province
 * gives the new provinces, a district the new wards). Best rank first, then by code.
 */
export async function mappedUnits(
  q: Queryable,
  toVersion: string,
  fromVersion: string,
  code: string,
  level: number,
) {
  const { rows } = await q.query<AdminUnitRow & { rank: number }>(
    `WITH RECURSIVE below AS (
       SELECT code, level FROM admin_units WHERE version = $2 AND code = $3
       UNION ALL
       SELECT u.code, u.level FROM admin_units u JOIN below b ON u.parent_code = b.code WHERE u.version = $2
     ), targets AS (
       SELECT m.to_code, min(m.rank) AS rank FROM admin_unit_mappings m
        WHERE m.to_version = $1 AND m.from_version = $2
          AND m.from_code IN (SELECT code FROM below UNION SELECT $3)
        GROUP BY m.to_code
     ), rolled AS (
       SELECT CASE WHEN $4::int = 1 THEN COALESCE(n.parent_code, n.code) ELSE n.code END AS code, min(t.rank) AS rank
         FROM targets t JOIN admin_units n ON n.version = $1 AND n.code = t.to_code
        GROUP BY 1
     )
     SELECT u.code, u.name, u.level, u.parent_code AS "parentCode", r.rank::int AS rank
       FROM rolled r JOIN admin_units u ON u.version = $1 AND u.code = r.code
      ORDER BY r.rank, u.code`,
    [toVersion, fromVersion, code, level],
  );
  return rows;
}

/** A unit of any loaded version other than `exceptVersion`, newest list first. */
export async function findUnitInOtherVersions(q: Queryable, exceptVersion: string, code: string) {
  const { rows } = await q.query<AdminUnitRow & { version: string }>(
    `SELECT u.version, u.code, u.name, u.level, u.parent_code AS "parentCode"
       FROM admin_units u JOIN admin_unit_versions v ON v.version = u.version
      WHERE u.code = $2 AND u.version <> $1 ORDER BY v.loaded_at DESC LIMIT 1`,
    [exceptVersion, code],
  );
  return rows[0] ?? null;
}
