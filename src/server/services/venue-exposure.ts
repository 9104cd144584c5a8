/**
 * Exposure at a venue (F12, F13): who was there during a window, and marking that window so that
 * everyone present is told. Audited like every tracing read.
 */
import * as notices from '../db/queries/notices.js';
import { findPublicVenues } from '../db/queries/public-venues.js';
import { TRACED_VENUES_LISTED } from '../../shared/api/tracing.js';
import * as tracing from '../db/queries/tracing.js';
import type { Actor } from '../domain/access.js';
import { overlapMinutes } from '../domain/exposure.js';
import { AppError } from '../errors.js';
import { MAX_RANGE_DAYS } from '../../shared/contracts.js';
import { venueForTracing } from './access.js';
import type { ServiceContext } from './context.js';
import { noticesFor, textPeople } from './exposure-notices.js';
import { placesOf } from './public-venues.js';
import { areaCodes, audit, tracerArea } from './tracing.js';

/** Everyone present at a venue during a window (the per-venue exposure list), audited. */
export async function venueExposureList(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { venueId: number; from: string; to: string; purpose: string },
) {
  const { who, unit } = await tracerArea(ctx, actor);
  const venue = await venueForTracing(ctx.db, who, input.venueId);
  const window = checkedWindow(input);
  return ctx.db.tx(async (q) => {
    const present = await tracing.presentDuring(q, [{ venueId: venue.id, ...window }], []);
    await audit(ctx, q, who, {
      action: 'venue_exposure_list',
      purpose: input.purpose,
      subject: { venueId: venue.id, from: input.from, to: input.to },
      result: { people: present.length },
      areaCodes: areaCodes(unit.path, [venue.adminUnitPath]),
    });
    return {
      venue: { id: venue.id, name: venue.name },
      present: present
        .sort((a, b) => b.overlapSeconds - a.overlapSeconds)
        .map((p) => ({ ...p, overlapMinutes: overlapMinutes(p.overlapSeconds) })),
    };
  });
}

/** Marks a venue and window as exposure: a notice for everyone present, a text to each, audited. */
export async function markVenueExposure(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { venueId: number; from: string; to: string; purpose: string; note?: string },
) {
  const { who, unit } = await tracerArea(ctx, actor);
  const venue = await venueForTracing(ctx.db, who, input.venueId);
  const window = checkedWindow(input);
  return ctx.db.tx(async (q) => {
    const id = await notices.insertExposureMark(q, {
      venueId: venue.id,
      ...window,
      note: input.note ?? null,
      userId: who.userId,
      at: ctx.now(),
    });
    const present = await tracing.presentDuring(q, [{ venueId: venue.id, ...window }], []);
    const notified = await notices.insertNotices(
      q,
      noticesFor(present, 'venue_exposure', () => window),
      ctx.now(),
    );
    await textPeople(ctx, q, present, 'venue_exposure_notice');
    await audit(ctx, q, who, {
      action: 'venue_exposure_mark',
      purpose: input.purpose,
      subject: { venueId: venue.id, from: input.from, to: input.to },
      result: { people: present.length, notified },
      areaCodes: areaCodes(unit.path, [venue.adminUnitPath]),
    });
    return { id, people: present.length, notified };
  });
}

/**
 * Venues of the tracer's area whose name or address has the words typed (marks and case ignored, the last one possibly unfinished):
 * the tracer picks the venue, not its internal number. Names of places only; nothing is audited.
 */
export async function venuesToTrace(ctx: ServiceContext, actor: Actor | null, text: string) {
  const { unit } = await tracerArea(ctx, actor);
  const found = await findPublicVenues(ctx.db, {
    unit: unit.path.length ? unit : null,
    category: null,
    text,
    limit: TRACED_VENUES_LISTED,
  });
  const place = await placesOf(ctx, found);
  return found.map((v) => ({
    id: v.id,
    name: v.name,
    address: v.address,
    place: place(v),
    status: v.status,
  }));
}

function checkedWindow(input: { from: string; to: string }) {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (!(to > from)) throw new AppError('invalid_date_range', [{ path: 'to', code: 'from_after_to' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new AppError('invalid_date_range', [{ path: 'to', code: 'too_long' }]);
  }
  return { from, to };
}
