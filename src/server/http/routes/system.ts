import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { publicRoute, type ZodApp } from '../types.js';

export function systemRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/health',
    {
      config: publicRoute(),
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      return { status: 'ok' as const, db: ctx.db.kind };
    },
  );
}
