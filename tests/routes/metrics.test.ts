/**
 * GET /metrics (issue 14): what a province's Prometheus reads from each node, behind METRICS_TOKEN,
 * labelled by route pattern so no code or identifier from a URL ends up in the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/config.js';
import { call, checkInBody, registerVenue, startTestApp, type TestApp } from '../support/app.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN: TOKEN });
});
afterAll(() => t.close());

describe('GET /metrics', () => {
  it('asks for the token, and refuses a wrong one', async () => {
    const none = await call(t.app, 'GET', '/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(none.body.error.code).toBe('not_logged_in');
    expect((await call(t.app, 'GET', '/metrics', bearer(TOKEN.slice(0, -1) + 'x'))).status).toBe(401);
    expect((await call(t.app, 'GET', '/metrics', bearer(TOKEN + 'x'))).status).toBe(401);
  });

  it('counts requests per route pattern with their latency, and check-in batches', async () => {
    const venue = await registerVenue(t.app);
    for (let i = 0; i < 3; i++) {
      const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
      expect(res.status).toBe(201);
    }
    await call(t.app, 'GET', `/c/${venue.code}`);
    const res = await call(t.app, 'GET', '/metrics', bearer(TOKEN));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = String(res.body);
    expect(text).toContain(
      'http_request_duration_seconds_count{method="POST",route="/api/check-ins",status="201"} 3',
    );
    expect(text).toContain('route="/c/:code"');
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.15",method="POST",route="\/api\/check-ins"/,
    );
    expect(text).toMatch(/db_batch_size_count\{batcher="check_in_write"\} [1-3]\n/);
    // Route patterns only: the venue's code never appears.
    expect(text).not.toContain(venue.code);
    if (t.ctx.db.kind === 'postgres') expect(text).toMatch(/db_pool_connections\{state="max"\} \d+/);
  });

  it('counts job runs and their outcome', async () => {
    await t.ctx.metrics.job('retention', async () => 1);
    await expect(
      t.ctx.metrics.job('retention', async () => {
        throw new Error('disk');
      }),
    ).rejects.toThrow('disk');
    const text = String((await call(t.app, 'GET', '/metrics', bearer(TOKEN))).body);
    expect(text).toContain('job_runs_total{job="retention",outcome="ok"} 1');
    expect(text).toContain('job_runs_total{job="retention",outcome="failed"} 1');
    expect(text).toMatch(/job_last_success_timestamp_seconds\{job="retention"\} \d+/);
  });
});

describe('without METRICS_TOKEN', () => {
  it('has no /metrics at all, and a short token is refused at start', async () => {
    const plain = await startTestApp();
    try {
      expect((await call(plain.app, 'GET', '/metrics', bearer(TOKEN))).status).toBe(404);
    } finally {
      await plain.close();
    }
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });
});
