/**
 * The one place where access is decided (F14). Callers ask for a record "for" an actor and an action;
 * a record the actor may not see is answered as not found, so scope never leaks. A record the actor
 * may see but not act on is a 403.
 */
import type { Queryable } from '../db/db.js';
import { findVenue, type VenueRow } from '../db/queries/venues.js';
import { mayOnVenue, type Actor, type VenueAction } from '../domain/access.js';
import { AppError } from '../errors.js';

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('not_logged_in');
  return actor;
}

export async function venueFor(q: Queryable, actor: Actor | null, venueId: number, action: VenueAction): Promise<VenueRow> {
  return checkVenueAccess(actor, await findVenue(q, venueId), action);
}

/** The same decision for a venue the caller already loaded (hot paths that read it with other data). */
export function checkVenueAccess(actor: Actor | null, venue: VenueRow | null, action: VenueAction): VenueRow {
  const who = requireActor(actor);
  if (!venue || !mayOnVenue(who, venue, 'read')) throw new AppError('venue_not_found');
  if (!mayOnVenue(who, venue, action)) throw new AppError('forbidden');
  return venue;
}
