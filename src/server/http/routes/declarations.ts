import { z } from 'zod';
import {
  DeclarationSubmission,
  NewHotspot,
  STATUS_COLOURS,
  StatusRulesPatch,
} from '../../../shared/contracts.js';
import * as cards from '../../services/cards.js';
import type { ServiceContext } from '../../services/context.js';
import { submitDeclaration } from '../../services/declarations.js';
import * as hotspots from '../../services/hotspots.js';
import * as statusRules from '../../services/status-rules.js';
import { IdParam, Instant, iso, isoOrNull, publicRoute, UuidParam, type ZodApp } from '../types.js';

const Colour = z.enum(STATUS_COLOURS);
const Card = z.object({
  id: z.string(),
  qr: z.string().describe('QR content: a URL with the signed card code, no personal data'),
  number: z.string(),
  fullName: z.string(),
  status: z.enum(['active', 'revoked']),
  holderToken: z.string().describe('Kept by the device that received the card: print, reissue, revoke'),
});
const DeclarationAnswer = z.object({
  id: z.string(),
  declaredAt: Instant,
  flagged: z.boolean(),
  statusColour: Colour,
  card: Card,
});
const HolderToken = z.object({ holderToken: z.string().min(1).max(100) });
const Scope = z.object({ scope: z.string().regex(/^(VN|\d{2})$/) });

export function declarationRoutes(app: ZodApp, ctx: ServiceContext) {
  const publicLimit = publicRoute(ctx.config.rateLimits.publicPerMinute);

  app.post(
    '/api/declarations',
    {
      config: publicLimit,
      schema: {
        tags: ['declarations'],
        description:
          'Domestic health declaration (F5). Issues the personal QR card on the first one. Idempotent on clientId.',
        body: DeclarationSubmission,
        response: { 200: DeclarationAnswer, 201: DeclarationAnswer },
      },
    },
    async (req, reply) => {
      const { clientId, person, onBehalf, ...answers } = req.body;
      const { result, duplicate } = await submitDeclaration(ctx, {
        clientId,
        person,
        answers,
        channel: onBehalf ? 'on_behalf' : 'self',
      });
      return reply.status(duplicate ? 200 : 201).send({ ...result, declaredAt: iso(result.declaredAt) });
    },
  );

  app.get(
    '/api/hotspots/active',
    {
      config: publicRoute(),
      schema: {
        tags: ['declarations'],
        description: 'Hotspot areas the declaration form asks about (window ended less than 21 days ago).',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                adminUnitCode: z.string(),
                adminUnitName: z.string(),
                from: z.string(),
                to: z.string(),
                note: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await hotspots.listActiveHotspotsForForm(ctx) }),
  );

  app.post(
    '/api/hotspots',
    {
      schema: {
        tags: ['declarations'],
        description: 'Officials and tracers mark an admin unit of their area as a hotspot for a date window.',
        body: NewHotspot,
        response: {
          201: z.object({
            id: z.number(),
            adminUnitCode: z.string(),
            fromDate: z.string(),
            toDate: z.string(),
          }),
        },
      },
    },
    async (req, reply) => {
      const h = await hotspots.createHotspot(ctx, await req.actor(), req.body);
      return reply
        .status(201)
        .send({ id: h.id, adminUnitCode: h.adminUnitCode, fromDate: h.fromDate, toDate: h.toDate });
    },
  );

  app.delete(
    '/api/hotspots/:id',
    { schema: { tags: ['declarations'], params: IdParam } },
    async (req, reply) => {
      await hotspots.deleteHotspot(ctx, await req.actor(), req.params.id);
      return reply.status(204).send();
    },
  );

  const Rules = StatusRulesPatch.required();
  app.get(
    '/api/status-rules/:scope',
    { schema: { tags: ['declarations'], params: Scope, response: { 200: Rules } } },
    async (req) => statusRules.getRules(ctx, await req.actor(), req.params.scope),
  );
  app.put(
    '/api/status-rules/:scope',
    {
      schema: {
        tags: ['declarations'],
        description:
          'Admin: national (`VN`) or any province; an official: their own province. Omitted fields inherit.',
        params: Scope,
        body: StatusRulesPatch,
        response: { 200: Rules },
      },
    },
    async (req) => statusRules.setRules(ctx, await req.actor(), req.params.scope, req.body),
  );

  app.get(
    '/api/cards/:id',
    {
      config: publicLimit,
      schema: {
        tags: ['cards'],
        description: 'The card and its current colour, for the device that holds it (`token` = holderToken).',
        params: UuidParam,
        querystring: z.object({ token: z.string().min(1).max(100) }),
        response: {
          200: Card.extend({
            statusColour: Colour.nullable(),
            flagged: z.boolean().nullable(),
            declaredAt: Instant.nullable(),
          }),
        },
      },
    },
    async (req) => {
      const card = await cards.cardForHolder(ctx, req.params.id, req.query.token);
      return { ...card, declaredAt: isoOrNull(card.declaredAt) };
    },
  );

  app.get(
    '/api/cards/:id/card.pdf',
    {
      config: publicLimit,
      schema: {
        tags: ['cards'],
        params: UuidParam,
        querystring: z.object({ token: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) => {
      const pdf = await cards.printableCard(ctx, req.params.id, req.query.token);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="the-kiem-soat.pdf"')
        .send(pdf);
    },
  );

  app.post(
    '/api/cards/:id/reissue',
    {
      config: publicLimit,
      schema: { tags: ['cards'], params: UuidParam, body: HolderToken, response: { 201: Card } },
    },
    async (req, reply) =>
      reply.status(201).send(await cards.reissueCard(ctx, req.params.id, req.body.holderToken)),
  );

  app.post(
    '/api/cards/:id/revoke',
    {
      config: publicLimit,
      schema: {
        tags: ['cards'],
        params: UuidParam,
        body: HolderToken,
        response: { 200: z.object({ id: z.string(), status: z.literal('revoked') }) },
      },
    },
    async (req) => cards.revokeCard(ctx, req.params.id, req.body.holderToken),
  );
}
