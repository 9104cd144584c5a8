/**
 * Everything a staff scan needs to read, in one round trip (the scanner is a hot path): the caller's
 * session, the venue, the scanned card with its latest declaration, and the colour rules in force at
 * the venue. Decisions stay in the services; this only reads.
 */
import { liveSession } from './users.js';
import { LAST_TRACED_AT } from './traced-contacts.js';
import type { Queryable } from '../db.js';
import type { StatusColour } from '../../../shared/contracts.js';
import type { Role } from '../../../shared/contracts.js';
import { VENUE_COLUMNS, type VenueRow } from './venues.js';

export interface ScanContextRow extends VenueRow {
  actorUserId: number | null;
  actorUsername: string;
  actorRole: Role;
  actorAdminUnitCode: string | null;
  actorVenueIds: number[] | null;
  /** The staff member logged in with a temporary password (may only change it). */
  actorMustChangePassword: boolean | null;
  /** The live kiosk the token belongs to, when the scan came from a kiosk. */
  kioskId: number | null;
  kioskVenueId: number | null;
  venueFound: boolean;
  cardId: string | null;
  cardPublicId: string | null;
  cardPhone: string;
  cardFullName: string;
  cardNameKey: string;
  cardBirthYear: number | null;
  cardStatus: 'active' | 'revoked';
  declarationId: string | null;
  declaredAt: Date | null;
  flagged: boolean | null;
  statusColour: StatusColour | null;
  /** When the card's holder was last found as F1 (tracing with notify), or null. */
  tracedAt: Date | null;
  nationalRules: Record<string, unknown> | null;
  provinceRules: Record<string, unknown> | null;
}

export interface ScanContextInput {
  /** SHA-256 of the session token (staff) … */
  tokenHash: Buffer | null;
  /** … or of the kiosk device token. */
  kioskTokenHash: Buffer | null;
  venueId: number;
  cardPublicId: string | null;
}

/** One context per input, in input order; several scans are read in one round trip (batched). */
export async function loadScanContexts(
  q: Queryable,
  now: Date,
  inputs: readonly ScanContextInput[],
): Promise<ScanContextRow[]> {
  const { rows } = await q.query<ScanContextRow & { ord: number }>(
    // Each part is a LATERAL sub-select with LIMIT 1: the planner plans them one by one instead of
    // searching join orders over seven tables.
    `SELECT i.ord::int AS ord, ${VENUE_COLUMNS}, v.id IS NOT NULL AS "venueFound",
            a.id AS "actorUserId", a.username AS "actorUsername", a.role AS "actorRole",
            a.admin_unit_code AS "actorAdminUnitCode", a.venue_ids AS "actorVenueIds",
            a.must_change_password AS "actorMustChangePassword",
            k.id AS "kioskId", k.venue_id AS "kioskVenueId",
            c.id AS "cardId", c.public_id AS "cardPublicId", c.person_phone AS "cardPhone",
            c.person_full_name AS "cardFullName", c.person_name_key AS "cardNameKey",
            c.person_birth_year AS "cardBirthYear", c.status AS "cardStatus",
            c.declaration_id AS "declarationId", c.declared_at AS "declaredAt", c.flagged, c.status_colour AS "statusColour",
            c.traced_at AS "tracedAt",
            r.national AS "nationalRules", r.province AS "provinceRules"
       FROM unnest($1::bytea[], $2::bigint[], $3::text[], $5::bytea[])
            WITH ORDINALITY AS i(token_hash, venue_id, card_public_id, kiosk_token_hash, ord)
       LEFT JOIN LATERAL (
         SELECT u.id, u.username, u.role, u.admin_unit_code, u.must_change_password,
                (SELECT array_agg(uv.venue_id) FROM user_venues uv WHERE uv.user_id = u.id) AS venue_ids
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE ${liveSession('i.token_hash', '$4')} LIMIT 1) a ON true
       LEFT JOIN LATERAL (
         SELECT id, venue_id FROM kiosks
          WHERE token_hash = i.kiosk_token_hash AND revoked_at IS NULL LIMIT 1) k ON true
       LEFT JOIN LATERAL (SELECT * FROM venues WHERE id = i.venue_id LIMIT 1) v ON true
       LEFT JOIN LATERAL (
         SELECT cc.*, d.id AS declaration_id, d.declared_at, d.flagged, d.status_colour,
                ${LAST_TRACED_AT('cc.person_phone', 'cc.person_name_key')} AS traced_at
           FROM cards cc LEFT JOIN declarations d ON d.id = cc.latest_declaration_id
          WHERE cc.public_id = i.card_public_id LIMIT 1) c ON true
       LEFT JOIN LATERAL (
         SELECT (SELECT rules FROM status_rules WHERE scope = 'VN') AS national,
                (SELECT rules FROM status_rules WHERE scope = v.admin_unit_path[1]) AS province) r ON true`,
    [
      inputs.map((x) => x.tokenHash),
      inputs.map((x) => x.venueId),
      inputs.map((x) => x.cardPublicId),
      now,
      inputs.map((x) => x.kioskTokenHash),
    ],
    'load_scan_contexts',
  );
  const byOrd = new Map(rows.map((r) => [r.ord, r]));
  return inputs.map((_, i) => byOrd.get(i + 1)!);
}
