import type { z } from 'zod';
import { statsApi } from '../../../shared/api/stats.js';
import { venueCategoryName } from '../../../shared/venue-categories.js';
import type { ServiceContext } from '../../services/context.js';
import * as stats from '../../services/stats.js';
import type { VenueFigures } from '../../services/stats.js';
import { isoInstant } from '../../domain/instant.js';
import { jsonInstant, JsonBytes, type WritesExactly } from '../../domain/json-bytes.js';
import { languageOf, type Lang } from '../messages.js';
import { isoOrNull, routeOf, sendContractJson, type ZodApp } from '../types.js';

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
      const { items, ...head } = await stats.venueStats(ctx, await req.actor(), req.query);
      const lang = languageOf(req.headers['accept-language']);
      const out = new JsonBytes(512 + items.length * 320).write(
        `${JSON.stringify(head).slice(0, -1)},"items":`,
      );
      writeVenueItems(out, items, lang);
      return sendContractJson(reply, out.write('}').toBuffer());
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

type VenueItem = z.infer<(typeof statsApi.venues.responses)[200]>['items'][number];
/** The keys `writeVenueItems` writes for a venue. */
type WrittenKeys =
  | 'venueId'
  | 'name'
  | 'category'
  | 'categoryName'
  | 'adminUnitCode'
  | 'status'
  | 'createdAt'
  | 'total'
  | 'electronic'
  | 'paper'
  | 'lastCheckInAt';
// A key of the contract's item not written, or one written that it lacks, is a compile error here.
const writesEveryKey: WritesExactly<VenueItem, WrittenKeys> = true;
void writesEveryKey;

/**
 * The per-venue table's items as the contract's JSON, thousands of rows written straight into bytes
 * (JSON.stringify of the row objects took ≈ 15 ms for Hồ Chí Minh's 5,040 venues). Names, codes and
 * category names go through JSON.stringify; a route test pins the answer to the contract.
 */
function writeVenueItems(out: JsonBytes, items: readonly VenueFigures[], lang: Lang) {
  const categoryNames = new Map<string, string>();
  const categoryName = (code: string) => {
    let text = categoryNames.get(code);
    if (text === undefined) categoryNames.set(code, (text = JSON.stringify(venueCategoryName(code, lang))));
    return text;
  };
  out.writeArray(
    items,
    (v) =>
      `{"venueId":${v.venueId},"name":${JSON.stringify(v.name)},"category":${JSON.stringify(v.category)},` +
      `"categoryName":${categoryName(v.category)},"adminUnitCode":${JSON.stringify(v.adminUnitCode)},` +
      `"status":"${v.status}","createdAt":"${isoInstant(v.createdAt)}","total":${v.total},` +
      `"electronic":${v.electronic},"paper":${v.paper},"lastCheckInAt":${jsonInstant(v.lastCheckInAt)}}`,
  );
}
