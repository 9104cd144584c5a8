import type { Queryable } from '../db.js';

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

/** Codes from the top-level unit down to `code` (inclusive). */
export async function adminUnitPath(q: Queryable, version: string, code: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `WITH RECURSIVE up AS (
       SELECT code, parent_code, level FROM admin_units WHERE version = $1 AND code = $2
       UNION ALL
       SELECT a.code, a.parent_code, a.level FROM admin_units a JOIN up ON a.version = $1 AND a.code = up.parent_code
     ) SELECT code FROM up ORDER BY level`,
    [version, code],
  );
  return rows.map((r) => r.code);
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
    [
      rows.map((r) => r.version),
      rows.map((r) => r.code),
      rows.map((r) => r.parentCode),
      rows.map((r) => r.level),
      rows.map((r) => r.type),
      rows.map((r) => r.name),
      rows.map((r) => r.shortName),
    ],
  );
}
