import type { z } from 'zod';
import { statsApi } from '../../../shared/api/stats.js';
import { venueCategoryName } from '../../../shared/venue-categories.js';
import type { ServiceContext } from '../../services/context.js';
import * as stats from '../../services/stats.js';
import { languageOf } from '../messages.js';
import { iso, isoOrNull, routeOf, sendContractJson, type ZodApp } from '../types.js';

export function statsRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(statsApi.unit),
    handler: async (req) => {
      const report = await stats.unitStats(ctx, await req.actor(), req.query);
      const lang = languageOf(req.headers['accept-language']);
      return {
        ...report,
        todayCountedAt: isoOrNull(report.todayCountedAt),
        categories: report.categories.map((c) => ({ ...c, name: venueCategoryName(c.code, lang) })),
      };
    },
  });

  app.route({
    ...routeOf(statsApi.venues),
    handler: async (req, reply) => {
      const table = await stats.venueStats(ctx, await req.actor(), req.query);
      const lang = languageOf(req.headers['accept-language']);
      // Thousands of rows, each field named (typed with the contract), sent without a second check.
      const body: z.infer<(typeof statsApi.venues.responses)[200]> = {
        adminUnit: table.adminUnit,
        adminUnitName: table.adminUnitName,
        from: table.from,
        to: table.to,
        readFrom: table.readFrom,
        items: table.items.map((v) => ({
          venueId: v.venueId,
          name: v.name,
          category: v.category,
          categoryName: venueCategoryName(v.category, lang),
          adminUnitCode: v.adminUnitCode,
          status: v.status,
          createdAt: iso(v.createdAt),
          total: v.total,
          electronic: v.electronic,
          paper: v.paper,
          lastCheckInAt: isoOrNull(v.lastCheckInAt),
        })),
      };
      return sendContractJson(reply, JSON.stringify(body));
    },
  });

  app.route({
    ...routeOf(statsApi.setPopulation),
    handler: async (req) => {
      const unit = await stats.setUnitPopulation(
        ctx,
        await req.actor(),
        req.params.code,
        req.body.population,
      );
      return { code: unit.code, population: req.body.population };
    },
  });
}
