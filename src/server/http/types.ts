import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decimalInt } from '../../shared/contracts.js';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A numeric record id in a path: plain decimal digits only (`0x10`, `1e1`, ` 1` name nothing: 404). */
export const IdParam = z.object({ id: decimalInt(1, Number.MAX_SAFE_INTEGER) });
export const UuidParam = z.object({ id: z.uuid() });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({ path: z.string().optional(), code: z.string(), message: z.string().optional() }),
    ),
    requestId: z.string().optional(),
  }),
});

/** ISO-8601 instant with offset, as every timestamp in the API. */
export const Instant = z.string().describe('ISO-8601 timestamp');

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
