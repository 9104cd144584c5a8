import { referenceApi } from '../../../shared/api/reference.js';
import { VENUE_CATEGORIES } from '../../../shared/venue-categories.js';
import { adminUnitLevels, listChildren, resolveUnitCode } from '../../services/admin-units.js';
import { listUnitReviews, settleUnitReview } from '../../services/unit-reviews.js';
import type { ServiceContext } from '../../services/context.js';
import { languageOf } from '../messages.js';
import { iso, isoOrNull, publicRoute, routeOf, type ZodApp } from '../types.js';

export function referenceRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(referenceApi.adminUnits),
    config: publicRoute(),
    handler: async (req, reply) => {
      const version = req.query.version ?? ctx.config.adminUnitsVersion;
      const items = await listChildren(ctx.db, version, req.query.parent ?? null);
      // The list in use changes only with a restart (an upgrade): a short cache, no stale picker for a day.
      reply.header('cache-control', 'public, max-age=300');
      return { items, version, levels: adminUnitLevels(version) };
    },
  });

  app.route({
    ...routeOf(referenceApi.unitReviews),
    handler: async (req) => {
      const { items, upgrades } = await listUnitReviews(ctx, await req.actor(), req.query.state);
      return {
        items: items.map(reviewAnswer),
        upgrades: upgrades.map((u) => ({ ...u, doneAt: iso(u.doneAt) })),
      };
    },
  });

  app.route({
    ...routeOf(referenceApi.settleUnitReview),
    handler: async (req) =>
      reviewAnswer(await settleUnitReview(ctx, await req.actor(), req.params.id, req.body.adminUnitCode)),
  });

  app.route({
    ...routeOf(referenceApi.resolve),
    config: publicRoute(),
    handler: async (req) => resolveUnitCode(ctx.db, ctx.config.adminUnitsVersion, req.query.code),
  });

  app.route({
    ...routeOf(referenceApi.venueCategories),
    config: publicRoute(),
    handler: async (req) => {
      const lang = languageOf(req.headers['accept-language']);
      return { items: VENUE_CATEGORIES.map((c) => ({ code: c.code, name: c[lang] })) };
    },
  });
}

function reviewAnswer(r: Awaited<ReturnType<typeof settleUnitReview>>) {
  return {
    id: r.id,
    subject: r.subject,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    old: { code: r.oldCode, name: r.oldName },
    chosen: { code: r.chosenCode, name: r.chosenName },
    candidates: r.candidates,
    reason: r.reason,
    resolvedAt: isoOrNull(r.resolvedAt),
  };
}
