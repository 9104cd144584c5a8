/**
 * The review list of an admin-unit upgrade (issue 13): venues and accounts whose new unit the mapping
 * had to choose. Officials see the entries within their area and confirm or correct them; the national
 * admin sees all. A correction moves the venue (with its daily figures) or the account scope.
 */
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import { findAdminUnit } from '../db/queries/admin-units.js';
import * as reviews from '../db/queries/unit-reviews.js';
import { unitFor } from './access.js';
import type { ServiceContext } from './context.js';

function requireReviewer(actor: Actor | null): Actor {
  if (!actor) throw new AppError('not_logged_in');
  if (actor.role !== 'admin' && actor.role !== 'official') throw new AppError('forbidden');
  return actor;
}

export async function listUnitReviews(ctx: ServiceContext, actor: Actor | null, state: 'open' | 'all') {
  const who = requireReviewer(actor);
  const scope = who.role === 'admin' ? null : who.adminUnitCode;
  if (who.role !== 'admin' && !scope) throw new AppError('forbidden');
  const [items, upgrades] = await Promise.all([
    reviews.listReviews(ctx.db, ctx.config.adminUnitsVersion, scope, state === 'all'),
    reviews.upgradesDone(ctx.db),
  ]);
  return { items, upgrades };
}

export async function settleUnitReview(
  ctx: ServiceContext,
  actor: Actor | null,
  id: number,
  adminUnitCode: string,
) {
  const who = requireReviewer(actor);
  const version = ctx.config.adminUnitsVersion;
  const review = await reviews.findReview(ctx.db, version, id);
  if (!review || (who.role !== 'admin' && !review.path.includes(who.adminUnitCode ?? '')))
    throw new AppError('not_found');
  // The new unit must be one the reviewer governs: nobody moves a venue or an account out of reach.
  const unit = await unitFor(ctx.db, who, version, adminUnitCode, 'govern');
  if (review.subject === 'venue' && (await findAdminUnit(ctx.db, version, unit.code))?.hasChildren)
    throw new AppError('admin_unit_not_lowest_level', [{ path: 'adminUnitCode', code: 'not_lowest' }]);
  await ctx.db.tx(async (q) => {
    if (review.subject === 'venue')
      await reviews.moveVenue(q, review.subjectId, version, unit.code, unit.path);
    else await reviews.moveAccount(q, review.subjectId, version, unit.code);
    await reviews.settleReview(q, id, unit, who.userId);
  });
  return (await reviews.findReview(ctx.db, version, id))!;
}
