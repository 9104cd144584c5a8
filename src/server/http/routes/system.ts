import { referenceApi } from '../../../shared/api/reference.js';
import { withTimeLimit } from '../../db/failures.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../services/context.js';
import { DATABASE_RETRY_SECONDS } from '../plugins/errors.js';
import { publicRoute, routeOf, type ZodApp } from '../types.js';

/** The health check answers within 2 s whatever the database does. */
const HEALTH_DB_LIMIT_MS = 1500;

export function systemRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(referenceApi.health),
    config: publicRoute(),
    handler: async (req) => {
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
  });
}
