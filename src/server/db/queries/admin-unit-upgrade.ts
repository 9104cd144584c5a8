/**
 * The statements of an admin-unit upgrade (services/admin-unit-upgrade.ts), all inside its one
 * transaction. `unit_moves` (every old unit: its new unit at the same standing, the new lowest-level
 * units its area went to) and `new_paths` (every new unit's path from its province) are temporary
 * tables the service fills first. All rows of the upgraded tables are in the old version before it
 * starts, so codes that both lists use for different units (the 2025 list reuses 2021 codes) are
 * told apart by the table they are read from, never by their value.
 */
import { columnArrays, type Queryable } from '../db.js';
import type { UnitMove } from '../../domain/unit-moves.js';

export async function versionInUse(q: Queryable): Promise<string | null> {
  const { rows } = await q.query<{ version: string }>(
    'SELECT version FROM admin_unit_versions WHERE in_use_since IS NOT NULL AND retired_at IS NULL',
  );
  return rows[0]?.version ?? null;
}

export async function markInUse(q: Queryable, version: string) {
  await q.query('UPDATE admin_unit_versions SET in_use_since = now(), retired_at = NULL WHERE version = $1', [
    version,
  ]);
}

export async function retire(q: Queryable, version: string) {
  await q.query('UPDATE admin_unit_versions SET retired_at = now() WHERE version = $1', [version]);
}

export async function unitsOf(q: Queryable, version: string) {
  const { rows } = await q.query<{ code: string; parentCode: string | null; level: number }>(
    `SELECT code, parent_code AS "parentCode", level FROM admin_units WHERE version = $1`,
    [version],
  );
  return rows;
}

export async function mappingRows(q: Queryable, fromVersion: string, toVersion: string) {
  const { rows } = await q.query<{ fromCode: string; toCode: string; rank: number }>(
    `SELECT from_code AS "fromCode", to_code AS "toCode", rank FROM admin_unit_mappings
      WHERE from_version = $1 AND to_version = $2`,
    [fromVersion, toVersion],
  );
  return rows;
}

export async function createMoveTables(
  q: Queryable,
  moves: readonly UnitMove[],
  paths: readonly { code: string; path: string[] }[],
) {
  await q.exec(`
    CREATE TEMP TABLE unit_moves (old_code text PRIMARY KEY, old_level int NOT NULL, new_code text,
                                  targets text[] NOT NULL, inferred boolean NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE new_paths (code text PRIMARY KEY, path text[] NOT NULL) ON COMMIT DROP;`);
  await q.query(
    `INSERT INTO unit_moves SELECT o, l, n, string_to_array(t, ','), i
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::boolean[]) AS x(o, l, n, t, i)`,
    columnArrays(
      moves.map((m) => ({ ...m, targets: m.targets.join(',') })),
      ['oldCode', 'oldLevel', 'newCode', 'targets', 'inferred'],
    ),
  );
  await q.query(
    `INSERT INTO new_paths SELECT c, string_to_array(p, ',') FROM unnest($1::text[], $2::text[]) AS x(c, p)`,
    columnArrays(
      paths.map((p) => ({ code: p.code, path: p.path.join(',') })),
      ['code', 'path'],
    ),
  );
}

