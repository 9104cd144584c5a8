import { z } from 'zod';
import { AdminUnitCode } from '../../../shared/contracts.js';
import { VENUE_CATEGORIES } from '../../../shared/venue-categories.js';
import { listChildren } from '../../services/admin-units.js';
import type { ServiceContext } from '../../services/context.js';
import { languageOf } from '../messages.js';
import { publicRoute, type ZodApp } from '../types.js';

export function referenceRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/admin-units',
    {
      config: publicRoute(),
      schema: {
        tags: ['reference'],
        description: 'Children of `parent`, or the top level (provinces) without it.',
        querystring: z.object({ parent: AdminUnitCode.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                level: z.number(),
                parentCode: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { items: await listChildren(ctx.db, ctx.config.adminUnitsVersion, req.query.parent ?? null) };
    },
  );

  app.get(
    '/api/venue-categories',
    {
      config: publicRoute(),
      schema: {
        tags: ['reference'],
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
      },
    },
    async (req) => {
      const lang = languageOf(req.headers['accept-language']);
      return { items: VENUE_CATEGORIES.map((c) => ({ code: c.code, name: c[lang] })) };
    },
  );
}
