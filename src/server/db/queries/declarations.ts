import type { Queryable } from '../db.js';
import type { StatusColour } from '../../../shared/contracts.js';
import { personParams, type NewCheckIn } from './record-check-ins.js';

export interface NewDeclaration {
  id: string;
  declaredAt: Date;
  channel: 'self' | 'on_behalf' | 'paper';
  person: NewCheckIn['person'];
  /** The health answers (visited areas, symptoms, exposure, vaccine doses), sealed. */
  answersSealed: string;
  hotspotIds: number[];
  flagged: boolean;
  statusColour: StatusColour;
  recordedByUserId: number | null;
  venueId: number | null;
  kind: 'domestic' | 'arrival';
}

export async function insertDeclaration(q: Queryable, d: NewDeclaration) {
  await q.query(
    `INSERT INTO declarations (id, declared_at, channel, person_phone, person_full_name, person_name_key,
       person_id_number, person_birth_year, person_sex, person_nationality, person_admin_unit_code, person_address,
       answers_sealed, hotspot_ids, flagged, status_colour, recorded_by_user_id, venue_id, person_id_hash, kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      d.id,
      d.declaredAt,
      d.channel,
      ...personParams(d.person),
      d.answersSealed,
      d.hotspotIds,
      d.flagged,
      d.statusColour,
      d.recordedByUserId,
      d.venueId,
      d.person.idHash,
      d.kind,
    ],
  );
}

export interface LatestDeclaration {
  id: string;
  declaredAt: Date;
  flagged: boolean;
  statusColour: StatusColour;
}

/** The newest declaration among those `where` selects (parameters `params`). */
async function latestDeclarationWhere(q: Queryable, where: string, params: unknown[]) {
  const { rows } = await q.query<LatestDeclaration>(
    `SELECT id, declared_at AS "declaredAt", flagged, status_colour AS "statusColour"
       FROM declarations WHERE ${where}
      ORDER BY declared_at DESC LIMIT 1`,
    params,
  );
  return rows[0] ?? null;
}

export const latestDeclarationOf = (q: Queryable, phone: string, nameKey: string) =>
  latestDeclarationWhere(q, 'person_phone = $1 AND person_name_key = $2', [phone, nameKey]);

/**
 * The latest declaration made with an ID number, by its keyed hashes under every key of the ring
 * (a chip ID card scanned at the door).
 */
export const latestDeclarationByIdHashes = (q: Queryable, idHashes: readonly Buffer[]) =>
  latestDeclarationWhere(q, 'person_id_hash = ANY($1::bytea[])', [idHashes]);

/** Claims a clientId for a new declaration; false when a retry of an earlier one. */
export async function claimClientId(q: Queryable, clientId: string, declarationId: string, at: Date) {
  const claim = await q.query(
    `INSERT INTO client_requests (client_id, kind, result_id, result_at) VALUES ($1, 'declaration', $2, $3)
     ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
    [clientId, declarationId, at],
  );
  return claim.rowCount > 0;
}

/** The declaration that answered a clientId first (for idempotent retries). */
export async function findDeclarationByClientId(q: Queryable, clientId: string) {
  const { rows } = await q.query<{
    id: string;
    declaredAt: Date;
    flagged: boolean;
    statusColour: StatusColour;
    phone: string;
    nameKey: string;
  }>(
    `SELECT d.id, d.declared_at AS "declaredAt", d.flagged, d.status_colour AS "statusColour",
            d.person_phone AS phone, d.person_name_key AS "nameKey"
       FROM client_requests r JOIN declarations d ON d.id = r.result_id WHERE r.client_id = $1`,
    [clientId],
  );
  return rows[0] ?? null;
}
