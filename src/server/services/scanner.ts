/** What a scanner station needs besides recording entries: looking people up by phone. */
import type { Actor } from '../domain/access.js';
import { venueFor } from './access.js';
import { peopleByPhone } from './cards.js';
import type { ServiceContext } from './context.js';
import { rulesFor } from './status-rules.js';

export async function lookUpPeople(
  ctx: ServiceContext,
  caller: Actor | null,
  venueId: number,
  phone: string,
) {
  const venue = await venueFor(ctx.db, caller, venueId, 'record_check_ins');
  return peopleByPhone(ctx, phone, await rulesFor(ctx.db, venue.adminUnitPath[0] ?? null));
}
