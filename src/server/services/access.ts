/**
 * The one place where access is decided (F14). Callers ask for a record "for" an actor and an action;
 * a record the actor may not see is answered as not found, so scope never leaks. A record the actor
 * may see but not act on is a 403.
 */
import type { Queryable } from '../db/db.js';
import { findVenue, listVenuesByIds, type VenueRow } from '../db/queries/venues.js';
import { adminUnitPath, findAdminUnitWithPath } from '../db/queries/admin-units.js';
import {
  coversUnitPath,
  mayOnUnit,
  mayOnVenue,
  type Actor,
  type UnitAction,
  type VenueAction,
  type VenuePlace,
} from '../domain/access.js';
import { AppError } from '../errors.js';
import { currentUnitOf } from './admin-units.js';

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('not_logged_in');
  return actor;
}

/** A session with a temporary password opens nothing but the way to change it (and to log out). */
export function requireSettledPassword(actor: Actor | null): void {
  if (actor?.mustChangePassword) throw new AppError('password_change_required');
}

export async function venueFor(
  q: Queryable,
  actor: Actor | null,
  venueId: number,
  action: VenueAction,
): Promise<VenueRow> {
  return checkVenueAccess(actor, await findVenue(q, venueId), action);
}

/** venueFor over many venues in one read: every one must pass, or the first refusal is thrown. */
export async function venuesFor(
  q: Queryable,
  actor: Actor | null,
  venueIds: readonly number[],
  action: VenueAction,
): Promise<VenueRow[]> {
  const ids = [...new Set(venueIds)];
  const found = new Map((await listVenuesByIds(q, ids)).map((v) => [v.id, v]));
  return ids.map((id) => checkVenueAccess(actor, found.get(id) ?? null, action));
}

/** The same decision for a venue the caller already loaded (hot paths that read it with other data). */
export function checkVenueAccess<V extends VenuePlace>(
  actor: Actor | null,
  venue: V | null,
  action: VenueAction,
): V {
  const who = requireActor(actor);
  // A kiosk knows one venue and reads nothing: there is no scope to hide, every refusal is a 403 (API v1.1).
  if (who.role === 'kiosk') {
    if (!venue || !mayOnVenue(who, venue, action)) throw new AppError('forbidden');
    return venue;
  }
  if (!venue || !mayOnVenue(who, venue, 'read')) throw new AppError('venue_not_found');
  if (!mayOnVenue(who, venue, action)) throw new AppError('forbidden');
  return venue;
}

export interface UnitScope {
  /** 'VN' for the whole country. */
  code: string;
  name: string;
  /** Codes from the province down to the unit; empty for the whole country. */
  path: string[];
}

/**
 * The admin unit an actor asks about, when they may act on it. Absent code: the actor's own unit
 * (the country for the national admin). A unit outside the actor's area is answered as not found.
 */
export async function unitFor(
  q: Queryable,
  actor: Actor | null,
  version: string,
  code: string | undefined,
  action: UnitAction,
): Promise<UnitScope> {
  const who = requireActor(actor);
  const wanted = code ?? who.adminUnitCode ?? 'VN';
  const unit =
    wanted === 'VN' ? { code: 'VN', name: 'Việt Nam', path: [] } : await loadUnit(q, version, wanted);
  // Venue managers and staff have no unit: their answer is 403, not a hint of which units exist.
  if (who.role === 'venue_manager' || who.role === 'venue_staff') throw new AppError('forbidden');
  if (
    !unit ||
    (unit.path.length > 0 && !coversUnitPath(who, unit.path)) ||
    (unit.path.length === 0 && who.role !== 'admin')
  ) {
    throw new AppError('unit_not_found');
  }
  if (!mayOnUnit(who, unit.path, action)) throw new AppError('forbidden');
  return unit;
}

/** A unit of the list in use; an older list's code people still write is read as the unit it became. */
async function loadUnit(q: Queryable, version: string, code: string): Promise<UnitScope | null> {
  const current = await findAdminUnitWithPath(q, version, code);
  if (current) return current;
  const found = await currentUnitOf(q, version, code, 'adminUnit');
  if (!found) return null;
  return { code: found.code, name: found.name, path: await adminUnitPath(q, version, found.code) };
}

/** A venue a tracer or official may trace at (within their area); anything else is not found. */
export async function venueForTracing(q: Queryable, actor: Actor | null, venueId: number): Promise<VenueRow> {
  const who = requireActor(actor);
  const venue = await findVenue(q, venueId);
  if (!venue || !mayOnUnit(who, venue.adminUnitPath, 'trace')) throw new AppError('venue_not_found');
  return venue;
}
