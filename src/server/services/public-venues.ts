/**
 * The public venue list (F22): anyone finds venues by name, unit and category and sees their status,
 * live occupancy, safety self-assessment and map point. Answers are reused for a few seconds
 * (PUBLIC_LIST_CACHE_SECONDS): this is the page most people open, and a figure a few seconds old is
 * as good as a fresh one to someone deciding whether to go. Nothing here depends on the cache.
 */
import {
  findPublicVenuesWithPeopleInside,
  liveFactsOf,
  newestVenueId,
  type PublicVenueRow,
} from '../db/queries/public-venues.js';
import * as venues from '../db/queries/venues.js';
import { adminUnitNames } from '../db/queries/admin-units.js';
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

/** A venue as a search found it, with the people inside when it was read. */
type ListedVenue = PublicVenueRow & { inside: number };

interface PublicVenueAnswer {
  items: PublicVenueListing[];
  asOf: string;
}

/** Most searches one node keeps; the least recently used goes first. */
const MAX_CACHED_ANSWERS = 2000;
/** How many times longer a search is reused than the figures of people inside (see listPublicVenues). */
const SEARCH_REUSE_FACTOR = 6;

interface CachedSearch {
  rows: ListedVenue[];
  searchedAt: number;
  /** The newest venue as this node knew it at the search: a venue registered since renews the search. */
  newestVenueId: number;
  answer: PublicVenueAnswer;
  readAt: number;
}

/**
 * What one node remembers, per service context (one per app; tests build many): recent searches, and
 * unit codes and names of the list in use as it resolved and read them (the list changes only when a
 * node starts, with an upgrade; unknown codes are refused, so these hold at most the list's units).
 */
interface NodeMemory {
  searches: Map<string, CachedSearch>;
  /** The newest venue's id and when it was read (again once older than the answer cache). */
  newestVenue?: { id: number; readAt: number };
  units: Map<string, { code: string; path: string[] }>;
  unitNames: Map<string, string>;
}
const memories = new WeakMap<ServiceContext, NodeMemory>();

function memoryOf(ctx: ServiceContext): NodeMemory {
  let memory = memories.get(ctx);
  if (!memory) memories.set(ctx, (memory = { searches: new Map(), units: new Map(), unitNames: new Map() }));
  return memory;
}

async function unitNames(ctx: ServiceContext, codes: readonly string[]) {
  const names = memoryOf(ctx).unitNames;
  const unknown = [...new Set(codes)].filter((c) => !names.has(c));
  if (unknown.length)
    for (const [code, name] of await adminUnitNames(ctx.db, ctx.config.adminUnitsVersion, unknown))
      names.set(code, name);
  return names;
}

/** Where each venue is, as lists show it: "Phường Bến Thành, Thành phố Hồ Chí Minh" (names kept per node). */
export async function placesOf(
  ctx: ServiceContext,
  rows: readonly Pick<PublicVenueRow, 'adminUnitCode' | 'provinceCode'>[],
) {
  const names = await unitNames(
    ctx,
    rows.flatMap((v) => [v.adminUnitCode, v.provinceCode]),
  );
  return (v: Pick<PublicVenueRow, 'adminUnitCode' | 'provinceCode'>) =>
    [names.get(v.adminUnitCode), v.provinceCode !== v.adminUnitCode && names.get(v.provinceCode)]
      .filter(Boolean)
      .join(', ');
}

/** The unit of the list in use a code names (an old code resolves), with its path. */
async function unitOfList(ctx: ServiceContext, code: string) {
  const known = memoryOf(ctx).units;
  let unit = known.get(code);
  if (unit === undefined) {
    const { code: resolved, path } = await resolveUnit(
      ctx.db,
      ctx.config.adminUnitsVersion,
      code,
      'adminUnit',
    );
    known.set(code, (unit = { code: resolved, path }));
  }
  return unit;
}

