/**
 * The flags every launch of the server gives node: `npm start` (package.json, where a test keeps the
 * same flags), the deployment's nodes (scripts/cluster/topology.ts) and the server the tests and
 * benchmarks start (tests/support/server-process.ts).
 *
 * --max-semi-space-size=64 (MB, V8's default is 16): the young generation, where a request's
 * short-lived objects live. Under 50 requests at once, each holding hundreds of rows, a small one is
 * collected so often that the rows still in use are copied again and again, then promoted to the old
 * generation and collected there. The crowded tracing bench (341 contacts a request): app CPU 4.07 →
 * 3.05 ms a request, 240 → 301 req/s; peak RSS 300 → 383 MB (bounded: at most 3 × 64 MB young).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
