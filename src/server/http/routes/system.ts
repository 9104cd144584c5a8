import { referenceApi } from '../../../shared/api/reference.js';
import type { ServiceContext } from '../../services/context.js';
import { checkHealth } from '../../services/health.js';
import { publicRoute, routeOf, type ZodApp } from '../types.js';

export function systemRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(referenceApi.health),
    config: publicRoute(),
    handler: async (req) => checkHealth(ctx, (problem, details) => req.log.warn(details, problem)),
  });
}
