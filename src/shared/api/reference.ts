/** Reference lists: administrative units, venue categories; and the health check. */
import { z } from 'zod';
import { AdminUnitCode } from '../contracts.js';
import { IdParam, Instant, itemsOf } from './common.js';
import { endpoint } from './endpoint.js';

export const AdminUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentCode: z.string().nullable(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

const NamedUnit = z.object({ code: z.string(), name: z.string() });

export const UnitReview = z.object({
  id: z.number(),
  subject: z.enum(['venue', 'account']),
  subjectId: z.number(),
  /** The venue's name or the account's username. */
  subjectName: z.string(),
  old: NamedUnit.describe('the unit of the older list'),
  chosen: NamedUnit.describe('the unit the upgrade chose (or the correction)'),
  candidates: z.array(NamedUnit).describe('the new units the old unit went to, best first'),
  reason: z.enum(['split', 'district', 'not_in_mapping']),
  resolvedAt: Instant.nullable(),
});
export type UnitReview = z.infer<typeof UnitReview>;

export const referenceApi = {
  adminUnits: endpoint({
    method: 'GET',
    path: '/api/admin-units',
    tag: 'reference',
    description:
      'Children of `parent`, or the top level (provinces) without it, in the list in use, or in an older loaded `version` (read only). ' +
      '`levels`: how many levels the list has (2: province → ward; 3: province → district → commune).',
    query: z.object({ parent: AdminUnitCode.optional(), version: z.string().max(40).optional() }),
    responses: {
      200: itemsOf(AdminUnit).extend({ version: z.string(), levels: z.number() }),
    },
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
  unitReviews: endpoint({
    method: 'GET',
    path: '/api/admin-units/reviews',
    tag: 'reference',
    description:
      "Venues and accounts whose new unit an admin-unit upgrade had to choose (an old commune split among several wards, an old district, a commune the mapping does not name), within the caller's area; and the upgrades done. Admin and officials.",
    query: z.object({ state: z.enum(['open', 'all']).default('open') }),
    responses: {
      200: itemsOf(UnitReview).extend({
        upgrades: z.array(
          z.object({
            fromVersion: z.string(),
            toVersion: z.string(),
            doneAt: Instant,
            moved: z.record(z.string(), z.number()),
          }),
        ),
      }),
    },
  }),
  settleUnitReview: endpoint({
    method: 'POST',
    path: '/api/admin-units/reviews/:id',
    tag: 'reference',
    description:
      "Confirms or corrects the unit of a reviewed venue or account: the venue (with its daily figures) or the account scope moves to `adminUnitCode`, a unit of the list in use within the caller's area (a lowest-level one for a venue).",
    params: IdParam,
    body: z.object({ adminUnitCode: AdminUnitCode }),
    responses: { 200: UnitReview },
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
