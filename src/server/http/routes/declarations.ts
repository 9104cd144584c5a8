import type { FastifyReply } from 'fastify';
import { declarationsApi } from '../../../shared/api/declarations.js';
import * as cards from '../../services/cards.js';
import type { ServiceContext } from '../../services/context.js';
import { submitDeclaration } from '../../services/declarations.js';
import * as hotspots from '../../services/hotspots.js';
import * as statusRules from '../../services/status-rules.js';
import { iso, isoOrNull, publicRoute, routeOf, type ZodApp } from '../types.js';

export function declarationRoutes(app: ZodApp, ctx: ServiceContext) {
  const publicLimit = publicRoute(ctx.config.rateLimits.publicPerMinute);

  app.route({
    ...routeOf(declarationsApi.submit),
    config: publicLimit,
    handler: async (req, reply) => {
      const { clientId, person, onBehalf, kind, arrival, ...answers } = req.body;
      const { result, duplicate } = await submitDeclaration(ctx, {
        clientId,
        person,
        answers,
        channel: onBehalf ? 'on_behalf' : 'self',
        arrival: kind === 'arrival' ? arrival : undefined,
      });
      return reply.status(duplicate ? 200 : 201).send({ ...result, declaredAt: iso(result.declaredAt) });
    },
  });

  app.route({
    ...routeOf(declarationsApi.activeHotspots),
    config: publicRoute(),
    handler: async () => ({ items: await hotspots.listActiveHotspotsForForm(ctx) }),
  });

  app.route({
    ...routeOf(declarationsApi.createHotspot),
    handler: async (req, reply) => {
      const h = await hotspots.createHotspot(ctx, await req.actor(), req.body);
      return reply
        .status(201)
        .send({ id: h.id, adminUnitCode: h.adminUnitCode, fromDate: h.fromDate, toDate: h.toDate });
    },
  });

  app.route({
    ...routeOf(declarationsApi.deleteHotspot),
    handler: async (req, reply) => {
      await hotspots.deleteHotspot(ctx, await req.actor(), req.params.id);
      return reply.status(204).send();
    },
  });

  app.route({
    ...routeOf(declarationsApi.statusRules),
    handler: async (req) => statusRules.getRules(ctx, await req.actor(), req.params.scope),
  });
  app.route({
    ...routeOf(declarationsApi.setStatusRules),
    handler: async (req) => statusRules.setRules(ctx, await req.actor(), req.params.scope, req.body),
  });

  cardRoutes(app, ctx, publicLimit);
}

/** A card is read, printed, reissued and revoked by whoever holds its holder token (F6). */
function cardRoutes(app: ZodApp, ctx: ServiceContext, publicLimit: ReturnType<typeof publicRoute>) {
  app.route({
    ...routeOf(declarationsApi.card),
    config: publicLimit,
    handler: async (req) => {
      const card = await cards.cardForHolder(ctx, req.params.id, req.query.token);
      return { ...card, declaredAt: isoOrNull(card.declaredAt) };
    },
  });

  app.route({
    ...routeOf(declarationsApi.cardPdf),
    config: publicLimit,
    handler: async (req, reply) => {
      const pdf = await cards.printableCards(ctx, [{ id: req.params.id, token: req.query.token }]);
      return sendCardsPdf(reply, pdf);
    },
  });

  app.route({
    ...routeOf(declarationsApi.printCards),
    config: publicLimit,
    handler: async (req, reply) => {
      const held = req.body.cards.map((c) => ({ id: c.id, token: c.holderToken }));
      return sendCardsPdf(reply, await cards.printableCards(ctx, held));
    },
  });

  app.route({
    ...routeOf(declarationsApi.reissueCard),
    config: publicLimit,
    handler: async (req, reply) =>
      reply.status(201).send(await cards.reissueCard(ctx, req.params.id, req.body.holderToken)),
  });

  app.route({
    ...routeOf(declarationsApi.revokeCard),
    config: publicLimit,
    handler: async (req) => cards.revokeCard(ctx, req.params.id, req.body.holderToken),
  });
}

/** Printed cards are the holder's own: never cached, opened in the browser's PDF viewer. */
function sendCardsPdf(reply: FastifyReply, pdf: Buffer) {
  return reply
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', 'inline; filename="the-kiem-soat.pdf"')
    .send(pdf);
}
