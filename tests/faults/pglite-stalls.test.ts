/**
 * The embedded database when it cannot keep up or cannot write: a call stuck behind the engine gets
 * 503 `database_unavailable` within its time limit instead of hanging, and below the free-space floor
 * writes are refused with 503 `storage_full` while reads go on, until space is freed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskFloor } from '../../src/server/db/disk-floor.js';
import { call, checkInBody, registerVenue, startTestApp, type TestApp } from '../support/app.js';

const MB = 1024 * 1024;
let t: TestApp;
let venue: Awaited<ReturnType<typeof registerVenue>>;
beforeAll(async () => {
  t = await startTestApp({ DB_QUERY_TIMEOUT_MS: '1000' });
  venue = await registerVenue(t.app);
});
afterAll(() => t.close());

// PGlite is one session, so held work stalls every other call (PostgreSQL's stall: postgres-outages).
describe.runIf(!process.env.TEST_DATABASE_URL)('an embedded database that does not answer in time', () => {
  it('answers 503 database_unavailable with Retry-After after the time limit, then recovers', async () => {
    // Another piece of work holds the database (PGlite: its one session) far longer than the limit.
    let release!: () => void;
    const held = t.ctx.db.withoutTimeLimit().tx(() => new Promise<void>((r) => (release = r)));
    try {
      const started = Date.now();
      const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('database_unavailable');
      expect(res.headers['retry-after']).toBe('5');
      expect(Date.now() - started).toBeLessThan(3000);
      const health = await call(t.app, 'GET', '/api/health');
      expect(health.status).toBe(503);
    } finally {
      release();
      await held;
    }
    expect((await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) })).status).toBe(201);
  });
});

describe('the free-space floor', () => {
  it('refuses writes with 503 storage_full below the floor, keeps reads, and fails the health check', async () => {
    let free = 100 * MB;
    t.ctx.diskFloor = new DiskFloor('.', 256 * MB, () => free);
    try {
      const write = await call(t.app, 'POST', '/api/check-ins', {
        body: checkInBody(venue.code),
        lang: 'en',
      });
      expect(write.status).toBe(503);
      expect(write.body.error.code).toBe('storage_full');
      expect(write.body.error.message).toMatch(/out of disk space/);
      expect(Number(write.headers['retry-after'])).toBeGreaterThan(0);
      expect((await call(t.app, 'GET', `/api/venues/by-code/${venue.code}`)).status).toBe(200);
      const health = await call(t.app, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body.error.code).toBe('storage_full');

      free = 300 * MB;
      t.ctx.diskFloor.check();
      expect((await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) })).status).toBe(
        201,
      );
      expect((await call(t.app, 'GET', '/api/health')).status).toBe(200);
    } finally {
      t.ctx.diskFloor = undefined;
    }
  });

  it('reports each crossing of the floor once, both ways', async () => {
    let free = 300 * MB;
    const floor = new DiskFloor('.', 256 * MB, () => free);
    const heard: boolean[] = [];
    floor.watch(20, (state) => heard.push(state.low));
    try {
      await new Promise((r) => setTimeout(r, 80));
      free = 10 * MB;
      await new Promise((r) => setTimeout(r, 80));
      free = 400 * MB;
      await new Promise((r) => setTimeout(r, 80));
    } finally {
      floor.stop();
    }
    expect(heard).toEqual([true, false]);
  });
});
