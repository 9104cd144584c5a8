import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Endpoint } from '../../shared/api/endpoint.js';
import { isoInstant } from '../domain/instant.js';

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

/**
 * Sends JSON text that is already in the shape of the endpoint's 200 answer, without the run-time
 * schema check and second serialisation (for answers of hundreds of rows on hot paths: written by the
 * database, or built by a function typed with the contract's type, listing every field). A route test
 * pins each use to the contract: the schema's `parse` of the body equals the body (no field more or less).
 */
export function sendContractJson(reply: FastifyReply, json: string | Buffer) {
  return reply
    .type('application/json; charset=utf-8')
    .serializer((text: string) => text)
    .send(json as never);
}

export const iso = (d: Date) => isoInstant(d);
export const isoOrNull = (d: Date | null) => (d ? isoInstant(d) : null);

/**
 * Route config of an endpoint anyone may call (no login), optionally limited per client address
 * (the address TRUST_PROXY establishes) to `perMinute` requests.
 */
export const publicRoute = (perMinute?: number) => ({
  access: 'public' as const,
  ...(perMinute ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}),
});
