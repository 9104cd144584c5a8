import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Endpoint } from '../../shared/api/endpoint.js';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * The route of a shared endpoint (src/shared/api): method, path and schemas come from the contract, so
 * validation, OpenAPI, serialisation and the web client cannot drift apart. Spread it into
 * `app.route({ ...routeOf(endpoint), config, handler })`.
 */
export function routeOf<E extends Endpoint>(e: E) {
  const schema = {
    tags: [e.tag],
    description: e.description,
    params: e.params as E['params'],
    querystring: e.query as E['query'],
    body: e.body as E['body'],
    response: e.responses as E['responses'],
  };
  // Fastify warns about schema keys present without a schema.
  for (const key of Object.keys(schema) as (keyof typeof schema)[]) {
    if (schema[key] === undefined) delete schema[key];
  }
  return { method: e.method, url: e.path, schema };
}

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Route config of an endpoint anyone may call (no login), optionally limited per client address
 * (the address TRUST_PROXY establishes) to `perMinute` requests.
 */
export const publicRoute = (perMinute?: number) => ({
  access: 'public' as const,
  ...(perMinute ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}),
});
