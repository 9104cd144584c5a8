/**
 * The first national admin of a new installation (issue 14): when ADMIN_USERNAME/ADMIN_PASSWORD are
 * not set and no admin exists, each start prints a one-time link (valid 24 hours) that opens a page to
 * create it. The link's token is kept hashed in the database, so any node accepts it; creating the
 * admin spends every link.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { LOCKS, lockUntilCommit } from '../db/locks.js';
import * as accounts from '../db/queries/accounts.js';
import { AppError } from '../errors.js';
import { canonicalUsername, insertUserOnce, tokenHash } from './auth.js';
import type { ServiceContext } from './context.js';
import { hashPassword } from './passwords.js';

const LINK_HOURS = 24;

/** A new setup link, or null when an admin exists or is configured. */
export async function firstAdminLink(ctx: ServiceContext): Promise<string | null> {
  if (ctx.config.admin || (await accounts.anyActiveAdmin(ctx.db))) return null;
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + LINK_HOURS * 3_600_000);
  await accounts.insertSetupToken(ctx.db, tokenHash(token), expiresAt);
  return `${ctx.config.publicUrl}/setup?token=${token}`;
}

export async function createFirstAdmin(
  ctx: ServiceContext,
  body: { token: string; username: string; password: string },
) {
  return ctx.db.tx(async (q: Queryable) => {
    await lockUntilCommit(q, LOCKS.firstAdmin);
    if (!(await accounts.setupTokenValid(q, tokenHash(body.token), ctx.now())))
      throw new AppError('setup_link_invalid');
    if (await accounts.anyActiveAdmin(q)) throw new AppError('setup_done');
    const username = canonicalUsername(body.username);
    const id = await insertUserOnce(
      q,
      { username, passwordHash: await hashPassword(body.password), role: 'admin' },
      new AppError('username_taken', [{ path: 'username', code: 'taken' }]),
    );
    await accounts.spendSetupTokens(q);
    return { id, username };
  });
}
