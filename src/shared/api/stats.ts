/** Dashboard statistics (F9) and the population figures behind the card issuance rate. */
import { z } from 'zod';
import { AdminUnitCode, CHANNELS, decimalInt, ScopeCode } from '../contracts.js';
import { DayRange } from './common.js';
import { endpoint } from './endpoint.js';

/** `from`–`to` inclusive local days; both default to today, `from` defaults to `to`. */
export const DateRangeQuery = z.object({ adminUnit: ScopeCode.optional(), ...DayRange });

/** Largest registered population of a unit. */
export const MAX_POPULATION = 20_000_000;
export const PopulationUpdate = z.object({ population: z.number().int().positive().max(MAX_POPULATION) });

/** Check-in counts, per channel too (every channel of CHANNELS has its key). */
export const CheckInCounts = z.object({
  total: z.number(),
  electronic: z.number().describe('every channel but paper'),
  paper: z.number(),
  byChannel: z.object(
    Object.fromEntries(CHANNELS.map((c) => [c, z.number()])) as Record<
      (typeof CHANNELS)[number],
      z.ZodNumber
    >,
  ),
});
export type CheckInCounts = z.infer<typeof CheckInCounts>;

const DeclarationCounts = z.object({
  total: z.number(),
  flagged: z.number(),
  arrivals: z.number().describe('arrival declarations (F21) of people staying in the unit, by arrival day'),
  unassigned: z
    .number()
    .optional()
    .describe('country level only: declarations in no province (no venue, no home unit given)'),
});

/**
 * Where a dashboard's figures were read (F9 behind a replica, API v1.1 READ_DATABASE_URL): the replica
 * when it is within READ_MAX_LAG_SECONDS of the primary, else the primary, live.
 */
export const ReadFrom = z.object({
  source: z.enum(['replica', 'primary']),
  reason: z
    .enum(['no_replica', 'replica_lagging', 'replica_unavailable'])
    .nullable()
    .describe('why the primary answered (null: the replica did)'),
  lagSeconds: z.number().nullable().describe("the replica's delay when last measured (null: unknown)"),
});
export type ReadFrom = z.infer<typeof ReadFrom>;

const Figures = {
  venues: z.object({
    registered: z.number(),
    active: z.number().describe('≥ 1 check-in in the range'),
    suspended: z.number(),
  }),
  checkIns: CheckInCounts,
  uniquePeople: z.number(),
  declarations: DeclarationCounts,
  cards: z.object({
    issued: z.number().describe('first cards issued in the range'),
    issuedToDate: z.number().describe('first cards issued up to `to`'),
    population: z.number().nullable().describe('registered population entered by officials'),
    issuanceRate: z.number().nullable().describe('issuedToDate / population'),
  }),
};
export const UnitFigures = z.object(Figures);
export type UnitFigures = z.infer<typeof UnitFigures>;

export const UnitStats = z.object({
  adminUnit: z.string(),
  adminUnitName: z.string(),
  level: z.number().describe('0 country, 1 province, 2 district, 3 commune'),
  from: z.string(),
  to: z.string(),
  ...Figures,
  readFrom: ReadFrom,
  uniquePeopleEstimated: z
    .boolean()
    .describe(
      'uniquePeople (here and in children) is a sketch estimate, standard error 1.6 %, not an exact count',
    ),
  todayCountedAt: z
    .string()
    .nullable()
    .describe(
      "the country view: today's figures are the roll-up job's snapshot counted at this instant (at most ten minutes old); null when counted live",
    ),
  children: z.array(z.object({ code: z.string(), name: z.string(), ...Figures })),
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      venues: z.object({ registered: z.number(), active: z.number() }),
      checkIns: CheckInCounts,
    }),
  ),
  days: z.array(
    z.object({
      date: z.string(),
      activeVenues: z.number(),
      checkIns: CheckInCounts,
      declarations: DeclarationCounts,
    }),
  ),
});
export type UnitStats = z.infer<typeof UnitStats>;

export const VenueRow = z.object({
  venueId: z.number(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  adminUnitCode: z.string(),
  status: z.enum(['active', 'suspended']),
  createdAt: z.string(),
  total: z.number(),
  electronic: z.number(),
  paper: z.number(),
  lastCheckInAt: z.string().nullable(),
});
export type VenueRow = z.infer<typeof VenueRow>;

export const statsApi = {
  unit: endpoint({
    method: 'GET',
    path: '/api/stats',
    tag: 'statistics',
    description:
      "Dashboard figures of a unit (default: the caller's) for local days `from`–`to` (inclusive; default today), with breakdowns per child unit, venue category and day. `adminUnit=VN`: the whole country (admin).",
    query: DateRangeQuery,
    responses: { 200: UnitStats },
  }),
  venues: endpoint({
    method: 'GET',
    path: '/api/stats/venues',
    tag: 'statistics',
    description:
      'Every venue of the unit with its check-ins in the range (silent venues with 0), busiest first.',
    query: DateRangeQuery.extend({ limit: decimalInt(1, 20_000).optional() }),
    responses: {
      200: z.object({
        adminUnit: z.string(),
        adminUnitName: z.string(),
        from: z.string(),
        to: z.string(),
        readFrom: ReadFrom,
        items: z.array(VenueRow),
      }),
    },
  }),
  setPopulation: endpoint({
    method: 'PUT',
    path: '/api/admin-units/:code/population',
    tag: 'statistics',
    description:
      'Registered population of a unit (officials over it): the denominator of the card issuance rate.',
    params: z.object({ code: AdminUnitCode }),
    body: PopulationUpdate,
    responses: { 200: z.object({ code: z.string(), population: z.number() }) },
  }),
};
