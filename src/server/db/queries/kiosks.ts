/** Kiosk devices of a venue; only the SHA-256 of a device token is kept. */
import type { Queryable } from '../db.js';

export interface KioskRow {
  id: number;
  venueId: number;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const COLUMNS = `id, venue_id AS "venueId", name, created_at AS "createdAt", revoked_at AS "revokedAt"`;

export async function insertKiosk(
  q: Queryable,
  k: { venueId: number; name: string; tokenHash: Buffer; createdByUserId: number; createdAt: Date },
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO kiosks (venue_id, name, token_hash, created_by_user_id, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [k.venueId, k.name, k.tokenHash, k.createdByUserId, k.createdAt],
  );
  return Number(rows[0]!.id);
}

export async function listKiosks(q: Queryable, venueId: number) {
  const { rows } = await q.query<KioskRow>(`SELECT ${COLUMNS} FROM kiosks WHERE venue_id = $1 ORDER BY id`, [
    venueId,
  ]);
  return rows.map((r) => ({ ...r, id: Number(r.id), venueId: Number(r.venueId) }));
}

/** Revokes a kiosk of the venue; false when the venue has no such live kiosk. */
export async function revokeKiosk(q: Queryable, venueId: number, kioskId: number, at: Date) {
  const { rowCount } = await q.query(
    'UPDATE kiosks SET revoked_at = $3 WHERE id = $2 AND venue_id = $1 AND revoked_at IS NULL',
    [venueId, kioskId, at],
  );
  return rowCount > 0;
}
