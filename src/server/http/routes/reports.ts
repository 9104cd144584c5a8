import { LocalDate } from '../../../shared/contracts.js';
import { z } from 'zod';
import { DateRangeQuery, LIST_FORMATS, REPORT_FORMATS } from '../../../shared/contracts.js';
import type { ServiceContext } from '../../services/context.js';
import { exportFile, exportStatus, startExport } from '../../services/exports.js';
import { prepareExport, produceExport } from '../../services/reports.js';
import { languageOf, messageFor } from '../messages.js';
import { startVenueImport } from '../../services/imports.js';
import { IdParam, UuidParam, type ZodApp } from '../types.js';
import { sendFile } from './files.js';

const Range = { from: LocalDate.optional(), to: LocalDate.optional() };

const ExportRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('unit_report'),
    format: z.enum(REPORT_FORMATS),
    adminUnit: DateRangeQuery.shape.adminUnit,
    ...Range,
  }),
  z.object({
    kind: z.literal('venue_list'),
    format: z.enum(LIST_FORMATS),
    venueId: z.number().int().positive(),
    ...Range,
  }),
]);

export function reportRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/reports/unit',
    {
      schema: {
        tags: ['reports'],
        description:
          "The chairman's report of a unit for a range of days (seed 000 per-site table, seed 002 per-unit cards and scans).",
        querystring: DateRangeQuery.extend({ format: z.enum(REPORT_FORMATS).default('pdf') }),
      },
    },
    async (req, reply) => {
      const { format, ...range } = req.query;
      const prepared = await prepareExport(ctx, await req.actor(), { kind: 'unit_report', format, ...range });
      return sendFile(reply, await produceExport(ctx, prepared, languageOf(req.headers['accept-language'])));
    },
  );

  app.get(
    '/api/venues/:id/visits',
    {
      schema: {
        tags: ['reports'],
        description:
          "A venue's in/out list for a range of days as CSV or XLSX (its manager, officials over it).",
        params: IdParam,
        querystring: z.object({ ...Range, format: z.enum(LIST_FORMATS).default('csv') }),
      },
    },
    async (req, reply) => {
      const { format, ...range } = req.query;
      const prepared = await prepareExport(ctx, await req.actor(), {
        kind: 'venue_list',
        format,
        venueId: req.params.id,
        ...range,
      });
      return sendFile(reply, await produceExport(ctx, prepared, languageOf(req.headers['accept-language'])));
    },
  );

  app.post(
    '/api/exports',
    {
      schema: {
        tags: ['reports'],
        description:
          'Starts an export in the background; poll GET /api/exports/{id} for progress, then download /file.',
        body: ExportRequest,
        response: { 202: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const { id } = await startExport(
        ctx,
        await req.actor(),
        req.body,
        languageOf(req.headers['accept-language']),
      );
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/exports/:id',
    {
      schema: {
        tags: ['reports'],
        params: UuidParam,
        response: {
          200: z.object({
            id: z.string(),
            kind: z.string(),
            status: z.enum(['running', 'done', 'failed']),
            progress: z.number().describe('percent'),
            filename: z.string().nullable(),
            error: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => exportStatus(ctx, await req.actor(), req.params.id),
  );

  app.get('/api/exports/:id/file', { schema: { tags: ['reports'], params: UuidParam } }, async (req, reply) =>
    sendFile(reply, await exportFile(ctx, await req.actor(), req.params.id)),
  );
}

/** An import's CSV may be larger than the default JSON body limit. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export function importRoutes(app: ZodApp, ctx: ServiceContext) {
  app.post(
    '/api/imports/venues',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['reports'],
        description:
          'Officials register many venues from a CSV (header: name, category, adminUnitCode, address, contactName, contactPhone[, capacity, managerPassword]). Runs as a job: poll GET /api/exports/{id}; its file is the per-row report.',
        body: z.object({ csv: z.string().min(1).max(IMPORT_BODY_LIMIT) }),
        response: { 202: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const lang = languageOf(req.headers['accept-language']);
      const { id } = await startVenueImport(ctx, await req.actor(), req.body.csv, (code) =>
        messageFor(code, lang),
      );
      return reply.status(202).send({ id });
    },
  );
}
