import { z } from 'zod';
import { CheckOut, CitizenCheckIn, Phone, STATUS_COLOURS, StaffCheckIn } from '../../../shared/contracts.js';
import * as checkIns from '../../services/check-ins.js';
import type { ServiceContext } from '../../services/context.js';
import { lookUpPeople } from '../../services/scanner.js';
import { kioskTokenOf, SESSION_COOKIE } from '../plugins/auth.js';
import { IdParam, Instant, iso, publicRoute, UuidParam, type ZodApp } from '../types.js';

const CheckInAnswer = z.object({
  id: z.string(),
  checkedInAt: Instant,
  venue: z.object({ name: z.string() }),
  flagged: z.boolean(),
  checkoutToken: z.string(),
  person: z.object({ fullName: z.string() }),
  statusColour: z
    .enum(STATUS_COLOURS)
    .nullable()
    .describe('Status colour shown to staff (F18); null without a declaration'),
});

const answer = (r: { result: checkIns.CheckInResult; duplicate: boolean }) => ({
  ...r.result,
  checkedInAt: iso(r.result.checkedInAt),
});

export function checkInRoutes(app: ZodApp, ctx: ServiceContext) {
  const publicLimit = publicRoute(ctx.config.rateLimits.publicPerMinute);

  app.post(
    '/api/check-ins',
    {
      config: publicLimit,
      schema: {
        tags: ['check-ins'],
        description:
          'Citizen self check-in from the venue QR page. Repeating a clientId returns the first result (200).',
        body: CitizenCheckIn,
        response: { 200: CheckInAnswer, 201: CheckInAnswer },
      },
    },
    async (req, reply) => {
      const recorded = await checkIns.citizenCheckIn(ctx, req.body);
      return reply.status(recorded.duplicate ? 200 : 201).send(answer(recorded));
    },
  );

  app.post(
    '/api/venues/:id/check-ins',
    {
      config: { access: 'scanner' },
      schema: {
        tags: ['check-ins'],
        description:
          'Venue staff or a kiosk record an entry: by personal card (`cardQr`), by person, or from a paper declaration (`paper`, with `at` and optional `declaration`). Repeating a clientId returns the first result (200).',
        params: IdParam,
        body: StaffCheckIn,
        response: { 200: CheckInAnswer, 201: CheckInAnswer },
      },
    },
    async (req, reply) => {
      const recorded = await checkIns.staffCheckIn(
        ctx,
        { sessionToken: req.cookies[SESSION_COOKIE], kioskToken: kioskTokenOf(req) ?? undefined },
        req.params.id,
        req.body,
      );
      return reply.status(recorded.duplicate ? 200 : 201).send(answer(recorded));
    },
  );

  app.get(
    '/api/venues/:id/people',
    {
      schema: {
        tags: ['check-ins'],
        description:
          'Staff look-up by phone when a person has no card at hand: names and status colours of its card holders.',
        params: IdParam,
        querystring: z.object({ phone: Phone }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                fullName: z.string(),
                phone: z.string(),
                cardNumber: z.string(),
                statusColour: z.enum(STATUS_COLOURS),
                flagged: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await lookUpPeople(ctx, await req.actor(), req.params.id, req.query.phone) }),
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
      const { checkedOutAt } = await checkIns.checkOut(
        ctx,
        await req.actor(),
        req.params.id,
        req.body.checkoutToken,
      );
      return { checkedOutAt: iso(checkedOutAt) };
    },
  );
}
