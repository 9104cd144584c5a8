/**
 * Changing a venue after registration (issue 14, API v1.1 venues): its details, and its entrances,
 * each with its own signed code, check-in URL and poster (F2). Its manager and officials over it.
 */
import * as venues from '../db/queries/venues.js';
import { newPublicId, signVenueCode } from '../domain/signed-code.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import { venueFor } from './access.js';
import type { ServiceContext } from './context.js';
import { checkInUrl, getVenue } from './venues.js';

function entranceAnswer(ctx: ServiceContext, e: venues.EntranceRow) {
  const code = signVenueCode(e.publicId, ctx.keys.venue_code.current);
  return { id: e.id, name: e.name, code, checkInUrl: checkInUrl(ctx, code), active: e.active };
}

export async function updateVenue(
  ctx: ServiceContext,
  actor: Actor | null,
  id: number,
  change: venues.VenueChange,
) {
  await venueFor(ctx.db, actor, id, 'manage');
  await venues.updateVenue(ctx.db, id, change);
  return getVenue(ctx, actor, id, 'manage');
}

export async function listEntrances(ctx: ServiceContext, actor: Actor | null, venueId: number) {
  await venueFor(ctx.db, actor, venueId, 'read');
  return (await venues.listEntrances(ctx.db, venueId)).map((e) => entranceAnswer(ctx, e));
}

export async function addEntrance(ctx: ServiceContext, actor: Actor | null, venueId: number, name: string) {
  await venueFor(ctx.db, actor, venueId, 'manage');
  return entranceAnswer(ctx, await venues.insertEntrance(ctx.db, venueId, name, newPublicId()));
}

/** Renames or (de)activates an entrance; a venue keeps at least one active entrance. */
export async function updateEntrance(
  ctx: ServiceContext,
  actor: Actor | null,
  venueId: number,
  entranceId: number,
  change: { name?: string; active?: boolean },
) {
  await venueFor(ctx.db, actor, venueId, 'manage');
  return ctx.db.tx(async (q) => {
    const entrances = await venues.listEntrances(q, venueId);
    if (!entrances.some((e) => e.id === entranceId)) throw new AppError('not_found');
    if (change.active === false && !entrances.some((e) => e.active && e.id !== entranceId))
      throw new AppError('validation_failed', [{ path: 'active', code: 'last_active_entrance' }]);
    return entranceAnswer(ctx, (await venues.updateEntrance(q, venueId, entranceId, change))!);
  });
}
