import { checkInsApi } from '../../../shared/api/check-ins.js';
import * as checkIns from '../../services/check-ins.js';
import type { ServiceContext } from '../../services/context.js';
import { lookUpPeople } from '../../services/scanner.js';
import { staffCheckIn } from '../../services/staff-check-ins.js';
import { kioskTokenOf, SESSION_COOKIE } from '../plugins/auth.js';
import { iso, publicRoute, routeOf, type ZodApp } from '../types.js';

const answer = (r: { result: checkIns.CheckInResult; duplicate: boolean }) => ({
  ...r.result,
  checkedInAt: iso(r.result.checkedInAt),
});

export function checkInRoutes(app: ZodApp, ctx: ServiceContext) {
  const publicLimit = publicRoute(ctx.config.rateLimits.publicPerMinute);

  app.route({
    ...routeOf(checkInsApi.citizen),
    config: publicLimit,
    handler: async (req, reply) => {
      const recorded = await checkIns.citizenCheckIn(ctx, req.body);
      return reply.status(recorded.duplicate ? 200 : 201).send(answer(recorded));
    },
  });

  app.route({
    ...routeOf(checkInsApi.staff),
    config: { access: 'scanner' },
    handler: async (req, reply) => {
      const recorded = await staffCheckIn(
        ctx,
        { sessionToken: req.cookies[SESSION_COOKIE], kioskToken: kioskTokenOf(req) ?? undefined },
        req.params.id,
        req.body,
      );
      return reply.status(recorded.duplicate ? 200 : 201).send(answer(recorded));
    },
  });

  app.route({
    ...routeOf(checkInsApi.peopleByPhone),
    handler: async (req) => ({
      items: await lookUpPeople(ctx, await req.actor(), req.params.id, req.query.phone),
    }),
  });

  app.route({
    ...routeOf(checkInsApi.checkOut),
    config: publicLimit,
    handler: async (req) => {
      const { checkedOutAt } = await checkIns.checkOut(
        ctx,
        await req.actor(),
        req.params.id,
        req.body.checkoutToken,
      );
      return { checkedOutAt: iso(checkedOutAt) };
    },
  });
}