/**
 * Venues matching the search, with the people inside each now. Two things are reused: the search itself
 * (which venues, in which order, with their names and addresses: the expensive part) for
 * SEARCH_REUSE_FACTOR × PUBLIC_LIST_CACHE_SECONDS, and the whole answer for PUBLIC_LIST_CACHE_SECONDS,
 * after which what may change (status, safety, capacity, map point, people inside) is read again: a
 * safety checklist just confirmed shows within that time, with the venues of a search reused. A venue
 * registered since a search (on any node) renews it: found within twice that time (see newestVenue).
 */
export async function listPublicVenues(ctx: ServiceContext, search: PublicVenueSearch) {
  const text = search.q?.normalize('NFC').trim() || null;
  const key = JSON.stringify([search.adminUnit ?? null, search.category ?? null, text, search.limit ?? null]);
  const cache = memoryOf(ctx).searches;
  const reuseMs = ctx.config.publicListCacheMs;
  const now = ctx.now();
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.readAt < reuseMs) return hit.answer;

  const newest = reuseMs > 0 ? await newestVenue(ctx, now.getTime()) : 0;
  const searchStillGood =
    hit && hit.newestVenueId === newest && now.getTime() - hit.searchedAt < reuseMs * SEARCH_REUSE_FACTOR;
  const rows = searchStillGood
    ? await withLiveFacts(ctx, hit.rows, now)
    : await searchNow(ctx, search, text, now);
  const placeOf = await placesOf(ctx, rows);
  const answer = { items: rows.map((v) => listing(v, placeOf(v))), asOf: now.toISOString() };
  if (reuseMs > 0) {
    cache.delete(key);
    const searchedAt = searchStillGood ? hit.searchedAt : now.getTime();
    cache.set(key, { rows, searchedAt, newestVenueId: newest, answer, readAt: now.getTime() });
    if (cache.size > MAX_CACHED_ANSWERS) cache.delete(cache.keys().next().value!);
  }
  return answer;
}

/**
 * The newest venue's id as this node knows it, read again when older than the answer cache (one cheap
 * read a node every PUBLIC_LIST_CACHE_SECONDS, whatever the searches). A search records the value known
 * when it ran, read at most that long before: a venue registered after that read has a larger id, seen
 * by a later read, so the search is made again within twice the answer cache.
 */
async function newestVenue(ctx: ServiceContext, now: number): Promise<number> {
  const memory = memoryOf(ctx);
  const known = memory.newestVenue;
  if (known && now - known.readAt < ctx.config.publicListCacheMs) return known.id;
  const id = await newestVenueId(ctx.db);
  memory.newestVenue = { id, readAt: now };
  return id;
}

/** A new search, the people inside counted in the same statement (one round trip). */
async function searchNow(ctx: ServiceContext, search: PublicVenueSearch, text: string | null, now: Date) {
  return findPublicVenuesWithPeopleInside(
    ctx.db,
    {
      unit: search.adminUnit ? await unitOfList(ctx, search.adminUnit) : null,
      category: search.category ?? null,
      text,
      limit: search.limit ?? PUBLIC_VENUES_PAGE,
    },
    now,
  );
}

/** The venues of a reused search with what may have changed since read again (one round trip). */
async function withLiveFacts(ctx: ServiceContext, rows: readonly ListedVenue[], now: Date) {
  if (!rows.length) return [];
  const live = await liveFactsOf(
    ctx.db,
    rows.map((v) => v.id),
    now,
  );
  return rows.map((v) => ({ ...v, ...live.get(v.id) }));
}

function listing(v: ListedVenue, adminUnitName: string): PublicVenueListing {
  return {
    id: v.id,
    name: v.name,
    address: v.address,
    category: v.category,
    adminUnitCode: v.adminUnitCode,
    adminUnitName,
    status: v.status,
    occupancy: { inside: v.inside, capacity: v.capacity },
    ...mapAndSafetyOf(v),
  };
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
