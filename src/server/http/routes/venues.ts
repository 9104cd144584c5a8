import { z } from 'zod';
import { decimalInt, VenueCode, VenueRegistration } from '../../../shared/contracts.js';
import { VENUE_CATEGORY_CODES } from '../../../shared/venue-categories.js';
import { requireActor } from '../../services/access.js';
import { venueToday } from '../../services/check-ins.js';
import type { ServiceContext } from '../../services/context.js';
import { venueQrDocument, type QrFormat } from '../../services/posters.js';
import * as venues from '../../services/venues.js';
import { IdParam, Instant, iso, isoOrNull, publicRoute, type ZodApp } from '../types.js';

/** Self-registrations allowed per minute from one address. */
const REGISTRATIONS_PER_MINUTE = 120;

const Status = z.enum(['active', 'suspended']);

const VenueDetail = z.object({
  id: z.number(),
  name: z.string(),
  category: z.enum(VENUE_CATEGORY_CODES),
  adminUnitCode: z.string(),
  adminUnitName: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  capacity: z.number().nullable(),
  status: Status,
  statusReason: z.string().nullable(),
  registeredBy: z.enum(['self', 'official']),
  createdAt: Instant,
  entrances: z.array(
    z.object({ id: z.number(), name: z.string(), code: z.string(), checkInUrl: z.string() }),
  ),
});

const StatusChange = z.object({ reason: z.string().trim().min(1).max(500) });

export function venueRoutes(app: ZodApp, ctx: ServiceContext) {
  app.post(
    '/api/venues',
    {
      config: publicRoute(REGISTRATIONS_PER_MINUTE),
      schema: {
        tags: ['venues'],
        description:
          'Self-registration (anyone; creates the manager account `username = contactPhone`) or registration by an official.',
        body: VenueRegistration,
        response: {
          201: z.object({ id: z.number(), code: z.string(), checkInUrl: z.string(), status: Status }),
        },
      },
    },
    async (req, reply) => {
      const created = await venues.registerVenue(ctx, await req.actor(), req.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/venues',
    {
      schema: {
        tags: ['venues'],
        description: 'The venues the caller manages or staffs.',
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.number(), name: z.string(), address: z.string(), status: Status }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(await req.actor());
      const items = await venues.listMyVenues(ctx, actor);
      return { items: items.map((v) => ({ id: v.id, name: v.name, address: v.address, status: v.status })) };
    },
  );

  app.get(
    '/api/venues/:id',
    { schema: { tags: ['venues'], params: IdParam, response: { 200: VenueDetail } } },
    async (req) => {
      const v = await venues.getVenue(ctx, await req.actor(), req.params.id);
      return { ...v, createdAt: iso(v.createdAt) };
    },
  );

  app.get(
    '/api/venues/by-code/:code',
    {
      config: publicRoute(ctx.config.rateLimits.publicPerMinute),
      schema: {
        tags: ['venues'],
        params: z.object({ code: VenueCode }),
        response: {
          200: z.object({
            name: z.string(),
            address: z.string(),
            adminUnitName: z.string(),
            category: z.string(),
            status: Status,
            entrance: z.string(),
            capacity: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => venues.publicVenueByCode(ctx, req.params.code),
  );

  const formats: Record<string, QrFormat> = { 'poster.pdf': 'pdf', 'qr.png': 'png', 'qr.svg': 'svg' };
  for (const [file, format] of Object.entries(formats)) {
    app.get(
      `/api/venues/:id/${file}`,
      {
        schema: {
          tags: ['venues'],
          description: `The venue QR as ${format.toUpperCase()} (\`entrance\` picks an entrance; main entrance by default).`,
          params: IdParam,
          querystring: z.object({ entrance: decimalInt(1, Number.MAX_SAFE_INTEGER).optional() }),
        },
      },
      async (req, reply) => {
        const doc = await venueQrDocument(ctx, await req.actor(), req.params.id, format, req.query.entrance);
        return reply
          .type(doc.contentType)
          .header('content-disposition', `inline; filename="${doc.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(doc.body);
      },
    );
  }

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reinstate', 'active'],
  ] as const) {
    app.post(
      `/api/venues/:id/${action}`,
      {
        schema: {
          tags: ['venues'],
          params: IdParam,
          body: StatusChange,
          response: { 200: z.object({ id: z.number(), status: Status, statusReason: z.string() }) },
        },
      },
      async (req) => venues.setVenueStatus(ctx, await req.actor(), req.params.id, status, req.body.reason),
    );
  }

  app.get(
    '/api/venues/:id/today',
    {
      schema: {
        tags: ['venues'],
        description:
          "Today's check-ins (local day), counts per channel, and the number of people inside now.",
        params: IdParam,
        response: {
          200: z.object({
            date: z.string(),
            capacity: z.number().nullable(),
            inside: z.number(),
            total: z.number(),
            byChannel: z.record(z.string(), z.number()),
            items: z.array(
              z.object({
                id: z.string(),
                fullName: z.string(),
                phone: z.string(),
                channel: z.string(),
                checkedInAt: Instant,
                checkedOutAt: Instant.nullable(),
                flagged: z.boolean(),
                statusColour: z.enum(['green', 'yellow', 'red']).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const today = await venueToday(ctx, await req.actor(), req.params.id);
      return {
        ...today,
        items: today.items.map((c) => ({
          ...c,
          checkedInAt: iso(c.checkedInAt),
          checkedOutAt: isoOrNull(c.checkedOutAt),
        })),
      };
    },
  );
}
