/**
 * Requests a node cannot serve well are answered at once in the contract's shape, before any work:
 * - a node that is stopping answers 503 `shutting_down` (and closes the connection), so a client or a
 *   load balancer tries another node, while requests already running finish;
 * - while DATA_DIR is below its free-space floor, writes get 503 `storage_full` (reads still work).
 */
import type { FastifyInstance } from 'fastify';
import { AppError, SHUTDOWN_RETRY_SECONDS, STORAGE_RETRY_SECONDS } from '../../errors.js';
import type { ServiceContext } from '../../services/context.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAvailability(app: FastifyInstance, ctx: ServiceContext) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (req, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new AppError('shutting_down', [], SHUTDOWN_RETRY_SECONDS);
    }
    if (!READS.has(req.method) && ctx.diskFloor?.current.low) {
      throw new AppError('storage_full', [], STORAGE_RETRY_SECONDS);
    }
  });
}
