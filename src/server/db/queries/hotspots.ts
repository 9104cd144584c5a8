import type { Queryable } from '../db.js';

export interface HotspotRow {
  id: number;
  adminUnitCode: string;
  adminUnitPath: string[];
  fromDate: string;
  toDate: string;
  note: string | null;
}

const COLUMNS = `id, admin_unit_code AS "adminUnitCode", admin_unit_path AS "adminUnitPath",
  from_date AS "fromDate", to_date AS "toDate", note`;

export async function insertHotspot(
  q: Queryable,
  h: {
    version: string;
    adminUnitCode: string;
    adminUnitPath: string[];
    fromDate: string;
    toDate: string;
    note: string | null;
    userId: number;
  },
) {
  const { rows } = await q.query<HotspotRow>(
    `INSERT INTO hotspots (admin_unit_version, admin_unit_code, admin_unit_path, from_date, to_date, note, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [h.version, h.adminUnitCode, h.adminUnitPath, h.fromDate, h.toDate, h.note, h.userId],
  );
  return rows[0]!;
}

/** Hotspots whose window ended on or after `sinceDate` and has started by `today`. */
export async function listActiveHotspots(q: Queryable, sinceDate: string, today: string) {
  const { rows } = await q.query<HotspotRow>(
    `SELECT ${COLUMNS} FROM hotspots WHERE to_date >= $1 AND from_date <= $2 ORDER BY from_date DESC, id`,
    [sinceDate, today],
  );
  return rows;
}

export async function findHotspot(q: Queryable, id: number) {
  const { rows } = await q.query<HotspotRow>(`SELECT ${COLUMNS} FROM hotspots WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function deleteHotspot(q: Queryable, id: number) {
  await q.query('DELETE FROM hotspots WHERE id = $1', [id]);
}
