import { z } from 'zod';
import { CheckOut, CitizenCheckIn } from '../../../shared/contracts.js';
import * as checkIns from '../../services/check-ins.js';
import type { ServiceContext } from '../../services/context.js';
import { Instant, iso, UuidParam, type ZodApp } from '../types.js';

const CheckInAnswer = z.object({
  id: z.string(),
  checkedInAt: Instant,
  venue: z.object({ name: z.string() }),
  flagged: z.boolean(),
  checkoutToken: z.string(),
});

export function checkInRoutes(app: ZodApp, ctx: ServiceContext) {
  const publicLimit = { rateLimit: { max: ctx.config.rateLimits.publicPerMinute, timeWindow: 60_000 } };

  app.post(
    '/api/check-ins',
    {
      config: publicLimit,
      schema: {
        tags: ['check-ins'],
        description: 'Citizen self check-in from the venue QR page. Repeating a clientId returns the first result (200).',
        body: CitizenCheckIn,
        response: { 200: CheckInAnswer, 201: CheckInAnswer },
      },
    },
    async (req, reply) => {
      const { result, duplicate } = await checkIns.citizenCheckIn(ctx, req.body);
      return reply.status(duplicate ? 200 : 201).send({ ...result, checkedInAt: iso(result.checkedInAt) });
    },
  );

  app.post(
    '/api/check-ins/:id/check-out',
    {
      config: publicLimit,
      schema: {
        tags: ['check-ins'],
        description: 'By the device holding the checkoutToken, or by the venue staff (session).',
        params: UuidParam,
        body: CheckOut,
        response: { 200: z.object({ checkedOutAt: Instant }) },
      },
    },
    async (req) => {
      const { checkedOutAt } = await checkIns.checkOut(ctx, await req.actor(), req.params.id, req.body.checkoutToken);
      return { checkedOutAt: iso(checkedOutAt) };
    },
  );
}
