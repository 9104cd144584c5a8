import { LocalDate } from '../../../shared/contracts.js';
import { z } from 'zod';
import { HistoryRequest, TracingRequest, VenueWindow } from '../../../shared/contracts.js';
import { auditEntries } from '../../services/audit.js';
import type { ServiceContext } from '../../services/context.js';
import { deviceHistory } from '../../services/history.js';
import { tracingSheets } from '../../services/reports.js';
import * as tracing from '../../services/tracing.js';
import { languageOf } from '../messages.js';
import { Instant, iso, isoOrNull, publicRoute, type ZodApp } from '../types.js';
import { sendFile } from './files.js';

const Visit = z.object({
  checkInId: z.string(),
  venueId: z.number(),
  venueName: z.string(),
  checkedInAt: Instant,
  checkedOutAt: Instant.nullable(),
});
const Contact = z.object({
  person: z.object({ fullName: z.string(), phone: z.string() }),
  venueId: z.number(),
  venueName: z.string(),
  overlapMinutes: z.number(),
  level: z.union([z.literal(1), z.literal(2)]),
  firstContactAt: Instant,
});

export function tracingRoutes(app: ZodApp, ctx: ServiceContext) {
  app.post(
    '/api/tracing/queries',
    {
      schema: {
        tags: ['tracing'],
        description:
          'F0 → visits and contacts (F1; F2 with depth 2) whose stays overlapped at the same venue, widened by `marginMinutes` (default 30). Default window: the last 14 days. A purpose is required; every query is audited. `?format=csv|xlsx` answers the contact list as a file.',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).optional() }),
        body: TracingRequest,
        response: {
          200: z.object({
            subject: z.object({ fullName: z.string(), phone: z.string() }).nullable(),
            from: z.string(),
            to: z.string(),
            marginMinutes: z.number(),
            visits: z.array(Visit),
            contacts: z.array(Contact),
            notified: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const result = await tracing.traceContacts(ctx, await req.actor(), req.body);
      const body = {
        ...result,
        visits: result.visits.map((v) => ({
          checkInId: v.checkInId,
          venueId: v.venueId,
          venueName: v.venueName,
          checkedInAt: iso(v.checkedInAt),
          checkedOutAt: isoOrNull(v.checkedOutAt),
        })),
        contacts: result.contacts.map((c) => ({
          person: { fullName: c.fullName, phone: c.phone },
          venueId: c.venueId,
          venueName: c.venueName,
          overlapMinutes: c.overlapMinutes,
          level: c.level,
          firstContactAt: iso(new Date(c.firstAt)),
        })),
      };
      if (!req.query.format) return body;
      return sendFile(
        reply,
        await tracingSheets(ctx, body, req.query.format, languageOf(req.headers['accept-language'])),
      );
    },
  );

  app.post(
    '/api/tracing/venue-exposures',
    {
      schema: {
        tags: ['tracing'],
        description:
          'Everyone present at a venue during a time window, with the minutes they were there (audited).',
        body: VenueWindow.omit({ note: true }),
        response: {
          200: z.object({
            venue: z.object({ id: z.number(), name: z.string() }),
            present: z.array(
              z.object({
                person: z.object({ fullName: z.string(), phone: z.string() }),
                overlapMinutes: z.number(),
                firstAt: Instant,
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const r = await tracing.venueExposureList(ctx, await req.actor(), req.body);
      return {
        venue: r.venue,
        present: r.present.map((p) => ({
          person: { fullName: p.fullName, phone: p.phone },
          overlapMinutes: p.overlapMinutes,
          firstAt: iso(new Date(p.firstAt)),
        })),
      };
    },
  );

  app.post(
    '/api/tracing/exposure-marks',
    {
      schema: {
        tags: ['tracing'],
        description:
          'Marks a venue and a time window as exposure: everyone present gets a notice on their device and a text (audited).',
        body: VenueWindow,
        response: { 201: z.object({ id: z.number(), people: z.number(), notified: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tracing.markVenueExposure(ctx, await req.actor(), req.body)),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['tracing'],
        description:
          'Tracing audit entries (admin: all; officials: those concerning their area). Read-only: the log cannot be changed or deleted.',
        querystring: z.object({ from: LocalDate.optional(), to: LocalDate.optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            items: z.array(
              z.object({
                at: Instant,
                actor: z.string(),
                actorRole: z.string(),
                action: z.string(),
                purpose: z.string(),
                subject: z.record(z.string(), z.unknown()),
                result: z.record(z.string(), z.number()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const r = await auditEntries(ctx, await req.actor(), req.query);
      return {
        ...r,
        items: r.items.map((e) => ({
          at: iso(e.at),
          actor: e.actorUsername,
          actorRole: e.actorRole,
          action: e.action,
          purpose: e.purpose,
          subject: e.subject,
          result: e.result,
        })),
      };
    },
  );

  app.post(
    '/api/history',
    {
      config: publicRoute(ctx.config.rateLimits.publicPerMinute),
      schema: {
        tags: ['check-ins'],
        description: "A device's own check-ins and the notices on them, each proven by its checkout token.",
        body: HistoryRequest,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                venueName: z.string(),
                checkedInAt: Instant,
                checkedOutAt: Instant.nullable(),
                notices: z.array(
                  z.object({
                    kind: z.enum(['contact', 'venue_exposure']),
                    exposureFrom: Instant,
                    exposureTo: Instant,
                    createdAt: Instant,
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const items = await deviceHistory(ctx, req.body.items);
      return {
        items: items.map((i) => ({
          ...i,
          checkedInAt: iso(i.checkedInAt),
          checkedOutAt: isoOrNull(i.checkedOutAt),
        })),
      };
    },
  );
}
