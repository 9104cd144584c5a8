import { statsApi } from '../../../shared/api/stats.js';
import { venueCategoryName } from '../../../shared/venue-categories.js';
import type { ServiceContext } from '../../services/context.js';
import * as stats from '../../services/stats.js';
import { languageOf } from '../messages.js';
import { iso, isoOrNull, routeOf, type ZodApp } from '../types.js';

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
    handler: async (req) => {
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
