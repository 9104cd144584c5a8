/**
 * Who may see what, as pure rules over an actor and a record's place in the admin-unit tree (F14).
 * The access service applies them; nothing else decides access.
 */
import type { Role } from '../../shared/contracts.js';

export interface Actor {
  /** The account; 0 for a kiosk device, which has none. */
  userId: number;
  username: string;
  /** `kiosk`: an enrolled device that records check-ins at its one venue and reads nothing. */
  role: Role | 'kiosk';
  adminUnitCode: string | null;
  /** Venues a manager or staff member is attached to. */
  venueIds: readonly number[];
  /** Logged in with a temporary password: may only change it (or log out). */
  mustChangePassword?: boolean;
}

export interface VenuePlace {
  id: number;
  /** Admin-unit codes from the province down to the venue's commune. */
  adminUnitPath: readonly string[];
}

/** Officials and tracers see their unit and everything below; the national admin sees everything. */
export function coversUnitPath(actor: Actor, path: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'official' && actor.role !== 'tracer') return false;
  return actor.adminUnitCode !== null && path.includes(actor.adminUnitCode);
}

/**
 * `read`: see the venue and its lists; `manage`: change it (its manager, officials over it);
 * `own`: what only its manager does (enrol kiosks, create staff); `record_check_ins`: scan at it;
 * `govern`: officials' acts (suspend, remind).
 */
export type VenueAction = 'read' | 'manage' | 'own' | 'record_check_ins' | 'govern';

export function mayOnVenue(actor: Actor, venue: VenuePlace, action: VenueAction): boolean {
  const attached = actor.venueIds.includes(venue.id);
  if (actor.role === 'kiosk') return attached && action === 'record_check_ins';
  switch (action) {
    case 'read':
      return attached || (actor.role !== 'tracer' && coversUnitPath(actor, venue.adminUnitPath));
    case 'own':
      return attached && actor.role === 'venue_manager';
    case 'record_check_ins':
      return attached || actor.role === 'admin';
    case 'manage':
      return (
        (attached && actor.role === 'venue_manager') ||
        (actor.role !== 'tracer' && coversUnitPath(actor, venue.adminUnitPath))
      );
    case 'govern':
      return actor.role !== 'tracer' && coversUnitPath(actor, venue.adminUnitPath);
  }
}

/**
 * Venue managers and staff see their visitors' phones masked (`09******78`, API v1.1): enough to tell
 * people apart at the door. Officials, tracers and the admin see them whole.
 */
export function seesVisitorPhones(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'official' || actor.role === 'tracer';
}

export type UnitAction = 'read_stats' | 'govern' | 'trace' | 'read_audit';

/**
 * Actions on an admin unit (its statistics, compliance actions, tracing, audit). `path` runs from the
 * province down to the unit; the empty path is the whole country, which only the national admin covers.
 */
export function mayOnUnit(actor: Actor, path: readonly string[], action: UnitAction): boolean {
  if (actor.role === 'admin') return true;
  if (path.length === 0 || !coversUnitPath(actor, path)) return false;
  switch (action) {
    case 'read_stats':
    case 'govern':
      return actor.role === 'official';
    case 'trace':
      return actor.role === 'tracer' || actor.role === 'official';
    case 'read_audit':
      return actor.role === 'official';
  }
}

/** An account as seen by whoever manages it: its role and where it works. */
export interface AccountPlace {
  id: number;
  role: Role;
  /** Its unit's path from the province (officials, tracers). */
  unitPath: readonly string[];
  venueIds: readonly number[];
  /** Its venues' paths (venue managers and staff). */
  venuePaths: readonly (readonly string[])[];
}

/**
 * Who lists, deactivates, resets and re-scopes an account (API v1.1 accounts): the admin any other
 * account; an official the officials and tracers of their area and the venue accounts whose venues all
 * lie in it; a venue manager the staff of their own venues. Only the admin manages admins, and nobody
 * manages their own account here (they change their own password).
 */
export function mayManageAccount(actor: Actor, account: AccountPlace): boolean {
  if (account.id === actor.userId) return false;
  if (actor.role === 'admin') return true;
  if (account.role === 'admin') return false;
  const isVenueAccount = account.role === 'venue_manager' || account.role === 'venue_staff';
  if (actor.role === 'official')
    return isVenueAccount
      ? account.venuePaths.length > 0 && account.venuePaths.every((p) => coversUnitPath(actor, p))
      : account.unitPath.length > 0 && coversUnitPath(actor, account.unitPath);
  if (actor.role === 'venue_manager')
    return (
      account.role === 'venue_staff' &&
      account.venueIds.length > 0 &&
      account.venueIds.every((id) => actor.venueIds.includes(id))
    );
  return false;
}
