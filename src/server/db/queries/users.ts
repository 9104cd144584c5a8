import type { Queryable } from '../db.js';
import type { Role } from '../../../shared/contracts.js';
import type { LoginHistory } from '../../domain/login-throttle.js';

export interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  adminUnitCode: string | null;
  disabledAt: Date | null;
  mustChangePassword: boolean;
}

const COLUMNS = `id, username, password_hash AS "passwordHash", role, admin_unit_code AS "adminUnitCode",
  disabled_at AS "disabledAt", must_change_password AS "mustChangePassword"`;

export async function findUserByUsername(q: Queryable, username: string) {
  const { rows } = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return rows[0] ?? null;
}

export async function insertUser(
  q: Queryable,
  u: {
    username: string;
    passwordHash: string;
    role: Role;
    adminUnitVersion?: string;
    adminUnitCode?: string | null;
  },
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO users (username, password_hash, role, admin_unit_version, admin_unit_code)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      u.username,
      u.passwordHash,
      u.role,
      u.adminUnitCode ? (u.adminUnitVersion ?? null) : null,
      u.adminUnitCode ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function setPasswordAndRole(q: Queryable, id: number, passwordHash: string, role: Role) {
  await q.query('UPDATE users SET password_hash = $2, role = $3, disabled_at = NULL WHERE id = $1', [
    id,
    passwordHash,
    role,
  ]);
}

export async function attachVenue(q: Queryable, userId: number, venueId: number) {
  await q.query('INSERT INTO user_venues (user_id, venue_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    userId,
    venueId,
  ]);
}

export async function insertSession(q: Queryable, tokenHash: Buffer, userId: number, expiresAt: Date) {
  await q.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt,
  ]);
}

export async function deleteSession(q: Queryable, tokenHash: Buffer) {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export interface SessionActorRow {
  userId: number;
  username: string;
  role: Role;
  adminUnitCode: string | null;
  venueIds: number[];
  /** A temporary password: only changing it is allowed. */
  mustChangePassword: boolean;
}

/**
 * The one rule of a valid session, for every query that reads one (`s` sessions, `u` users): its
 * token matches, it has not expired at `now`, and its user is not disabled.
 */
export const liveSession = (tokenHash: string, now: string) =>
  `s.token_hash = ${tokenHash} AND s.expires_at > ${now} AND u.disabled_at IS NULL`;

/**
 * The live session's user with the venues they are attached to, as one JSON value (`actor`, a
 * SessionActorRow), one row or none: for findSessionActor, and for a hot read that resolves its
 * caller in its own statement (the door's list). `tokenHash`, `now`: the statement's parameters.
 */
export const SESSION_ACTOR = (tokenHash: string, now: string) =>
  `SELECT json_build_object(
            'userId', u.id, 'username', u.username, 'role', u.role, 'adminUnitCode', u.admin_unit_code,
            'mustChangePassword', u.must_change_password,
            'venueIds', COALESCE((SELECT array_agg(uv.venue_id ORDER BY uv.venue_id) FROM user_venues uv WHERE uv.user_id = u.id), '{}')
          ) AS actor
     FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE ${liveSession(tokenHash, now)}`;

/** The key a session is looked up by: its token's hash, and the instant it must still be live at. */
export interface SessionKey {
  tokenHash: Buffer;
  now: Date;
}

/** The live session's user with the venues they are attached to, in one round trip. */
export async function findSessionActor(q: Queryable, { tokenHash, now }: SessionKey) {
  const { rows } = await q.query<{ actor: SessionActorRow }>(
    SESSION_ACTOR('$1', '$2'),
    [tokenHash, now],
    'find_session_actor',
  );
  return rows[0]?.actor ?? null;
}

/** What the login throttle needs to know about an attempt, in one round trip. */
export async function loginHistory(
  q: Queryable,
  username: string,
  address: string,
  failuresSince: Date,
  knownSince: Date,
): Promise<LoginHistory> {
  const { rows } = await q.query<LoginHistory>(
    `SELECT a.failures AS "addressFailures", a.oldest AS "oldestAddressFailureAt",
            (SELECT count(*) FROM login_attempts WHERE username = $1 AND NOT succeeded AND at > $3)::int AS "accountFailures",
            EXISTS (SELECT 1 FROM login_attempts
                     WHERE username = $1 AND address = $2 AND succeeded AND at > $4) AS "knownAddress"
       FROM (SELECT count(*)::int AS failures, min(at) AS oldest FROM login_attempts
              WHERE address = $2 AND NOT succeeded AND at > $3) a`,
    [username, address, failuresSince, knownSince],
  );
  return rows[0]!;
}

export async function recordLoginAttempt(
  q: Queryable,
  a: { username: string; address: string; at: Date; succeeded: boolean },
) {
  await q.query('INSERT INTO login_attempts (username, address, at, succeeded) VALUES ($1, $2, $3, $4)', [
    a.username,
    a.address,
    a.at,
    a.succeeded,
  ]);
}

export async function findUserById(q: Queryable, id: number) {
  const { rows } = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function noteLogin(q: Queryable, id: number, at: Date) {
  await q.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [id, at]);
}

/**
 * A new password. `temporary`: set by someone else, to be changed at the next login. Every session
 * of the account ends but `keepSession` (the one that changed it).
 */
export async function setPassword(
  q: Queryable,
  id: number,
  passwordHash: string,
  temporary: boolean,
  keepSession: Buffer | null,
) {
  await q.query('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1', [
    id,
    passwordHash,
    temporary,
  ]);
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR token_hash <> $2)', [
    id,
    keepSession,
  ]);
}
