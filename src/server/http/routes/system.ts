import { z } from 'zod';
import { withTimeLimit } from '../../db/failures.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../services/context.js';
import { DATABASE_RETRY_SECONDS } from '../plugins/errors.js';
import { publicRoute, type ZodApp } from '../types.js';

/** The health check answers within 2 s whatever the database does. */
const HEALTH_DB_LIMIT_MS = 1500;

export function systemRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/health',
    {
      config: publicRoute(),
      schema: {
        tags: ['system'],
        description:
          'Ready when 200. 503 `database_unavailable` when the database does not answer within 1.5 s, ' +
          '503 `storage_full` when the embedded database is below its free-space floor.',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async (req) => {
      await withTimeLimit(ctx.db.query('SELECT 1'), HEALTH_DB_LIMIT_MS, 'health check').catch(
        (err: unknown) => {
          req.log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'health: database');
          throw new AppError(
            'database_unavailable',
            [{ path: 'db', code: 'unreachable' }],
            DATABASE_RETRY_SECONDS,
          );
        },
      );
      const disk = ctx.diskFloor?.check();
      if (disk?.low) {
        req.log.warn(
          { freeBytes: disk.freeBytes, floorBytes: disk.floorBytes },
          'health: disk below the floor',
        );
        throw new AppError('storage_full', [{ path: 'disk', code: 'below_floor' }], 60);
      }
      return { status: 'ok' as const, db: ctx.db.kind };
    },
  );
}
