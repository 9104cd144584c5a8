/**
 * Accounts as their managers see them (API v1.1 accounts): lists with where each account works, the
 * changes managers make, and the one-time links that create the first admin.
 */
import type { Queryable } from '../db.js';
import type { Role } from '../../../shared/contracts.js';

/** An account as the accounts page lists it, with where it works. */
export interface AccountRow {
  id: number;
  username: string;
  role: Role;
  adminUnitCode: string | null;
  /** The account unit's path from the province (area roles). */
  unitPath: string[];
  adminUnitName: string | null;
  venueNames: string[];
  venueIds: number[];
  /** The paths of its venues (venue roles). */
  venuePaths: string[][];
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
}

const ACCOUNT_SELECT = `
  SELECT u.id::int AS id, u.username, u.role, u.admin_unit_code AS "adminUnitCode",
         admin_unit_path_of($1, u.admin_unit_code) AS "unitPath",
         (SELECT name FROM admin_units WHERE version = $1 AND code = u.admin_unit_code) AS "adminUnitName",
         COALESCE(array_agg(v.name ORDER BY v.id) FILTER (WHERE v.id IS NOT NULL), '{}') AS "venueNames",
         COALESCE(array_agg(v.id::int ORDER BY v.id) FILTER (WHERE v.id IS NOT NULL), '{}') AS "venueIds",
         COALESCE(json_agg(v.admin_unit_path ORDER BY v.id) FILTER (WHERE v.id IS NOT NULL), '[]') AS "venuePaths",
         u.disabled_at IS NULL AS active, u.must_change_password AS "mustChangePassword",
         u.last_login_at AS "lastLoginAt"
    FROM users u
    LEFT JOIN user_venues uv ON uv.user_id = u.id
    LEFT JOIN venues v ON v.id = uv.venue_id`;

/** Accounts working in a unit: its officials and tracers (and those below), and its venues' accounts. */
const ACCOUNTS_IN_UNIT = (code: string) => `
  SELECT a.id FROM users a
   WHERE a.admin_unit_code IS NOT NULL AND ${code} = ANY(admin_unit_path_of($1, a.admin_unit_code))
  UNION
  SELECT x.user_id FROM venues w JOIN user_venues x ON x.venue_id = w.id WHERE w.admin_unit_path @> ARRAY[${code}::text]`;

export interface AccountFilter {
  q?: string;
  role?: Role;
  /** Accounts of this unit or below, or attached to venues there. */
  unitCode?: string;
  venueId?: number;
}

/**
 * Accounts matching the filter, at most `limit`, newest first. `within`: only accounts whose unit or
 * one of whose venues lies in this unit (an official's area); `venueIds`: only accounts attached to one
 * of these venues (a manager's staff). Access is decided again per row by the service.
 */
export async function listAccounts(
  q: Queryable,
  version: string,
  f: AccountFilter & { within?: string; venueIds?: readonly number[] },
  limit: number,
) {
  const { rows } = await q.query<AccountRow>(
    `${ACCOUNT_SELECT}
      WHERE ($2::text IS NULL OR u.username ILIKE '%' || $2 || '%')
        AND ($3::text IS NULL OR u.role = $3)
        AND ($4::bigint IS NULL OR EXISTS (SELECT 1 FROM user_venues x WHERE x.user_id = u.id AND x.venue_id = $4))
        AND ($5::bigint[] IS NULL OR EXISTS (SELECT 1 FROM user_venues x WHERE x.user_id = u.id AND x.venue_id = ANY($5)))
        AND ($6::text IS NULL OR u.id IN (${ACCOUNTS_IN_UNIT('$6')}))
        AND ($7::text IS NULL OR u.id IN (${ACCOUNTS_IN_UNIT('$7')}))
      GROUP BY u.id
      ORDER BY u.id DESC
      LIMIT $8`,
    [
      version,
      f.q ?? null,
      f.role ?? null,
      f.venueId ?? null,
      f.venueIds ?? null,
      f.within ?? null,
      f.unitCode ?? null,
      limit,
    ],
  );
  return rows;
}

export async function findAccount(q: Queryable, version: string, id: number) {
  const { rows } = await q.query<AccountRow>(`${ACCOUNT_SELECT} WHERE u.id = $2 GROUP BY u.id`, [
    version,
    id,
  ]);
  return rows[0] ?? null;
}

/** Deactivating ends every session at once; reactivating lets the password work again. */
export async function setActive(q: Queryable, id: number, active: boolean, at: Date) {
  await q.query(
    'UPDATE users SET disabled_at = CASE WHEN $2 THEN NULL ELSE $3::timestamptz END WHERE id = $1',
    [id, active, at],
  );
  if (!active) await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
}

export async function setUnit(q: Queryable, id: number, version: string, code: string) {
  await q.query('UPDATE users SET admin_unit_version = $2, admin_unit_code = $3 WHERE id = $1', [
    id,
    version,
    code,
  ]);
}

export async function setVenues(q: Queryable, id: number, venueIds: readonly number[]) {
  await q.query('DELETE FROM user_venues WHERE user_id = $1 AND NOT (venue_id = ANY($2::bigint[]))', [
    id,
    venueIds,
  ]);
  await q.query(
    'INSERT INTO user_venues (user_id, venue_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
    [id, venueIds],
  );
}

export async function anyActiveAdmin(q: Queryable): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1`);
  return rows.length > 0;
}

export async function insertSetupToken(q: Queryable, tokenHash: Buffer, expiresAt: Date) {
  await q.query('INSERT INTO setup_tokens (token_hash, expires_at) VALUES ($1, $2)', [tokenHash, expiresAt]);
}

export async function setupTokenValid(q: Queryable, tokenHash: Buffer, now: Date): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2', [
    tokenHash,
    now,
  ]);
  return rows.length > 0;
}

export async function spendSetupTokens(q: Queryable) {
  await q.query('DELETE FROM setup_tokens');
}