export async function recordUpgrade(q: Queryable, from: string, to: string, at: Date): Promise<number> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO admin_unit_upgrades (from_version, to_version, done_at, moved) VALUES ($1, $2, $3, '{}') RETURNING id`,
    [from, to, at],
  );
  return Number(rows[0]!.id);
}

export async function saveMoved(q: Queryable, upgradeId: number, moved: Record<string, number>) {
  await q.query('UPDATE admin_unit_upgrades SET moved = $2 WHERE id = $1', [
    upgradeId,
    JSON.stringify(moved),
  ]);
}

const count = async (q: Queryable, sql: string, params: unknown[]) =>
  (await q.query<{ n: number }>(sql, params)).rows[0]!.n;

/** Review rows for the subjects of `moved` (id, old_code, new_code, path, targets, inferred, old_level). */
const REVIEWS_OF_MOVED = (subject: 'venue' | 'account', lowest: string) => `
  reviewed AS (
    INSERT INTO admin_unit_reviews (upgrade_id, subject, subject_id, old_code, old_name, chosen_code, path, candidates, reason)
    SELECT $3, '${subject}', m.id, m.old_code, o.name, m.new_code, m.path, m.targets,
           CASE WHEN m.inferred THEN 'not_in_mapping' WHEN m.old_level < ${lowest} THEN 'district' ELSE 'split' END
      FROM moved m JOIN admin_units o ON o.version = $1 AND o.code = m.old_code
     WHERE m.old_level > 1 AND (m.inferred OR cardinality(m.targets) > 1)
    RETURNING 1)
  SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM reviewed)::int AS reviewed`;

/** Venues go to their old commune's new ward; those where the mapping had to choose are listed for review. */
export async function moveVenues(q: Queryable, from: string, to: string, upgradeId: number) {
  const { rows } = await q.query<{ moved: number; reviewed: number }>(
    `WITH moved AS (
       UPDATE venues v SET admin_unit_version = $2, admin_unit_code = m.new_code, admin_unit_path = p.path
         FROM unit_moves m JOIN new_paths p ON p.code = m.new_code
        WHERE v.admin_unit_version = $1 AND m.old_code = v.admin_unit_code
       RETURNING v.id, m.old_code, m.old_level, m.new_code, p.path, m.targets, m.inferred),
     ${REVIEWS_OF_MOVED('venue', '(SELECT max(level) FROM admin_units WHERE version = $1)')}`,
    [from, to, upgradeId],
  );
  const left = await count(q, 'SELECT count(*)::int AS n FROM venues WHERE admin_unit_version = $1', [from]);
  return { ...rows[0]!, left };
}

/**
 * Account scopes: a province's officials are the new province's; a commune's go to its best ward; a
 * district's to the ward most of its communes went to (narrower, never wider), listed for review.
 */
export async function moveAccounts(q: Queryable, from: string, to: string, upgradeId: number) {
  const { rows } = await q.query<{ moved: number; reviewed: number }>(
    `WITH moved AS (
       UPDATE users u SET admin_unit_version = $2, admin_unit_code = COALESCE(m.new_code, m.targets[1])
         FROM unit_moves m JOIN new_paths p ON true
        WHERE u.admin_unit_version = $1 AND m.old_code = u.admin_unit_code
          AND p.code = COALESCE(m.new_code, m.targets[1])
       RETURNING u.id, m.old_code, m.old_level, p.code AS new_code, p.path, m.targets, m.inferred),
     ${REVIEWS_OF_MOVED('account', '(SELECT max(level) FROM admin_units WHERE version = $1)')}`,
    [from, to, upgradeId],
  );
  const left = await count(q, 'SELECT count(*)::int AS n FROM users WHERE admin_unit_version = $1', [from]);
  return { ...rows[0]!, left };
}

/** Each venue's daily counts follow the venue to its new path. */
export async function moveVenueDayCounts(q: Queryable) {
  return count(
    q,
    `WITH moved AS (
       UPDATE venue_day_counts c
          SET path_1 = v.admin_unit_path[1], path_2 = v.admin_unit_path[2], path_3 = v.admin_unit_path[3]
         FROM venues v
        WHERE v.id = c.venue_id
          AND (c.path_1, c.path_2, c.path_3) IS DISTINCT FROM
              (v.admin_unit_path[1], v.admin_unit_path[2], v.admin_unit_path[3])
       RETURNING 1)
     SELECT count(*)::int AS n FROM moved`,
    [],
  );
}

/**
 * Per-unit figures keyed by code: a province's rows become its new province's, a commune's its best
 * ward's (people counted once where several old units meet); a district's are dropped (no counterpart).
 */
export async function movePeopleKeys(q: Queryable) {
  await q.exec(`
    CREATE TEMP TABLE moved_people ON COMMIT DROP AS
      SELECT DISTINCT m.new_code AS unit_code, p.day, p.person_key
        FROM person_unit_days p JOIN unit_moves m ON m.old_code = p.unit_code WHERE m.new_code IS NOT NULL;
    DELETE FROM person_unit_days p USING unit_moves m WHERE m.old_code = p.unit_code;`);
  return count(
    q,
    `WITH ins AS (INSERT INTO person_unit_days SELECT * FROM moved_people ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [],
  );
}

/**
 * Daily counts per unit (`table`, keyed by unit_code and day): an old unit's rows become its new unit's,
 * summed where several old units meet; a unit with no counterpart (a district) has its rows dropped.
 */
