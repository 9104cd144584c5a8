import { z } from 'zod';
import { MAX_NAME_LENGTH } from '../../../shared/contracts.js';
import type { ServiceContext } from '../../services/context.js';
import * as kiosks from '../../services/kiosks.js';
import { IdParam, Instant, iso, isoOrNull, type ZodApp } from '../types.js';

const Kiosk = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: Instant,
  revokedAt: Instant.nullable(),
});

export function kioskRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/venues/:id/kiosks',
    {
      schema: {
        tags: ['venues'],
        description: "The venue's kiosks (its manager, officials over it); tokens are never shown again.",
        params: IdParam,
        response: { 200: z.object({ items: z.array(Kiosk) }) },
      },
    },
    async (req) => {
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
  );

  app.post(
    '/api/venues/:id/kiosks',
    {
      schema: {
        tags: ['venues'],
        description:
          'Its manager enrols an unattended kiosk. The device token is shown once; the device sends `Authorization: Kiosk <deviceToken>` and may only record check-ins at this venue.',
        params: IdParam,
        body: z.object({ name: z.string().trim().min(1).max(MAX_NAME_LENGTH) }),
        response: { 201: z.object({ id: z.number(), name: z.string(), deviceToken: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await kiosks.enrolKiosk(ctx, await req.actor(), req.params.id, req.body.name)),
  );

  app.delete(
    '/api/venues/:id/kiosks/:kioskId',
    {
      schema: {
        tags: ['venues'],
        description: 'Revokes a kiosk (its manager, officials over it): its token stops working at once.',
        params: IdParam.extend({ kioskId: IdParam.shape.id }),
      },
    },
    async (req, reply) => {
      await kiosks.revokeVenueKiosk(ctx, await req.actor(), req.params.id, req.params.kioskId);
      return reply.status(204).send();
    },
  );
}
