/** Reference lists: administrative units, venue categories; and the health check. */
import { z } from 'zod';
import { AdminUnitCode } from '../contracts.js';
import { itemsOf } from './common.js';
import { endpoint } from './endpoint.js';

export const AdminUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentCode: z.string().nullable(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

export const referenceApi = {
  adminUnits: endpoint({
    method: 'GET',
    path: '/api/admin-units',
    tag: 'reference',
    description: 'Children of `parent`, or the top level (provinces) without it.',
    query: z.object({ parent: AdminUnitCode.optional() }),
    responses: { 200: itemsOf(AdminUnit) },
  }),
  resolve: endpoint({
    method: 'GET',
    path: '/api/admin-units/resolve',
    tag: 'reference',
    description:
      'What a code names in the current list (`ADMIN_UNITS_VERSION`): the unit itself, or, for a code of an older list (a 2021 commune, district or province), the unit(s) it went to, best match first (`rank` 1). 404 when no loaded list knows the code.',
    query: z.object({ code: AdminUnitCode }),
    responses: {
      200: z.object({
        code: z.string(),
        version: z.string().describe('the list the code belongs to'),
        name: z.string(),
        units: z.array(AdminUnit.extend({ rank: z.number() })),
      }),
    },
  }),
  venueCategories: endpoint({
    method: 'GET',
    path: '/api/venue-categories',
    tag: 'reference',
    responses: { 200: itemsOf(z.object({ code: z.string(), name: z.string() })) },
  }),
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    tag: 'system',
    description:
      'Ready when 200. 503 `database_unavailable` when the database does not answer within 1.5 s, ' +
      '503 `storage_full` when the embedded database is below its free-space floor.',
    responses: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
  }),
};
