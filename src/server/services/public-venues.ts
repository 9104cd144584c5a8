/**
 * The public venue list (F22): anyone finds venues by name, unit and category and sees their status,
 * live occupancy, safety self-assessment and map point. Answers are reused for a few seconds
 * (PUBLIC_LIST_CACHE_SECONDS): this is the page most people open, and a figure a few seconds old is
 * as good as a fresh one to someone deciding whether to go. Nothing here depends on the cache.
 */
import { findPublicVenues } from '../db/queries/public-venues.js';
import * as venues from '../db/queries/venues.js';
import {
  PUBLIC_VENUES_PAGE,
  type PublicVenueListing,
  type SafetyChecklist,
} from '../../shared/api/public-venues.js';
import type { VenueCategory } from '../../shared/venue-categories.js';
import type { Actor } from '../domain/access.js';
import { venueFor } from './access.js';
import { resolveUnit } from './admin-units.js';
import type { ServiceContext } from './context.js';
import { mapAndSafetyOf } from './venues.js';

export interface PublicVenueSearch {
  adminUnit?: string;
  category?: VenueCategory;
  q?: string;
  limit?: number;
}

interface PublicVenueAnswer {
  items: PublicVenueListing[];
  asOf: string;
}

/** Most answers one node keeps; the oldest goes first. */
const MAX_CACHED_ANSWERS = 2000;
/** Per service context (one per app; tests build many): search key → answer and when it was read. */
const caches = new WeakMap<ServiceContext, Map<string, { readAt: number; answer: PublicVenueAnswer }>>();

export async function listPublicVenues(ctx: ServiceContext, search: PublicVenueSearch) {
  const text = search.q?.normalize('NFC').trim() || null;
  const key = JSON.stringify([search.adminUnit ?? null, search.category ?? null, text, search.limit ?? null]);
  const cache = caches.get(ctx) ?? new Map();
  caches.set(ctx, cache);
  const now = ctx.now();
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.readAt < ctx.config.publicListCacheMs) return hit.answer;

  const unitCode = search.adminUnit
    ? (await resolveUnit(ctx.db, ctx.config.adminUnitsVersion, search.adminUnit, 'adminUnit')).code
    : null;
  const rows = await findPublicVenues(ctx.db, {
    unitCode,
    category: search.category ?? null,
    text,
    limit: search.limit ?? PUBLIC_VENUES_PAGE,
    at: now,
  });
  const answer: PublicVenueAnswer = {
    items: rows.map((v) => ({
      id: v.id,
      name: v.name,
      address: v.address,
      category: v.category,
      adminUnitCode: v.adminUnitCode,
      adminUnitName: v.adminUnitName,
      status: v.status,
      occupancy: { inside: v.inside, capacity: v.capacity },
      ...mapAndSafetyOf(v),
    })),
    asOf: now.toISOString(),
  };
  if (ctx.config.publicListCacheMs > 0) {
    cache.delete(key);
    cache.set(key, { readAt: now.getTime(), answer });
    if (cache.size > MAX_CACHED_ANSWERS) cache.delete(cache.keys().next().value!);
  }
  return answer;
}

/** The manager (or an official over the venue) confirms its safety checklist; dated now. */
export async function confirmVenueSafety(
  ctx: ServiceContext,
  actor: Actor | null,
  venueId: number,
  checklist: SafetyChecklist,
) {
  await venueFor(ctx.db, actor, venueId, 'manage');
  const at = ctx.now();
  await venues.setVenueSafety(ctx.db, venueId, checklist, at);
  return { ...checklist, confirmedAt: at.toISOString() };
}
