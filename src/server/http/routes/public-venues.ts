import { publicVenuesApi } from '../../../shared/api/public-venues.js';
import type { ServiceContext } from '../../services/context.js';
import { confirmVenueSafety, listPublicVenues } from '../../services/public-venues.js';
import { publicRoute, routeOf, type ZodApp } from '../types.js';

/** The public venue list and map (F22), and the manager's safety checklist behind it. */
export function publicVenueRoutes(app: ZodApp, ctx: ServiceContext) {
  const maxAge = Math.floor(ctx.config.publicListCacheMs / 1000);
  app.route({
    ...routeOf(publicVenuesApi.list),
    config: publicRoute(ctx.config.rateLimits.publicPerMinute),
    handler: async (req, reply) => {
      reply.header('cache-control', maxAge > 0 ? `public, max-age=${maxAge}` : 'no-store');
      return listPublicVenues(ctx, req.query);
    },
  });

  app.route({
    ...routeOf(publicVenuesApi.setSafety),
    handler: async (req) => confirmVenueSafety(ctx, await req.actor(), req.params.id, req.body),
  });
}
