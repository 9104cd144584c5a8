import { tracingApi } from '../../../shared/api/tracing.js';
import { auditEntries } from '../../services/audit.js';
import type { ServiceContext } from '../../services/context.js';
import { deviceHistory } from '../../services/history.js';
import { tracingSheets } from '../../services/reports.js';
import * as tracing from '../../services/tracing.js';
import * as cases from '../../services/tracing-cases.js';
import { markVenueExposure, venueExposureList, venuesToTrace } from '../../services/venue-exposure.js';
import { languageOf } from '../messages.js';
import { iso, isoOrNull, publicRoute, routeOf, sendContractJson, type ZodApp } from '../types.js';
import { sendFile } from './files.js';

/** A saved case as the API shows it: instants as ISO text. */
function presentSummary<C extends { savedAt: Date; closedAt: Date | null }>(c: C) {
  return { ...c, savedAt: iso(c.savedAt), closedAt: isoOrNull(c.closedAt) };
}

function presentCase<C extends Parameters<typeof presentSummary>[0] & { trail: cases.TrailEntry[] }>(c: C) {
  return {
    ...presentSummary(c),
    trail: c.trail.map((e) => ({ at: iso(e.at), username: e.username, action: e.action })),
  };
}

export function tracingRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(tracingApi.trace),
    handler: async (req, reply) => {
      const body = cases.traceAnswer(await tracing.traceContacts(ctx, await req.actor(), req.body));
      // Hundreds of contacts, each field listed by traceAnswer (typed with the contract's type).
      if (!req.query.format) return sendContractJson(reply, JSON.stringify(body));
      return sendFile(
        reply,
        await tracingSheets(ctx, body, req.query.format, languageOf(req.headers['accept-language'])),
      );
    },
  });

  caseRoutes(app, ctx);

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

/** Saved cases (issue 16): save while tracing, list the area's, open or export one (audited). */
function caseRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(tracingApi.saveCase),
    handler: async (req, reply) =>
      reply.status(201).send(presentCase(await cases.saveCase(ctx, await req.actor(), req.body))),
  });

  app.route({
    ...routeOf(tracingApi.cases),
    handler: async (req) => ({
      items: (await cases.listCases(ctx, await req.actor())).map(presentSummary),
    }),
  });

  app.route({
    ...routeOf(tracingApi.closeCase),
    handler: async (req) =>
      presentCase(await cases.setCaseClosed(ctx, await req.actor(), req.params.id, req.body.closed)),
  });

  app.route({
    ...routeOf(tracingApi.openCase),
    handler: async (req, reply) => {
      const { format } = req.query;
      const saved = await cases.openCase(
        ctx,
        await req.actor(),
        req.params.id,
        format ? 'case_export' : 'case_open',
      );
      if (!format) return presentCase(saved);
      const lang = languageOf(req.headers['accept-language']);
      return sendFile(reply, await tracingSheets(ctx, saved.answer, format, lang));
    },
  });
}
