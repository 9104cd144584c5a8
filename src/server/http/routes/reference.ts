import { referenceApi } from '../../../shared/api/reference.js';
import { VENUE_CATEGORIES } from '../../../shared/venue-categories.js';
import { listChildren, resolveUnitCode } from '../../services/admin-units.js';
import type { ServiceContext } from '../../services/context.js';
import { languageOf } from '../messages.js';
import { publicRoute, routeOf, type ZodApp } from '../types.js';

export function referenceRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(referenceApi.adminUnits),
    config: publicRoute(),
    handler: async (req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { items: await listChildren(ctx.db, ctx.config.adminUnitsVersion, req.query.parent ?? null) };
    },
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
