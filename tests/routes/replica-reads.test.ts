/**
 * Where dashboards read when READ_DATABASE_URL names a server that cannot serve as a replica: a server
 * that is down, or one that is not in recovery (a primary). Reads go to the primary and say why. (A
 * real streaming replica, lagging and caught up, is in tests/cluster.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, login, startTestApp, type TestApp } from '../support/app.js';
import { freePort } from '../support/server-process.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe('dashboards without a replica', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('read the one database and say there is no replica', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    for (const path of ['/api/stats?adminUnit=VN', '/api/stats/venues?adminUnit=01']) {
      const res = await call(t.app, 'GET', path, { cookie: admin });
      expect(res.status).toBe(200);
      expect(res.body.readFrom).toEqual({ source: 'primary', reason: 'no_replica', lagSeconds: null });
    }
  });
});

describe.skipIf(!onPostgres)('a replica that cannot serve', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  const figures = async (app: TestApp) => {
    const admin = await login(app.app, ADMIN.username, ADMIN.password);
    const res = await call(app.app, 'GET', '/api/stats?adminUnit=VN', { cookie: admin });
    expect(res.status).toBe(200);
    return res.body as { readFrom: unknown; venues: { registered: number } };
  };

  // The node starts all the same: a replica it can do without is not waited for.
  it('down: the primary answers, within the time a dashboard can wait', async () => {
    t = await startTestApp();
    const url = new URL(t.ctx.config.databaseUrl!);
    url.port = String(await freePort());
    t = await t.restart({ READ_DATABASE_URL: url.toString() });
    const started = Date.now();
    const f = await figures(t);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(f.readFrom).toEqual({ source: 'primary', reason: 'replica_unavailable', lagSeconds: null });
  });

  it('not in recovery (a primary named by mistake): never read as a replica', async () => {
    t = await t.restart({ READ_DATABASE_URL: t.ctx.config.databaseUrl! });
    const f = await figures(t);
    expect(f.readFrom).toMatchObject({ source: 'primary', reason: 'replica_unavailable' });
  });
});
