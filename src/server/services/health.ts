/**
 * Is this node ready to serve? The database answers within HEALTH_DB_LIMIT_MS and the embedded
 * database's disk is above its floor. Also the error handler's question: was a failure the database's?
 */
import { withTimeLimit } from '../db/failures.js';
import { AppError, DATABASE_RETRY_SECONDS, STORAGE_RETRY_SECONDS } from '../errors.js';
import type { ServiceContext } from './context.js';

export { unavailability } from '../db/failures.js';

/** The health check answers within 2 s whatever the database does. */
const HEALTH_DB_LIMIT_MS = 1500;

export async function checkHealth(
  ctx: ServiceContext,
  log: (problem: string, details: Record<string, unknown>) => void,
): Promise<{ status: 'ok'; db: 'pglite' | 'postgres' }> {
  await withTimeLimit(ctx.db.query('SELECT 1'), HEALTH_DB_LIMIT_MS, 'health check').catch((err: unknown) => {
    log('health: database', { reason: err instanceof Error ? err.message : String(err) });
    throw new AppError('database_unavailable', [{ path: 'db', code: 'unreachable' }], DATABASE_RETRY_SECONDS);
  });
  const disk = ctx.diskFloor?.check();
  if (disk?.low) {
    log('health: disk below the floor', { freeBytes: disk.freeBytes, floorBytes: disk.floorBytes });
    throw new AppError('storage_full', [{ path: 'disk', code: 'below_floor' }], STORAGE_RETRY_SECONDS);
  }
  return { status: 'ok', db: ctx.db.kind };
}
