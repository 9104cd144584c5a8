/**
 * A PostgreSQL server that is frozen, stopped, out of connections or not yet up: requests get 503
 * `database_unavailable` with Retry-After within 10 s (never a hang, never a 500), the health check
 * answers within 2 s, and everything recovers on its own. Each test has a server of its own.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareContext } from '../../src/server/bootstrap.js';
import { parseConfig } from '../../src/server/config.js';
import {
  type Call,
  call,
  checkInBody,
  registerVenue,
  startTestApp,
  TEST_SIGNING_KEY,
  type TestApp,
} from '../support/app.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
/** A server's data directory migrated by an app once, then stopped: the tests' servers start on copies. */
let migrated: PostgresServer | undefined;
let server: PostgresServer | undefined;
let t: TestApp | undefined;
afterEach(async () => {
  server?.thaw();
  await t?.close().catch(() => undefined);
  server?.remove();
  [server, t] = [undefined, undefined];
});

async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work;
  return [result, Date.now() - started];
}

/** Retries `attempt` for up to `ms` until it answers `status`. */
async function eventually(attempt: () => Promise<{ status: number }>, status: number, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await attempt();
    if (res.status === status || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Check-ins are recorded again (within 15 s) once the database is back. */
async function expectCheckInsAgain(venueCode: string) {
  const after = await eventually(
    () => call(t!.app, 'POST', '/api/check-ins', { body: checkInBody(venueCode) }),
    201,
  );
  expect(after.status).toBe(201);
}

function expectUnavailable(res: Call) {
  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('database_unavailable');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe.runIf(onPostgres)('PostgreSQL outages', () => {
  beforeAll(async () => {
    migrated = await startPostgresServer();
    await (await startTestApp({ DATABASE_URL: migrated.url })).close();
    migrated.stop();
  }, 60_000);
  afterAll(() => migrated?.remove());
  const startMigratedServer = (settings: string[] = []) =>
    startPostgresServer(settings, { copyOf: migrated!.dataDir });

  it('a frozen server: 503 with Retry-After within 10 s, health within 2 s, recovery when it thaws', async () => {
    server = await startMigratedServer();
    t = await startTestApp({ DATABASE_URL: server.url });
    const venue = await registerVenue(t.app);
    server.freeze();
    const [checkIn, checkInMs] = await timed(
      call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) }),
    );
    expectUnavailable(checkIn);
    expect(checkInMs).toBeLessThan(10_000);
    const [health, healthMs] = await timed(call(t.app, 'GET', '/api/health'));
    expectUnavailable(health);
    expect(health.body.error.details).toEqual([{ path: 'db', code: 'unreachable' }]);
    expect(healthMs).toBeLessThan(2000);

    server.thaw();
    await expectCheckInsAgain(venue.code);
    expect((await call(t.app, 'GET', '/api/health')).status).toBe(200);
  }, 60_000);

  it('a stopped server: 503 database_unavailable, never 500, and back once it runs again', async () => {
    server = await startMigratedServer();
    t = await startTestApp({ DATABASE_URL: server.url });
    const venue = await registerVenue(t.app);
    server.stop();
    for (let i = 0; i < 3; i++) {
      expectUnavailable(await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) }));
    }
    expectUnavailable(await call(t.app, 'GET', '/api/health'));
    server.start();
    await expectCheckInsAgain(venue.code);
  }, 60_000);

  it('a server out of connections: 503 database_unavailable, then served once connections free up', async () => {
    server = await startMigratedServer(['max_connections=6', 'superuser_reserved_connections=0']);
    t = await startTestApp({ DATABASE_URL: server.url });
    const venue = await registerVenue(t.app);
    // Another client takes every connection, the app's own included.
    const hogs: pg.Client[] = [];
    const hog = async () => {
      const c = new pg.Client({ connectionString: server!.url, application_name: 'hog' });
      await c.connect();
      hogs.push(c);
    };
    for (;;) {
      try {
        await hog();
      } catch {
        break;
      }
    }
    await hogs[0]!.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name <> 'hog' AND backend_type = 'client backend'",
    );
    for (let i = 0; i < 10; i++) await hog().catch(() => undefined);

    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(t!.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) }),
      ),
    );
    answers.forEach(expectUnavailable);

    await Promise.all(hogs.map((c) => c.end()));
    await expectCheckInsAgain(venue.code);
  }, 60_000);

  it('a node started before its database waits for it, says so, and starts once it accepts connections', async () => {
    // A new server: the node migrates it once it is reachable.
    server = await startPostgresServer();
    server.stop();
    const said: string[] = [];
    const config = parseConfig({ DATABASE_URL: server.url, DATA_DIR: '', QR_SIGNING_KEY: TEST_SIGNING_KEY });
    const starting = prepareContext(config, undefined, (m) => said.push(m));
    await new Promise((r) => setTimeout(r, 2500));
    expect(said.some((m) => m.startsWith('database not reachable'))).toBe(true);
    server.start();
    const ctx = await starting;
    try {
      const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_units');
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await ctx.db.close();
    }
  }, 60_000);
});