export async function moveUnitDayCounts(
  q: Queryable,
  table: 'unit_day_declarations' | 'unit_day_arrivals',
  counts: readonly string[],
) {
  const sums = counts.map((c) => `sum(d.${c})::int AS ${c}`).join(', ');
  const added = counts.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  await q.exec(`
    CREATE TEMP TABLE moved_${table} ON COMMIT DROP AS
      SELECT m.new_code AS unit_code, d.day, ${sums}
        FROM ${table} d JOIN unit_moves m ON m.old_code = d.unit_code
       WHERE m.new_code IS NOT NULL GROUP BY 1, 2;
    DELETE FROM ${table} d USING unit_moves m WHERE m.old_code = d.unit_code;`);
  return count(
    q,
    `WITH ins AS (INSERT INTO ${table} (unit_code, day, ${counts.join(', ')}) SELECT * FROM moved_${table}
                    ON CONFLICT (unit_code, day) DO UPDATE SET ${added} RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [],
  );
}

/** The days that have stored sketches of old provinces. */
export async function sketchedProvinceDays(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ day: string }>(
    `SELECT DISTINCT s.day::text AS day FROM unit_day_people_sketches s
       JOIN unit_moves m ON m.old_code = s.unit_code AND m.old_level = 1 ORDER BY 1`,
  );
  return rows.map((r) => r.day);
}

export async function provinceSketchesOfDay(q: Queryable, day: string) {
  const { rows } = await q.query<{ newCode: string; registers: Uint8Array }>(
    `SELECT m.new_code AS "newCode", s.registers FROM unit_day_people_sketches s
       JOIN unit_moves m ON m.old_code = s.unit_code AND m.old_level = 1 WHERE s.day = $1`,
    [day],
  );
  return rows;
}

/**
 * Removes every old unit's sketches; the merged province sketches are saved after. Merged spans of
 * days go whole: the job merges them again from the new units' day sketches.
 */
export async function dropOldSketches(q: Queryable) {
  await q.query('DELETE FROM unit_day_people_sketches s USING unit_moves m WHERE m.old_code = s.unit_code');
  await q.query('DELETE FROM people_sketch_spans');
}

export async function saveSketches(
  q: Queryable,
  day: string,
  rows: readonly { code: string; registers: Uint8Array }[],
) {
  await q.query(
    `INSERT INTO unit_day_people_sketches (unit_code, day, registers)
     SELECT c, $1, r FROM unnest($2::text[], $3::bytea[]) AS x(c, r)`,
    [day, rows.map((r) => r.code), rows.map((r) => Buffer.from(r.registers))],
  );
}

/**
 * Hotspots and registration deadlines name an area: a province's become its new province's; a
 * commune's or district's are copied to every ward its area went to (a warning or a deadline is better
 * over-covered than lost). The old rows are replaced.
 */
export async function moveAreaRows(
  q: Queryable,
  table: 'hotspots' | 'registration_deadlines',
  from: string,
  to: string,
) {
  const columns =
    table === 'hotspots'
      ? 'from_date, to_date, note, created_by_user_id, created_at'
      : 'category, deadline, note, created_by_user_id, created_at';
  const n = await count(
    q,
    `WITH ins AS (
       INSERT INTO ${table} (admin_unit_version, admin_unit_code, admin_unit_path, ${columns})
       SELECT $2, t.code, p.path, ${columns.replace(/(\w+)/g, 'h.$1')}
         FROM ${table} h JOIN unit_moves m ON m.old_code = h.admin_unit_code
        CROSS JOIN LATERAL unnest(CASE WHEN m.old_level = 1 THEN ARRAY[m.new_code] ELSE m.targets END) AS t(code)
         JOIN new_paths p ON p.code = t.code
        WHERE h.admin_unit_version = $1
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [from, to],
  );
  await q.query(`DELETE FROM ${table} WHERE admin_unit_version = $1`, [from]);
  return n;
}

/** Population figures: summed into the new province and the best ward; the old figures stay readable. */
export async function movePopulation(q: Queryable, from: string, to: string) {
  return count(
    q,
    `WITH ins AS (
       INSERT INTO admin_unit_population (admin_unit_version, admin_unit_code, population, updated_at)
       SELECT $2, m.new_code, least(sum(p.population), 2147483647)::int, max(p.updated_at)
         FROM admin_unit_population p JOIN unit_moves m ON m.old_code = p.admin_unit_code
        WHERE p.admin_unit_version = $1 AND m.new_code IS NOT NULL
        GROUP BY m.new_code
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [from, to],
  );
}

/**
 * Status-colour rules of merged provinces: the new province keeps the most recently updated of its
 * old provinces' rules (the latest decision); the national rule stays.
 */
export async function moveStatusRules(q: Queryable) {
  await q.exec(`
    CREATE TEMP TABLE moved_rules ON COMMIT DROP AS
      SELECT DISTINCT ON (m.new_code) m.new_code AS scope, r.rules, r.updated_by_user_id, r.updated_at
        FROM status_rules r JOIN unit_moves m ON m.old_code = r.scope AND m.old_level = 1
       ORDER BY m.new_code, r.updated_at DESC;
    DELETE FROM status_rules r USING unit_moves m WHERE m.old_code = r.scope AND m.old_level = 1;`);
  return count(
    q,
    `WITH ins AS (INSERT INTO status_rules SELECT * FROM moved_rules RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    [],
  );
}

/**
 * Days whose people keys are still kept lose their sketches: the job builds them again from the moved
 * keys, for the new provinces and wards alike. Older days keep their merged province sketches.
 */
export async function resketchKeptDays(q: Queryable) {
  return count(
    q,
    `WITH gone AS (
       DELETE FROM people_sketch_days WHERE day IN (SELECT DISTINCT day FROM person_unit_days) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [],
  );
}
