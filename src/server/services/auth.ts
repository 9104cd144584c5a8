/**
 * Logging in and out, sessions, and the bootstrap admin (F14). Sessions live in the database so any
 * app node can serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import * as users from '../db/queries/users.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import { normalizePhone } from '../../shared/phone.js';
import type { ServiceContext } from './context.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

const LOCK_WINDOW_MS = 15 * 60_000;

/** Phone-number usernames are matched in their national form, whichever form was typed. */
export function canonicalUsername(username: string): string {
  return normalizePhone(username) ?? username.trim();
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export async function login(ctx: ServiceContext, rawUsername: string, password: string) {
  const username = canonicalUsername(rawUsername);
  const now = ctx.now();
  const failures = await users.countRecentLoginFailures(
    ctx.db,
    username,
    new Date(now.getTime() - LOCK_WINDOW_MS),
  );
  if (failures >= ctx.config.rateLimits.loginMaxFailures) throw new AppError('account_locked');
  const user = await users.findUserByUsername(ctx.db, username);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid || user.disabledAt) {
    await users.recordLoginFailure(ctx.db, username, now);
    throw new AppError('invalid_credentials');
  }
  if (failures > 0) await users.clearLoginFailures(ctx.db, username);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await users.insertSession(ctx.db, tokenHash(token), user.id, expiresAt);
  return {
    token,
    expiresAt,
    user: { id: user.id, username: user.username, role: user.role, adminUnitCode: user.adminUnitCode },
  };
}

export async function logout(ctx: ServiceContext, token: string) {
  await users.deleteSession(ctx.db, tokenHash(token));
}

export async function actorFromSession(ctx: ServiceContext, token: string): Promise<Actor | null> {
  return users.findSessionActor(ctx.db, tokenHash(token), ctx.now());
}

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
 * The manager account of a self-registered venue: `username = contactPhone`. An owner registering a
 * second venue with the same phone and password gets it attached to the same account.
 */
export async function attachManagerAccount(
  q: Queryable,
  phone: string,
  password: string,
  venueId: number,
): Promise<number> {
  const existing = await users.findUserByUsername(q, phone);
  if (existing) {
    const samePerson =
      existing.role === 'venue_manager' && (await verifyPassword(existing.passwordHash, password));
    if (!samePerson) throw new AppError('username_taken', [{ path: 'contactPhone', code: 'taken' }]);
    await users.attachVenue(q, existing.id, venueId);
    return existing.id;
  }
  const id = await users.insertUser(q, {
    username: phone,
    passwordHash: await hashPassword(password),
    role: 'venue_manager',
  });
  await users.attachVenue(q, id, venueId);
  return id;
}
