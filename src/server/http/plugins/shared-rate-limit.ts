/**
 * @fastify/rate-limit counting in the counters every node shares (services/rate-counters.ts): one
 * store per route, its method and path naming the counters, keyed by the client address the plugin
 * gives (the one TRUST_PROXY establishes).
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { SharedRateCounters } from '../../services/rate-counters.js';

export function sharedRateLimitStore(counters: SharedRateCounters): FastifyRateLimitStoreCtor {
  const storeFor = (route: string): FastifyRateLimitStore => ({
    incr(key, done, windowMs, max) {
      counters.increment(`${route} ${key}`, windowMs, max).then(
        (count) => done(null, count),
        (err: Error) => done(err),
      );
    },
    child(options) {
      // The plugin hands each route's merged options with the route itself as `routeInfo`.
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return storeFor(`${[route?.method].flat().join(',')} ${route?.url ?? ''}`);
    },
  });
  return function SharedStore() {
    return storeFor('');
  } as unknown as FastifyRateLimitStoreCtor;
}
