/**
 * Venue registration and reading (F2, F3): self-registration by owners, registration by officials,
 * signed codes per entrance, suspension.
 */
import type { Queryable } from '../db/db.js';
import { adminUnitNames } from '../db/queries/admin-units.js';
import * as venues from '../db/queries/venues.js';
import { venueOccupancy } from '../db/queries/check-ins.js';
import type { Actor } from '../domain/access.js';
import { coversUnitPath } from '../domain/access.js';
import { newPublicId, signVenueCode, verifyVenueCode } from '../domain/signed-code.js';
import { AppError } from '../errors.js';
import type { SafetyChecklist } from '../../shared/api/public-venues.js';
import type { VenueRegistration } from '../../shared/api/venues.js';
import { requireActor, venueFor } from './access.js';
import { resolveLowestLevelUnit } from './admin-units.js';
import { createManagerAccount } from './auth.js';
import { attachVenue } from '../db/queries/users.js';
import type { ServiceContext } from './context.js';

/** The name of the entrance every venue starts with. */
const MAIN_ENTRANCE = 'Cổng chính';

const isOfficial = (actor: Actor | null) => actor?.role === 'admin' || actor?.role === 'official';

/**
 * Who registers: an official (in their area), a logged-in venue manager (the venue joins their
 * account), or anyone else (self-registration: a new manager account `username = contactPhone`).
 */
export async function registerVenue(ctx: ServiceContext, actor: Actor | null, body: VenueRegistration) {
  const byOfficial = isOfficial(actor);
  const byManager = actor?.role === 'venue_manager';
  if (!byOfficial && !byManager && !body.managerPassword) {
    throw new AppError('manager_password_required', [{ path: 'managerPassword', code: 'required' }]);
  }
  const version = ctx.config.adminUnitsVersion;
  return ctx.db.tx(async (q) => {
    // An old (2021) commune code is taken to the unit it became.
    const { code: adminUnitCode, path } = await resolveLowestLevelUnit(q, version, body.adminUnitCode);
    if (byOfficial && !coversUnitPath(actor!, path))
      throw new AppError('forbidden', [{ path: 'adminUnitCode', code: 'out_of_scope' }]);
    const id = await venues.insertVenue(q, {
      name: body.name,
      category: body.category,
      adminUnitVersion: version,
      adminUnitCode,
      adminUnitPath: path,
      address: body.address,
      contactName: body.contactName,
      contactPhone: body.contactPhone,
      capacity: body.capacity ?? null,
      location: body.location ?? null,
      registeredBy: byOfficial ? 'official' : 'self',
      createdByUserId: actor && (byOfficial || byManager) ? actor.userId : null,
      createdAt: ctx.now(),
    });
    const entrance = await venues.insertEntrance(q, id, MAIN_ENTRANCE, newPublicId());
    if (byManager) await attachVenue(q, actor.userId, id);
    else if (body.managerPassword) await createManagerAccount(q, body.contactPhone, body.managerPassword, id);
    const code = signVenueCode(entrance.publicId, ctx.keys.venue_code.current);
    return { id, code, checkInUrl: checkInUrl(ctx, code), status: 'active' as const };
  });
}

/** The venue's public map point and safety checklist as the API answers them (F22). */
export function mapAndSafetyOf(v: {
  latitude: number | null;
  longitude: number | null;
  safety: SafetyChecklist | null;
  safetyConfirmedAt: Date | null;
}) {
  return {
    location: v.latitude !== null && v.longitude !== null ? { lat: v.latitude, lng: v.longitude } : null,
    safety:
      v.safety && v.safetyConfirmedAt
        ? { ...v.safety, confirmedAt: v.safetyConfirmedAt.toISOString() }
        : null,
  };
}

export function checkInUrl(ctx: ServiceContext, code: string): string {
  return `${ctx.config.publicUrl}/c/${code}`;
}

/** "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội": the venue's units from the commune up. */
async function placeName(ctx: ServiceContext, q: Queryable, path: readonly string[]): Promise<string> {
  const names = await adminUnitNames(q, ctx.config.adminUnitsVersion, path);
  return [...path]
    .reverse()
    .map((code) => names.get(code) ?? code)
    .join(', ');
}

export async function getVenue(
  ctx: ServiceContext,
  actor: Actor | null,
  id: number,
  action: 'read' | 'manage' = 'read',
) {
  const venue = await venueFor(ctx.db, actor, id, action);
  const [entrances, history] = await Promise.all([
    venues.listEntrances(ctx.db, id),
    venues.statusHistory(ctx.db, id),
  ]);
  return {
    ...venue,
    statusHistory: history,
    ...mapAndSafetyOf(venue),
    adminUnitName: await placeName(ctx, ctx.db, venue.adminUnitPath),
    entrances: entrances.map((e) => {
      const code = signVenueCode(e.publicId, ctx.keys.venue_code.current);
      return { id: e.id, name: e.name, code, checkInUrl: checkInUrl(ctx, code), active: e.active };
    }),
  };
}

export async function listMyVenues(ctx: ServiceContext, actor: Actor) {
  return venues.listVenuesByIds(ctx.db, actor.venueIds);
}

/** What anyone holding a venue code may learn: enough to show the check-in page, nothing more. */
export async function publicVenueByCode(ctx: ServiceContext, code: string) {
  const publicId = verifyVenueCode(code, ctx.keys.venue_code.all);
  const venue = publicId ? await venues.findVenueByEntrance(ctx.db, publicId) : null;
  if (!venue) throw new AppError('venue_not_found');
  const [adminUnitName, occupancy] = await Promise.all([
    placeName(ctx, ctx.db, venue.adminUnitPath),
    venueOccupancy(ctx.db, venue.id, ctx.now()),
  ]);
  return {
    name: venue.name,
    address: venue.address,
    adminUnitName,
    category: venue.category,
    status: venue.status,
    entrance: venue.entranceName,
    capacity: venue.capacity,
    occupancy,
  };
}

export async function setVenueStatus(
  ctx: ServiceContext,
  actor: Actor | null,
  id: number,
  status: 'active' | 'suspended',
  reason: string,
) {
  const who = requireActor(actor);
  await venueFor(ctx.db, who, id, 'govern');
  await ctx.db.tx((q) =>
    venues.setVenueStatus(q, id, { status, reason, byUserId: who.userId, at: ctx.now() }),
  );
  return { id, status, statusReason: reason };
}
