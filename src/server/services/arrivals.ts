/**
 * Arrival declarations (F21): the journey and stay of a declaration made on arrival, counted in the
 * ward of stay on the arrival day, and listed for the officials and tracers over that ward.
 */
import {
  ARRIVAL_DATE_WINDOW_DAYS,
  MAX_ARRIVALS_LISTED,
  type ArrivalFacts,
} from '../../shared/api/arrivals.js';
import * as arrivals from '../db/queries/arrivals.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../domain/access.js';
import { addDays, localDate } from '../domain/local-day.js';
import { AppError } from '../errors.js';
import { unitFor } from './access.js';
import { resolveLowestLevelUnit, resolveUnit } from './admin-units.js';
import type { ServiceContext } from './context.js';
import { localToday } from './ranges.js';

/** Checks and resolves the arrival facts (before anything is written): the path of the ward of stay. */
export async function arrivalPlaces(ctx: ServiceContext, q: Queryable, facts: ArrivalFacts, now: Date) {
  const today = localDate(now, ctx.config.timeZone);
  const window = [addDays(today, -ARRIVAL_DATE_WINDOW_DAYS), addDays(today, ARRIVAL_DATE_WINDOW_DAYS)];
  if (facts.arrivalDate < window[0]! || facts.arrivalDate > window[1]!)
    throw new AppError('validation_failed', [
      { path: 'arrival.arrivalDate', code: 'out_of_range', message: window.join('…') },
    ]);
  const version = ctx.config.adminUnitsVersion;
  const stay = await resolveLowestLevelUnit(q, version, facts.stayAdminUnitCode, 'arrival.stayAdminUnitCode');
  let fromProvinceCode: string | null = null;
  if (facts.fromProvinceCode) {
    const from = await resolveUnit(q, version, facts.fromProvinceCode, 'arrival.fromProvinceCode');
    if (from.path.length !== 1)
      throw new AppError('validation_failed', [{ path: 'arrival.fromProvinceCode', code: 'not_a_province' }]);
    fromProvinceCode = from.code;
  }
  return { stay, fromProvinceCode };
}

/** Stores the arrival facts of declaration `declarationId` and counts it in the ward of stay. */
export async function recordArrival(
  q: Queryable,
  declarationId: string,
  facts: ArrivalFacts,
  places: Awaited<ReturnType<typeof arrivalPlaces>>,
) {
  await arrivals.insertArrival(q, {
    declarationId,
    arrivalDate: facts.arrivalDate,
    fromCountry: facts.fromCountry ?? null,
    fromProvinceCode: places.fromProvinceCode,
    transport: facts.transport || null,
    stayAddress: facts.stayAddress,
    stayUnitCode: places.stay.code,
    stayUnitPath: places.stay.path,
  });
  await arrivals.countArrival(q, facts.arrivalDate, places.stay.path);
}

/** Arrivals of a day staying in a unit of the caller's area (GET /api/arrivals). */
export async function listArrivals(
  ctx: ServiceContext,
  actor: Actor | null,
  query: { adminUnit?: string; date?: string },
) {
  const version = ctx.config.adminUnitsVersion;
  const unit = await unitFor(ctx.db, actor, version, query.adminUnit, 'trace');
  const date = query.date ?? localToday(ctx);
  const rows = await arrivals.arrivalsOfDay(ctx.db, version, unit.code, date, MAX_ARRIVALS_LISTED + 1);
  const total =
    rows.length > MAX_ARRIVALS_LISTED
      ? await arrivals.countArrivalsOfDay(ctx.db, unit.code, date)
      : rows.length;
  return {
    adminUnit: unit.code,
    date,
    total,
    items: rows.slice(0, MAX_ARRIVALS_LISTED).map(({ stayUnitCode, stayUnitName, ...a }) => ({
      ...a,
      declaredAt: a.declaredAt.toISOString(),
      stayAdminUnitCode: stayUnitCode,
      stayAdminUnitName: stayUnitName,
    })),
  };
}
