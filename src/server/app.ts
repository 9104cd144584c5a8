/**
 * buildApp(deps): the HTTP application without listen(). Tests drive it with app.inject().
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { AppError } from './errors.js';
import { registerAuth } from './http/plugins/auth.js';
import { registerAvailability } from './http/plugins/availability.js';
import { registerCompression } from './http/plugins/compression.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/plugins/errors.js';
import { registerGuard } from './http/plugins/guard.js';
import { registerMetrics } from './http/plugins/metrics.js';
import { redactedRequest } from './http/redaction.js';
import { kioskRoutes } from './http/routes/kiosks.js';
import { authRoutes } from './http/routes/auth.js';
import { checkInRoutes } from './http/routes/check-ins.js';
import { complianceRoutes } from './http/routes/compliance.js';
import { declarationRoutes } from './http/routes/declarations.js';
import { pageRoutes } from './http/routes/pages.js';
import { referenceRoutes } from './http/routes/reference.js';
import { reportRoutes } from './http/routes/reports.js';
import { statsRoutes } from './http/routes/stats.js';
import { tracingRoutes } from './http/routes/tracing.js';
import { systemRoutes } from './http/routes/system.js';
import { userRoutes } from './http/routes/users.js';
import { arrivalRoutes } from './http/routes/arrivals.js';
import { publicVenueRoutes } from './http/routes/public-venues.js';
import { venueRoutes } from './http/routes/venues.js';
import type { ZodApp } from './http/types.js';
import type { ServiceContext } from './services/context.js';
import { SharedRateCounters } from './services/rate-counters.js';
import { sharedRateLimitStore } from './http/plugins/shared-rate-limit.js';

export interface RouteEntry {
  method: string;
  url: string;
}

/** Every route an app serves, in registration order: the authorization matrix test walks it. */
export const routeTables = new WeakMap<object, RouteEntry[]>();

/** Largest JSON body accepted (a declaration with a family is a few kB). */
export const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(ctx: ServiceContext, opts: { logger?: boolean } = {}) {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel, serializers: { req: redactedRequest } } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // The client address of every per-address limit: X-Forwarded-For only from the configured proxies.
    trustProxy: ctx.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
    // A stopping node answers 503 shutting_down in the contract's shape (plugins/availability.ts).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>() as unknown as ZodApp;
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  registerAvailability(app, ctx);
  registerMetrics(app, ctx);
  await app.register(fastifyCookie);
  registerGuard(app, ctx);
  registerCompression(app);
  // Per-address limits; each route names its own limit (see routes). Behind a load balancer, the
  // client address comes from X-Forwarded-For of the proxies in TRUST_PROXY only. On PostgreSQL the
  // counts are shared by every node (services/rate-counters.ts); the embedded database has one node.
  // Windows of the app's clock (a test's clock, when a test moves it).
  const shared =
    ctx.db.kind === 'postgres' ? new SharedRateCounters(ctx.db, () => ctx.now().getTime()) : undefined;
  if (shared) app.addHook('onClose', async () => shared.stop());
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
    ...(shared ? { store: sharedRateLimitStore(shared) } : {}),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'QR check-in and health declaration API',
        description: 'Public HTTP contract (shared/API.md). Errors: {"error":{code,message,details}}.',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAuth(app, ctx);

  systemRoutes(app, ctx);
  authRoutes(app, ctx);
  referenceRoutes(app, ctx);
  venueRoutes(app, ctx);
  publicVenueRoutes(app, ctx);
  kioskRoutes(app, ctx);
  checkInRoutes(app, ctx);
  declarationRoutes(app, ctx);
  arrivalRoutes(app, ctx);
  userRoutes(app, ctx);
  statsRoutes(app, ctx);
  complianceRoutes(app, ctx);
  reportRoutes(app, ctx);
  tracingRoutes(app, ctx);
  pageRoutes(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
