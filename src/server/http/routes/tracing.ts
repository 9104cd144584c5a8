import { tracingApi } from '../../../shared/api/tracing.js';
import { auditEntries } from '../../services/audit.js';
import type { ServiceContext } from '../../services/context.js';
import { deviceHistory } from '../../services/history.js';
import { tracingSheets } from '../../services/reports.js';
import * as tracing from '../../services/tracing.js';
import { markVenueExposure, venueExposureList, venuesToTrace } from '../../services/venue-exposure.js';
import { languageOf } from '../messages.js';
import { iso, isoOrNull, publicRoute, routeOf, type ZodApp } from '../types.js';
import { sendFile } from './files.js';

/** The tracing answer as the API shows it (also the rows of its CSV/XLSX export). */
function presentTrace(result: Awaited<ReturnType<typeof tracing.traceContacts>>) {
  return {
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
}

export function tracingRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(tracingApi.trace),
    handler: async (req, reply) => {
      const result = await tracing.traceContacts(ctx, await req.actor(), req.body);
      const body = presentTrace(result);
      if (!req.query.format) return body;
      return sendFile(
        reply,
        await tracingSheets(ctx, body, req.query.format, languageOf(req.headers['accept-language'])),
      );
    },
  });

  app.route({
    ...routeOf(tracingApi.venuesToTrace),
    handler: async (req) => ({ items: await venuesToTrace(ctx, await req.actor(), req.query.q) }),
  });

  app.route({
    ...routeOf(tracingApi.venueExposures),
    handler: async (req) => {
      const r = await venueExposureList(ctx, await req.actor(), req.body);
      return {
        venue: r.venue,
        present: r.present.map((p) => ({
          person: { fullName: p.fullName, phone: p.phone },
          overlapMinutes: p.overlapMinutes,
          firstAt: iso(new Date(p.firstAt)),
        })),
      };
    },
  });

  app.route({
    ...routeOf(tracingApi.markExposure),
    handler: async (req, reply) =>
      reply.status(201).send(await markVenueExposure(ctx, await req.actor(), req.body)),
  });

  app.route({
    ...routeOf(tracingApi.audit),
    handler: async (req) => {
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
  });

  app.route({
    ...routeOf(tracingApi.history),
    config: publicRoute(ctx.config.rateLimits.publicPerMinute),
    handler: async (req) => {
      const items = await deviceHistory(ctx, req.body.items);
      return {
        items: items.map((i) => ({
          ...i,
          checkedInAt: iso(i.checkedInAt),
          checkedOutAt: isoOrNull(i.checkedOutAt),
        })),
      };
    },
  });
}
