import { complianceApi } from '../../../shared/api/compliance.js';
import * as compliance from '../../services/compliance.js';
import type { ServiceContext } from '../../services/context.js';
import { iso, isoOrNull, routeOf, type ZodApp } from '../types.js';

export function complianceRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(complianceApi.report),
    handler: async (req) => {
      const r = await compliance.complianceReport(ctx, await req.actor(), req.query);
      return {
        ...r,
        silentVenues: r.silentVenues.map((v) => ({
          venueId: v.venueId,
          name: v.name,
          category: v.category,
          adminUnitCode: v.adminUnitCode,
          createdAt: iso(v.createdAt),
          lastCheckInAt: isoOrNull(v.lastCheckInAt),
          remindedAt: isoOrNull(v.remindedAt),
        })),
      };
    },
  });

  app.route({
    ...routeOf(complianceApi.remind),
    handler: async (req, reply) =>
      reply.status(201).send(await compliance.sendReminders(ctx, await req.actor(), req.body)),
  });

  app.route({
    ...routeOf(complianceApi.venueReminders),
    handler: async (req) => {
      const items = await compliance.venueReminders(ctx, await req.actor(), req.params.id);
      return { items: items.map((r) => ({ ...r, sentAt: iso(r.sentAt), readAt: isoOrNull(r.readAt) })) };
    },
  });

  app.route({
    ...routeOf(complianceApi.readReminders),
    handler: async (req, reply) => {
      await compliance.acknowledgeReminders(ctx, await req.actor(), req.params.id);
      return reply.status(204).send();
    },
  });

  app.route({
    ...routeOf(complianceApi.addDeadline),
    handler: async (req, reply) =>
      reply.status(201).send(await compliance.addDeadline(ctx, await req.actor(), req.body)),
  });

  app.route({
    ...routeOf(complianceApi.removeDeadline),
    handler: async (req, reply) => {
      await compliance.removeDeadline(ctx, await req.actor(), req.params.id);
      return reply.status(204).send();
    },
  });
}
