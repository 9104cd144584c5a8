/**
 * Per-address limits hold across app nodes (issue 17): two apps on one PostgreSQL database count the
 * same address together. (The embedded database runs one node: its limits stay in memory.)
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { SharedRateCounters } from '../../src/server/services/rate-counters.js';
import { ADMIN, call, startTestApp, type TestApp } from '../support/app.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('limits shared by two app nodes on one database', () => {
  let t: TestApp;
  let second: FastifyInstance;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '5' });
    second = await buildApp(t.ctx);
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const login = (node: FastifyInstance, from: string) =>
    call(node, 'POST', '/api/auth/login', { body: { ...ADMIN, password: 'not-it' }, from });

  it('the login limit counts an address on every node together', async () => {
    const from = '203.0.113.90';
    // Seven logins (a password hash each) counted in one window: the apps' clock stands still.
    const statuses = [];
    for (const node of [t.app, t.app, t.app, second, second, second, t.app])
      statuses.push((await login(node, from)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another address is not touched by it.
    expect((await login(second, '203.0.113.91')).status).toBe(401);
  });

  it('still counts the requests a merge is sending while it is under way', async () => {
    const at = () => t.ctx.now().getTime();
    const a = new SharedRateCounters(t.ctx.db, at);
    try {
      const key = `GET /api/y 198.51.100.${Date.now() % 200}`;
      for (let i = 0; i < 5; i++) await a.increment(key, 60_000, 6000);
      const merging = a.merge();
      // The five are on their way to the database: a request now must not slip under the limit.
      expect((await a.increment(key, 60_000, 6000)).current).toBe(6);
      await merging;
      expect((await a.increment(key, 60_000, 6000)).current).toBe(7);
    } finally {
      a.stop();
    }
  });

  it('generous limits are merged between nodes within a fraction of a second', async () => {
    // One instant for both: the eleven requests fall in one window whenever the test runs.
    const at = () => t.ctx.now().getTime();
    const a = new SharedRateCounters(t.ctx.db, at);
    const b = new SharedRateCounters(t.ctx.db, at);
    try {
      const key = `GET /api/x 198.51.100.${Date.now() % 200}`;
      for (let i = 0; i < 10; i++) await a.increment(key, 60_000, 6000);
      // Counted locally: no database call on the request path.
      expect((await b.increment(key, 60_000, 6000)).current).toBe(1);
      await a.merge();
      await b.merge();
      // b's next merge sent its one request and learnt a's ten.
      expect((await b.increment(key, 60_000, 6000)).current).toBe(12);
    } finally {
      a.stop();
      b.stop();
    }
  });
});
