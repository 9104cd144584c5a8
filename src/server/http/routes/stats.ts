import { z } from 'zod';
import { AdminUnitCode, DateRangeQuery, decimalInt, PopulationUpdate } from '../../../shared/contracts.js';
import { venueCategoryName } from '../../../shared/venue-categories.js';
import type { ServiceContext } from '../../services/context.js';
import * as stats from '../../services/stats.js';
import { languageOf } from '../messages.js';
import { iso, isoOrNull, type ZodApp } from '../types.js';

const CheckIns = z.object({
  total: z.number(),
  electronic: z.number().describe('every channel but paper'),
  paper: z.number(),
  byChannel: z.object({
    qr_self: z.number(),
    qr_staff: z.number(),
    kiosk: z.number(),
    paper: z.number(),
    on_behalf: z.number(),
  }),
});
const Figures = {
  venues: z.object({
    registered: z.number(),
    active: z.number().describe('≥ 1 check-in in the range'),
    suspended: z.number(),
  }),
  checkIns: CheckIns,
  uniquePeople: z.number(),
  declarations: z.object({ total: z.number(), flagged: z.number() }),
  cards: z.object({
    issued: z.number().describe('first cards issued in the range'),
    issuedToDate: z.number().describe('first cards issued up to `to`'),
    population: z.number().nullable().describe('registered population entered by officials'),
    issuanceRate: z.number().nullable().describe('issuedToDate / population'),
  }),
};

const StatsAnswer = z.object({
  adminUnit: z.string(),
  adminUnitName: z.string(),
  level: z.number().describe('0 country, 1 province, 2 district, 3 commune'),
  from: z.string(),
  to: z.string(),
  ...Figures,
  uniquePeopleEstimated: z
    .boolean()
    .describe(
      'uniquePeople (here and in children) is a sketch estimate, standard error 1.6 %, not an exact count',
    ),
  children: z.array(z.object({ code: z.string(), name: z.string(), ...Figures })),
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      venues: z.object({ registered: z.number(), active: z.number() }),
      checkIns: CheckIns,
    }),
  ),
  days: z.array(
    z.object({
      date: z.string(),
      activeVenues: z.number(),
      checkIns: CheckIns,
      declarations: z.object({ total: z.number(), flagged: z.number() }),
    }),
  ),
});

const VenueTable = z.object({
  adminUnit: z.string(),
  adminUnitName: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
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
    }),
  ),
});

export function statsRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/stats',
    {
      schema: {
        tags: ['statistics'],
        description:
          "Dashboard figures of a unit (default: the caller's) for local days `from`–`to` (inclusive; default today), with breakdowns per child unit, venue category and day. `adminUnit=VN`: the whole country (admin).",
        querystring: DateRangeQuery,
        response: { 200: StatsAnswer },
      },
    },
    async (req) => {
      const report = await stats.unitStats(ctx, await req.actor(), req.query);
      const lang = languageOf(req.headers['accept-language']);
      return {
        ...report,
        categories: report.categories.map((c) => ({ ...c, name: venueCategoryName(c.code, lang) })),
      };
    },
  );

  app.get(
    '/api/stats/venues',
    {
      schema: {
        tags: ['statistics'],
        description:
          'Every venue of the unit with its check-ins in the range (silent venues with 0), busiest first.',
        querystring: DateRangeQuery.extend({ limit: decimalInt(1, 20_000).optional() }),
        response: { 200: VenueTable },
      },
    },
    async (req) => {
      const table = await stats.venueStats(ctx, await req.actor(), req.query);
      const lang = languageOf(req.headers['accept-language']);
      return {
        ...table,
        items: table.items.map((v) => ({
          ...v,
          categoryName: venueCategoryName(v.category, lang),
          createdAt: iso(v.createdAt),
          lastCheckInAt: isoOrNull(v.lastCheckInAt),
        })),
      };
    },
  );

  app.put(
    '/api/admin-units/:code/population',
    {
      schema: {
        tags: ['statistics'],
        description:
          'Registered population of a unit (officials over it): the denominator of the card issuance rate.',
        params: z.object({ code: AdminUnitCode }),
        body: PopulationUpdate,
        response: { 200: z.object({ code: z.string(), population: z.number() }) },
      },
    },
    async (req) => {
      const unit = await stats.setUnitPopulation(
        ctx,
        await req.actor(),
        req.params.code,
        req.body.population,
      );
      return { code: unit.code, population: req.body.population };
    },
  );
}
