/** Reports and exports (F11) and venue imports (F2). */
import { z } from 'zod';
import { LIST_FORMATS, REPORT_FORMATS, trimmedText } from '../contracts.js';
import { DayRange, IdParam, UuidParam } from './common.js';
import { endpoint } from './endpoint.js';
import { DateRangeQuery } from './stats.js';

/**
 * How the chairman's report is numbered and signed (its letter form, seeds 000 and 002); left out, the
 * printed letter keeps room for both to be written by hand.
 */
export const LetterDetails = {
  number: trimmedText(40).optional().describe('the document number, e.g. "123/BC-UBND"'),
  signer: trimmedText(80).optional().describe('the name printed under the signature'),
};

export const ExportRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('unit_report'),
    format: z.enum(REPORT_FORMATS),
    adminUnit: DateRangeQuery.shape.adminUnit,
    ...DayRange,
    ...LetterDetails,
  }),
  z.object({
    kind: z.literal('venue_list'),
    format: z.enum(LIST_FORMATS),
    venueId: z.number().int().positive(),
    ...DayRange,
  }),
]);
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportJob = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number().describe('percent'),
  filename: z.string().nullable(),
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

/** An import's CSV may be larger than the default JSON body limit. */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

const Started = z.object({ id: z.string() });

export const reportsApi = {
  unitReport: endpoint({
    method: 'GET',
    path: '/api/reports/unit',
    tag: 'reports',
    description:
      "The chairman's report of a unit for a range of days (seed 000 per-site table, seed 002 per-unit cards and scans).",
    query: DateRangeQuery.extend({ format: z.enum(REPORT_FORMATS).default('pdf'), ...LetterDetails }),
  }),
  venueVisits: endpoint({
    method: 'GET',
    path: '/api/venues/:id/visits',
    tag: 'reports',
    description: "A venue's in/out list for a range of days as CSV or XLSX (its manager, officials over it).",
    params: IdParam,
    query: z.object({ ...DayRange, format: z.enum(LIST_FORMATS).default('csv') }),
  }),
  startExport: endpoint({
    method: 'POST',
    path: '/api/exports',
    tag: 'reports',
    description:
      'Starts an export in the background; poll GET /api/exports/{id} for progress, then download /file.',
    body: ExportRequest,
    responses: { 202: Started },
  }),
  exportStatus: endpoint({
    method: 'GET',
    path: '/api/exports/:id',
    tag: 'reports',
    params: UuidParam,
    responses: { 200: ExportJob },
  }),
  exportFile: endpoint({ method: 'GET', path: '/api/exports/:id/file', tag: 'reports', params: UuidParam }),
  importVenues: endpoint({
    method: 'POST',
    path: '/api/imports/venues',
    tag: 'reports',
    description:
      'Officials register many venues from a CSV (header: name, category, adminUnitCode, address, contactName, contactPhone[, capacity, managerPassword]). Runs as a job: poll GET /api/exports/{id}; its file is the per-row report.',
    body: z.object({ csv: z.string().min(1).max(IMPORT_BODY_LIMIT) }),
    responses: { 202: Started },
  }),
};
