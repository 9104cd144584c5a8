/**
 * Creating accounts (F14): the admin creates anyone; an official creates officials, tracers and venue
 * accounts inside their own area only; a venue manager creates staff for their own venues.
 */
import { resolveUnit } from './admin-units.js';
import * as users from '../db/queries/users.js';
import { coversUnitPath, type Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import type { NewUser } from '../../shared/api/users.js';
import { requireActor, venueFor } from './access.js';
import { canonicalUsername, insertUserOnce } from './auth.js';
import type { ServiceContext } from './context.js';
import { hashPassword } from './passwords.js';

const AREA_ROLES = new Set(['official', 'tracer']);
const VENUE_ROLES = new Set(['venue_manager', 'venue_staff']);

export async function createUser(ctx: ServiceContext, caller: Actor | null, body: NewUser) {
  const actor = requireActor(caller);
  const manager = actor.role === 'venue_manager';
  if (actor.role !== 'admin' && actor.role !== 'official' && !manager) throw new AppError('forbidden');
  // A venue manager creates the staff of their own venues, nothing else.
  if (manager && body.role !== 'venue_staff')
    throw new AppError('forbidden', [{ path: 'role', code: 'staff_only' }]);
  if (body.role === 'admin' && actor.role !== 'admin')
    throw new AppError('forbidden', [{ path: 'role', code: 'admin_only' }]);
  const version = ctx.config.adminUnitsVersion;
  return ctx.db.tx(async (q) => {
    let adminUnitCode: string | null = null;
    if (AREA_ROLES.has(body.role)) {
      if (!body.adminUnitCode)
        throw new AppError('validation_failed', [{ path: 'adminUnitCode', code: 'required' }]);
      const unit = await resolveUnit(q, version, body.adminUnitCode, 'adminUnitCode');
      if (!coversUnitPath(actor, unit.path))
        throw new AppError('forbidden', [{ path: 'adminUnitCode', code: 'out_of_scope' }]);
      adminUnitCode = unit.code;
    }
    const venueIds = body.venueIds ?? [];
    if (VENUE_ROLES.has(body.role)) {
      if (venueIds.length === 0)
        throw new AppError('validation_failed', [{ path: 'venueIds', code: 'required' }]);
      for (const id of venueIds) await venueFor(q, actor, id, manager ? 'own' : 'govern');
    }
    const username = canonicalUsername(body.username);
    const taken = new AppError('username_taken', [{ path: 'username', code: 'taken' }]);
    if (await users.findUserByUsername(q, username)) throw taken;
    const id = await insertUserOnce(
      q,
      {
        username,
        passwordHash: await hashPassword(body.password),
        role: body.role,
        adminUnitVersion: version,
        adminUnitCode,
      },
      taken,
    );
    if (VENUE_ROLES.has(body.role)) for (const venueId of venueIds) await users.attachVenue(q, id, venueId);
    return { id };
  });
}
