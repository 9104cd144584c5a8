import type { Queryable } from '../db.js';
import type { StatusColour } from '../../../shared/contracts.js';

export interface CardRow {
  id: string;
  publicId: string;
  phone: string;
  fullName: string;
  nameKey: string;
  birthYear: number | null;
  status: 'active' | 'revoked';
  issuedAt: Date;
  /** The holder's latest declaration (through the card's link), if it is still kept. */
  declaredAt: Date | null;
  flagged: boolean | null;
  statusColour: StatusColour | null;
  declarationId: string | null;
}

const COLUMNS = `c.id, c.public_id AS "publicId", c.person_phone AS phone, c.person_full_name AS "fullName",
  c.person_name_key AS "nameKey", c.person_birth_year AS "birthYear", c.status, c.issued_at AS "issuedAt",
  d.declared_at AS "declaredAt", d.flagged, d.status_colour AS "statusColour", d.id AS "declarationId"`;

/** Cards with their latest declaration, filtered by `where` over `c` (cards) and `d` (declarations). */
async function cardsWhere(q: Queryable, where: string, params: unknown[]) {
  const { rows } = await q.query<CardRow>(
    `SELECT ${COLUMNS} FROM cards c LEFT JOIN declarations d ON d.id = c.latest_declaration_id WHERE ${where}`,
    params,
  );
  return rows;
}

export async function findCard(q: Queryable, id: string) {
  return (await cardsWhere(q, 'c.id = $1', [id]))[0] ?? null;
}

export async function findCardByPublicId(q: Queryable, publicId: string) {
  return (await cardsWhere(q, 'c.public_id = $1', [publicId]))[0] ?? null;
}

export async function findActiveCardOf(q: Queryable, phone: string, nameKey: string) {
  return (
    (
      await cardsWhere(q, `c.person_phone = $1 AND c.person_name_key = $2 AND c.status = 'active'`, [
        phone,
        nameKey,
      ])
    )[0] ?? null
  );
}

/** Active cards of everyone using a phone number (a family shares one): for staff look-up. */
export async function findActiveCardsByPhone(q: Queryable, phone: string) {
  return cardsWhere(q, `c.person_phone = $1 AND c.status = 'active' ORDER BY c.person_full_name LIMIT 20`, [
    phone,
  ]);
}
export async function insertCard(
  q: Queryable,
  c: {
    id: string;
    publicId: string;
    phone: string;
    fullName: string;
    nameKey: string;
    birthYear: number | null;
    /** Sealed, with its keyed hash. */
    idNumber: string | null;
    idHash: Buffer | null;
    declarationId: string | null;
    issuedAt: Date;
  },
) {
  await q.query(
    `INSERT INTO cards (id, public_id, person_phone, person_full_name, person_name_key, person_birth_year,
                        person_id_number, person_id_hash, latest_declaration_id, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      c.id,
      c.publicId,
      c.phone,
      c.fullName,
      c.nameKey,
      c.birthYear,
      c.idNumber,
      c.idHash,
      c.declarationId,
      c.issuedAt,
    ],
  );
}

export async function linkLatestDeclaration(q: Queryable, cardId: string, declarationId: string) {
  await q.query('UPDATE cards SET latest_declaration_id = $2 WHERE id = $1', [cardId, declarationId]);
}

export async function revokeCard(q: Queryable, id: string, at: Date, replacedBy: string | null) {
  await q.query(
    `UPDATE cards SET status = 'revoked', revoked_at = $2, replaced_by = $3 WHERE id = $1 AND status = 'active'`,
    [id, at, replacedBy],
  );
}
