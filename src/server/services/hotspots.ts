/**
 * Hotspot areas (seed 003: "đã đi đến xã …, phường … chưa qua 21 ngày"): officials and tracers list
 * admin units with a date window; declarations ask about them explicitly and flag visits.
 */
import { adminUnitNames } from '../db/queries/admin-units.js';
import { resolveUnit } from './admin-units.js';
import * as hotspots from '../db/queries/hotspots.js';
import type { Queryable } from '../db/db.js';
import { coversUnitPath, type Actor } from '../domain/access.js';
import { addDays } from '../domain/local-day.js';
import { HOTSPOT_LOOKBACK_DAYS } from '../domain/status.js';
import { AppError } from '../errors.js';
import { MAX_HOTSPOT_DAYS } from '../../shared/api/declarations.js';
import { requireActor } from './access.js';
import type { ServiceContext } from './context.js';
import { localToday } from './ranges.js';

const mayMarkHotspots = (actor: Actor) =>
  actor.role === 'admin' || actor.role === 'official' || actor.role === 'tracer';

/** Hotspots a declaration made today must ask about. */
export function activeHotspots(ctx: ServiceContext, q: Queryable = ctx.db) {
  const today = localToday(ctx);
  return hotspots.listActiveHotspots(q, addDays(today, -HOTSPOT_LOOKBACK_DAYS), today);
}

/** The public list the declaration form shows: unit name and window, nothing about people. */
export async function listActiveHotspotsForForm(ctx: ServiceContext) {
  const items = await activeHotspots(ctx);
  const names = await adminUnitNames(ctx.db, ctx.config.adminUnitsVersion, [
    ...new Set(items.flatMap((h) => h.adminUnitPath)),
  ]);
  return items.map((h) => ({
    id: h.id,
    adminUnitCode: h.adminUnitCode,
    adminUnitName: [...h.adminUnitPath]
      .reverse()
      .map((c) => names.get(c) ?? c)
      .join(', '),
    from: h.fromDate,
    to: h.toDate,
    note: h.note,
  }));
}

export async function createHotspot(
  ctx: ServiceContext,
  caller: Actor | null,
  body: { adminUnitCode: string; from: string; to: string; note?: string },
) {
  const actor = requireActor(caller);
  if (!mayMarkHotspots(actor)) throw new AppError('forbidden');
  if (body.to < body.from || addDays(body.from, MAX_HOTSPOT_DAYS) < body.to) {
    throw new AppError('validation_failed', [{ path: 'to', code: 'bad_window' }]);
  }
  const version = ctx.config.adminUnitsVersion;
  const unit = await resolveUnit(ctx.db, version, body.adminUnitCode, 'adminUnitCode');
  if (!coversUnitPath(actor, unit.path))
    throw new AppError('forbidden', [{ path: 'adminUnitCode', code: 'out_of_scope' }]);
  return hotspots.insertHotspot(ctx.db, {
    version,
    adminUnitCode: unit.code,
    adminUnitPath: unit.path,
    fromDate: body.from,
    toDate: body.to,
    note: body.note ?? null,
    userId: actor.userId,
  });
}

export async function deleteHotspot(ctx: ServiceContext, caller: Actor | null, id: number) {
  const actor = requireActor(caller);
  const hotspot = await hotspots.findHotspot(ctx.db, id);
  if (!hotspot || !mayMarkHotspots(actor) || !coversUnitPath(actor, hotspot.adminUnitPath))
    throw new AppError('hotspot_not_found');
  await hotspots.deleteHotspot(ctx.db, id);
}
