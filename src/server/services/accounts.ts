/**
 * Managing accounts after they exist (issue 14, API v1.1 accounts): list and search the accounts one
 * may manage, deactivate and reactivate them (sessions end at once), re-scope them, reset a password
 * to a temporary one, and change one's own password. Who may manage whom is `mayManageAccount`.
 */
import { randomInt } from 'node:crypto';
import * as accounts from '../db/queries/accounts.js';
import * as users from '../db/queries/users.js';
import { coversUnitPath, mayManageAccount, type Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import type { Role } from '../../shared/contracts.js';
import { requireActor, venueFor } from './access.js';
import { currentUnitOf, resolveUnit } from './admin-units.js';
import { tokenHash } from './auth.js';
import type { ServiceContext } from './context.js';
import { hashPassword, verifyPassword } from './passwords.js';

const LIST_LIMIT = 200;
const AREA_ROLES: readonly Role[] = ['official', 'tracer'];
const VENUE_ROLES: readonly Role[] = ['venue_manager', 'venue_staff'];

function requireManager(caller: Actor | null): Actor {
  const actor = requireActor(caller);
  if (actor.role !== 'admin' && actor.role !== 'official' && actor.role !== 'venue_manager')
    throw new AppError('forbidden');
  return actor;
}

export async function listAccounts(
  ctx: ServiceContext,
  caller: Actor | null,
  filter: accounts.AccountFilter,
) {
  const actor = requireManager(caller);
  const version = ctx.config.adminUnitsVersion;
  const unitCode = filter.unitCode
    ? ((await currentUnitOf(ctx.db, version, filter.unitCode, 'adminUnit'))?.code ?? filter.unitCode)
    : undefined;
  const rows = await accounts.listAccounts(
    ctx.db,
    version,
    {
      ...filter,
      unitCode,
      within: actor.role === 'official' ? (actor.adminUnitCode ?? '-') : undefined,
      venueIds: actor.role === 'venue_manager' ? actor.venueIds : undefined,
    },
    LIST_LIMIT * 2,
  );
  return rows.filter((a) => mayManageAccount(actor, a)).slice(0, LIST_LIMIT);
}

/** An account the caller may manage; any other is not found (scope never leaks). */
async function manageable(ctx: ServiceContext, actor: Actor, id: number) {
  const account = await accounts.findAccount(ctx.db, ctx.config.adminUnitsVersion, id);
  if (!account || !mayManageAccount(actor, account)) throw new AppError('account_not_found');
  return account;
}

export async function updateAccount(
  ctx: ServiceContext,
  caller: Actor | null,
  id: number,
  change: { active?: boolean; adminUnitCode?: string; venueIds?: number[] },
) {
  const actor = requireManager(caller);
  const account = await manageable(ctx, actor, id);
  const version = ctx.config.adminUnitsVersion;
  await ctx.db.tx(async (q) => {
    if (change.adminUnitCode !== undefined) {
      if (!AREA_ROLES.includes(account.role))
        throw new AppError('validation_failed', [{ path: 'adminUnitCode', code: 'not_for_role' }]);
      const unit = await resolveUnit(q, version, change.adminUnitCode, 'adminUnitCode');
      if (!coversUnitPath(actor, unit.path))
        throw new AppError('forbidden', [{ path: 'adminUnitCode', code: 'out_of_scope' }]);
      await accounts.setUnit(q, id, version, unit.code);
    }
    if (change.venueIds !== undefined) {
      if (!VENUE_ROLES.includes(account.role) || change.venueIds.length === 0)
        throw new AppError('validation_failed', [
          { path: 'venueIds', code: change.venueIds.length ? 'not_for_role' : 'required' },
        ]);
      const action = actor.role === 'venue_manager' ? 'own' : 'govern';
      for (const venueId of new Set(change.venueIds)) await venueFor(q, actor, venueId, action);
      await accounts.setVenues(q, id, [...new Set(change.venueIds)]);
    }
    if (change.active !== undefined) await accounts.setActive(q, id, change.active, ctx.now());
  });
  return (await accounts.findAccount(ctx.db, version, id))!;
}

/** Letters and digits nobody confuses when reading them aloud or off a screen (no 0/O, 1/l/I). */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(length = 12): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('');
}

/** A temporary password: every session of the account ends, and its owner must choose a new one. */
export async function resetPassword(ctx: ServiceContext, caller: Actor | null, id: number) {
  const actor = requireManager(caller);
  await manageable(ctx, actor, id);
  const password = temporaryPassword();
  await users.setPassword(ctx.db, id, await hashPassword(password), true, null);
  return { temporaryPassword: password };
}

/** One's own new password; the other sessions of the account end, this one goes on. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  caller: Actor | null,
  sessionToken: string,
  body: { currentPassword: string; newPassword: string },
) {
  const actor = requireActor(caller);
  if (actor.role === 'kiosk') throw new AppError('forbidden');
  const user = await users.findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword)))
    throw new AppError('current_password_wrong', [{ path: 'currentPassword', code: 'wrong' }]);
  if (body.newPassword === body.currentPassword)
    throw new AppError('validation_failed', [{ path: 'newPassword', code: 'same_as_current' }]);
  await users.setPassword(
    ctx.db,
    user.id,
    await hashPassword(body.newPassword),
    false,
    tokenHash(sessionToken),
  );
}
