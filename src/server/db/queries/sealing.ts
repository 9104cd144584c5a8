/**
 * Rows written before personal columns were sealed: ID numbers in clear (no hash beside them) and
 * declarations with their answers in clear. Read a batch, write it back sealed.
 */
import type { Queryable } from '../db.js';

export type SealableTable = 'check_ins' | 'declarations' | 'cards';

export async function isUpgradeDone(q: Queryable, name: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM data_upgrades WHERE name = $1', [name]);
  return rows.length > 0;
}

export async function markUpgradeDone(q: Queryable, name: string) {
  await q.query('INSERT INTO data_upgrades (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
}

export async function clearIdNumbers(q: Queryable, table: SealableTable, limit: number) {
  const { rows } = await q.query<{ id: string; idNumber: string }>(
    `SELECT id::text, person_id_number AS "idNumber" FROM ${table}
      WHERE person_id_number IS NOT NULL AND person_id_hash IS NULL LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function writeSealedIdNumbers(
  q: Queryable,
  table: SealableTable,
  rows: { id: string; sealed: string; hash: Buffer }[],
) {
  await q.query(
    `UPDATE ${table} t SET person_id_number = s.sealed, person_id_hash = s.hash
       FROM unnest($1::text[], $2::text[], $3::bytea[]) AS s(id, sealed, hash)
      WHERE t.id::text = s.id`,
    [rows.map((r) => r.id), rows.map((r) => r.sealed), rows.map((r) => r.hash)],
  );
}

export async function clearDeclarationAnswers(q: Queryable, limit: number) {
  const { rows } = await q.query<{
    id: string;
    visitedAreas: string[];
    symptoms: unknown;
    exposure: unknown;
    vaccineDoses: number | null;
  }>(
    `SELECT id::text, visited_areas AS "visitedAreas", symptoms, exposure, vaccine_doses AS "vaccineDoses"
       FROM declarations WHERE answers_sealed IS NULL LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function writeSealedAnswers(q: Queryable, rows: { id: string; sealed: string }[]) {
  await q.query(
    `UPDATE declarations d SET answers_sealed = s.sealed, symptoms = NULL, exposure = NULL,
            visited_areas = '{}', vaccine_doses = NULL
       FROM unnest($1::text[], $2::text[]) AS s(id, sealed)
      WHERE d.id::text = s.id`,
    [rows.map((r) => r.id), rows.map((r) => r.sealed)],
  );
}
