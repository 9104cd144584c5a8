import type { FastifyReply } from 'fastify';
import { venuesApi } from '../../../shared/api/venues.js';
import { requireActor } from '../../services/access.js';
import { venueToday } from '../../services/check-ins.js';
import type { ServiceContext } from '../../services/context.js';
import { venueQrDocument, type QrFormat } from '../../services/posters.js';
import * as entrances from '../../services/entrances.js';
import * as venues from '../../services/venues.js';
import { iso, publicRoute, routeOf, sendContractJson, type ZodApp } from '../types.js';
import { JsonBytes } from '../../domain/json-bytes.js';

/** Self-registrations allowed per minute from one address. */
const REGISTRATIONS_PER_MINUTE = 120;

export function venueRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(venuesApi.register),
    config: publicRoute(REGISTRATIONS_PER_MINUTE),
    handler: async (req, reply) => {
      const created = await venues.registerVenue(ctx, await req.actor(), req.body);
      return reply.status(201).send(created);
    },
  });

  app.route({
    ...routeOf(venuesApi.mine),
    handler: async (req) => {
      const actor = requireActor(await req.actor());
      const items = await venues.listMyVenues(ctx, actor);
      return { items: items.map((v) => ({ id: v.id, name: v.name, address: v.address, status: v.status })) };
    },
  });

  app.route({
    ...routeOf(venuesApi.detail),
    handler: async (req) => {
      return venueAnswer(await venues.getVenue(ctx, await req.actor(), req.params.id));
    },
  });

  app.route({
    ...routeOf(venuesApi.byCode),
    config: publicRoute(ctx.config.rateLimits.publicPerMinute),
    handler: async (req) => venues.publicVenueByCode(ctx, req.params.code),
  });

  const qrFiles: [typeof venuesApi.posterPdf, QrFormat][] = [
    [venuesApi.posterPdf, 'pdf'],
    [venuesApi.qrPng, 'png'],
    [venuesApi.qrSvg, 'svg'],
  ];
  for (const [endpoint, format] of qrFiles) {
    app.route({
      ...routeOf(endpoint),
      handler: async (req, reply) => {
        const doc = await venueQrDocument(ctx, await req.actor(), req.params.id, format, req.query.entrance);
        return sendDocument(reply, doc);
      },
    });
  }

  for (const [endpoint, status] of [
    [venuesApi.suspend, 'suspended'],
    [venuesApi.reinstate, 'active'],
  ] as const) {
    app.route({
      ...routeOf(endpoint),
      handler: async (req) =>
        venues.setVenueStatus(ctx, await req.actor(), req.params.id, status, req.body.reason),
    });
  }

  app.route({
    ...routeOf(venuesApi.today),
    config: { access: 'session_in_read' },
    handler: async (req, reply) => {
      const { writeItems, entryCount, ...head } = await venueToday(
        ctx,
        req.actorAlong.bind(req),
        req.params.id,
      );
      // The entries written as the contract's TodayCheckIn[] straight into UTF-8 (writeTodayEntries).
      const out = new JsonBytes(512 + entryCount * 256).write(
        `${JSON.stringify(head).slice(0, -1)},"items":`,
      );
      writeItems(out);
      return sendContractJson(reply, out.write('}').toBuffer());
    },
  });
  entranceRoutes(app, ctx);
}

/** Changing a venue and its entrances after registration (API v1.1 venues). */
function entranceRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(venuesApi.update),
    handler: async (req) => {
      return venueAnswer(await entrances.updateVenue(ctx, await req.actor(), req.params.id, req.body));
    },
  });

  app.route({
    ...routeOf(venuesApi.entrances),
    handler: async (req) => ({ items: await entrances.listEntrances(ctx, await req.actor(), req.params.id) }),
  });

  app.route({
    ...routeOf(venuesApi.addEntrance),
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await entrances.addEntrance(ctx, await req.actor(), req.params.id, req.body.name)),
  });

  app.route({
    ...routeOf(venuesApi.updateEntrance),
    handler: async (req) =>
      entrances.updateEntrance(ctx, await req.actor(), req.params.id, req.params.entranceId, req.body),
  });

  app.route({
    ...routeOf(venuesApi.entrancePoster),
    handler: async (req, reply) => {
      const doc = await venueQrDocument(ctx, await req.actor(), req.params.id, 'pdf', req.params.entranceId);
      return sendDocument(reply, doc);
    },
  });
}

/** A QR file or poster: shown inline, never cached by a shared cache. */
function sendDocument(
  reply: FastifyReply,
  doc: { body: Buffer | string; contentType: string; filename: string },
) {
  return reply
    .type(doc.contentType)
    .header('content-disposition', `inline; filename="${doc.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(doc.body);
}

function venueAnswer(v: Awaited<ReturnType<typeof venues.getVenue>>) {
  return {
    ...v,
    createdAt: iso(v.createdAt),
    statusHistory: v.statusHistory.map((h) => ({ ...h, at: iso(h.at) })),
  };
}
