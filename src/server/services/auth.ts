/**
 * Logging in and out, sessions, and the bootstrap admin (F14). Sessions live in the database so any
 * app node can serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isUniqueViolation, type Queryable } from '../db/db.js';
import * as users from '../db/queries/users.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import {
  accountDelayMs,
  addressRetryAfterSeconds,
  KNOWN_ADDRESS_MS,
  LOGIN_WINDOW_MS,
} from '../domain/login-throttle.js';
import { normalizePhone } from '../../shared/phone.js';
import type { ServiceContext } from './context.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

/** Phone-number usernames are matched in their national form, whichever form was typed. */
export function canonicalUsername(username: string): string {
  return normalizePhone(username) ?? username.trim();
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Logs in from `address` (the client address as the proxy settings establish it). */
export async function login(ctx: ServiceContext, rawUsername: string, password: string, address: string) {
  const username = canonicalUsername(rawUsername);
  const now = ctx.now();
  const history = await users.loginHistory(
    ctx.db,
    username,
    address,
    new Date(now.getTime() - LOGIN_WINDOW_MS),
    new Date(now.getTime() - KNOWN_ADDRESS_MS),
  );
  const retryAfter = addressRetryAfterSeconds(history, ctx.config.rateLimits.loginMaxFailures, now);
  if (retryAfter !== null) throw new AppError('rate_limited', [], retryAfter);
  const delay = accountDelayMs(history, ctx.config.rateLimits.loginDelayCapMs);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const user = await users.findUserByUsername(ctx.db, username);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const succeeded = Boolean(user && valid && !user.disabledAt);
  await users.recordLoginAttempt(ctx.db, { username, address, at: now, succeeded });
  if (!succeeded || !user) throw new AppError('invalid_credentials');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await users.insertSession(ctx.db, tokenHash(token), user.id, expiresAt);
  await users.noteLogin(ctx.db, user.id, now);
  return {
    token,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      role: user.role,
      adminUnitCode: user.adminUnitCode,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function logout(ctx: ServiceContext, token: string) {
  await users.deleteSession(ctx.db, tokenHash(token));
}

export async function actorFromSession(ctx: ServiceContext, token: string): Promise<Actor | null> {
  return users.findSessionActor(ctx.db, sessionKey(ctx, token));
}

/** What a session token is looked up by, now. */
export const sessionKey = (ctx: ServiceContext, token: string): users.SessionKey => ({
  tokenHash: tokenHash(token),
  now: ctx.now(),
});

/**
 * A read that also resolves the caller from their session in its own statement (ActorAlong), and
 * what it read: null when it read nothing (no live session, or nothing found).
 */
export type ReadWithActor<T> = (
  session: users.SessionKey,
) => Promise<{ actor: Actor | null; value: T | null }>;
/** Runs such a read for the request's session (no session: no read) and settles the request's actor. */
export type ActorAlong = <T>(read: ReadWithActor<T>) => Promise<{ actor: Actor | null; value: T | null }>;

/** Makes the configured national admin exist with the configured password. */
export async function ensureBootstrapAdmin(ctx: ServiceContext) {
  const admin = ctx.config.admin;
  if (!admin) return;
  const passwordHash = await hashPassword(admin.password);
  const existing = await users.findUserByUsername(ctx.db, admin.username);
  if (existing) await users.setPasswordAndRole(ctx.db, existing.id, passwordHash, 'admin');
  else await users.insertUser(ctx.db, { username: admin.username, passwordHash, role: 'admin' });
}

/**
 * The manager account of a self-registered venue: `username = contactPhone`. A public request never
 * attaches a venue to an existing account (that would make registration a password oracle): a phone
 * that has an account gets 409 `phone_has_account`, and its owner adds venues while logged in.
 */
export async function createManagerAccount(
  q: Queryable,
  phone: string,
  password: string,
  venueId: number,
): Promise<number> {
  const hasAccount = new AppError('phone_has_account', [{ path: 'contactPhone', code: 'has_account' }]);
  if (await users.findUserByUsername(q, phone)) throw hasAccount;
  const id = await insertUserOnce(
    q,
    { username: phone, passwordHash: await hashPassword(password), role: 'venue_manager' },
    hasAccount,
  );
  await users.attachVenue(q, id, venueId);
  return id;
}

/** Inserts an account; a username taken meanwhile (two requests at once) is `taken`, not a 500. */
export async function insertUserOnce(
  q: Queryable,
  user: Parameters<typeof users.insertUser>[1],
  taken: AppError,
): Promise<number> {
  try {
    return await users.insertUser(q, user);
  } catch (err) {
    if (isUniqueViolation(err)) throw taken;
    throw err;
  }
}
