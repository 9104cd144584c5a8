import { IMPORT_BODY_LIMIT, reportsApi } from '../../../shared/api/reports.js';
import type { ServiceContext } from '../../services/context.js';
import { exportFile, exportStatus, startExport } from '../../services/exports.js';
import { startVenueImport } from '../../services/imports.js';
import { prepareExport, produceExport } from '../../services/reports.js';
import { languageOf, messageFor } from '../messages.js';
import { routeOf, type ZodApp } from '../types.js';
import { sendFile } from './files.js';

export function reportRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(reportsApi.unitReport),
    handler: async (req, reply) => {
      const { format, ...range } = req.query;
      const prepared = await prepareExport(ctx, await req.actor(), { kind: 'unit_report', format, ...range });
      return sendFile(reply, await produceExport(ctx, prepared, languageOf(req.headers['accept-language'])));
    },
  });

  app.route({
    ...routeOf(reportsApi.venueVisits),
    handler: async (req, reply) => {
      const { format, ...range } = req.query;
      const prepared = await prepareExport(ctx, await req.actor(), {
        kind: 'venue_list',
        format,
        venueId: req.params.id,
        ...range,
      });
      return sendFile(reply, await produceExport(ctx, prepared, languageOf(req.headers['accept-language'])));
    },
  });

  app.route({
    ...routeOf(reportsApi.startExport),
    handler: async (req, reply) => {
      const lang = languageOf(req.headers['accept-language']);
      const { id } = await startExport(ctx, await req.actor(), req.body, lang);
      return reply.status(202).send({ id });
    },
  });

  app.route({
    ...routeOf(reportsApi.exportStatus),
    handler: async (req) => exportStatus(ctx, await req.actor(), req.params.id),
  });

  app.route({
    ...routeOf(reportsApi.exportFile),
    handler: async (req, reply) => sendFile(reply, await exportFile(ctx, await req.actor(), req.params.id)),
  });

  app.route({
    ...routeOf(reportsApi.importVenues),
    bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (req, reply) => {
      const lang = languageOf(req.headers['accept-language']);
      const { id } = await startVenueImport(ctx, await req.actor(), req.body.csv, (code) =>
        messageFor(code, lang),
      );
      return reply.status(202).send({ id });
    },
  });
}
