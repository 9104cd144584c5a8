/**
 * GET /metrics in Prometheus text format for the operator's monitoring, behind the bearer token of
 * METRICS_TOKEN (404 when unset), and the per-request figures it shows: method, route pattern (never
 * the URL itself, which may hold codes), status and duration.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../services/context.js';
import type { ZodApp } from '../types.js';

export const METRICS_PATH = '/metrics';

function bearerMatches(req: FastifyRequest, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function registerMetrics(app: ZodApp, ctx: ServiceContext) {
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === METRICS_PATH) return;
    ctx.metrics.request(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get(METRICS_PATH, { schema: { hide: true } }, async (req, reply) => {
    const token = ctx.config.metricsToken;
    if (!token) throw new AppError('not_found');
    if (!bearerMatches(req, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('not_logged_in');
    }
    reply.header('cache-control', 'no-store').type(ctx.metrics.contentType);
    return ctx.metrics.text();
  });
}
