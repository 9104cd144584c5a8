import { arrivalsApi } from '../../../shared/api/arrivals.js';
import { listArrivals } from '../../services/arrivals.js';
import type { ServiceContext } from '../../services/context.js';
import { routeOf, type ZodApp } from '../types.js';

/** The arrivals (F21) officials and tracers see for the wards of their area. */
export function arrivalRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(arrivalsApi.list),
    handler: async (req) => listArrivals(ctx, await req.actor(), req.query),
  });
}
