import { venuesApi } from '../../../shared/api/venues.js';
import type { ServiceContext } from '../../services/context.js';
import * as kiosks from '../../services/kiosks.js';
import { iso, isoOrNull, routeOf, type ZodApp } from '../types.js';

export function kioskRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(venuesApi.kiosks),
    handler: async (req) => {
      const items = await kiosks.listVenueKiosks(ctx, await req.actor(), req.params.id);
      return {
        items: items.map((k) => ({
          id: k.id,
          name: k.name,
          createdAt: iso(k.createdAt),
          revokedAt: isoOrNull(k.revokedAt),
        })),
      };
    },
  });

  app.route({
    ...routeOf(venuesApi.enrolKiosk),
    handler: async (req, reply) =>
      reply.status(201).send(await kiosks.enrolKiosk(ctx, await req.actor(), req.params.id, req.body.name)),
  });

  app.route({
    ...routeOf(venuesApi.revokeKiosk),
    handler: async (req, reply) => {
      await kiosks.revokeVenueKiosk(ctx, await req.actor(), req.params.id, req.params.kioskId);
      return reply.status(204).send();
    },
  });
}
