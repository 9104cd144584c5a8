/**
 * Background jobs run once across nodes (issue 17): two nodes, each with its own connections to one
 * PostgreSQL database, run the hourly jobs at the same moment. Retention runs on one node at a time
 * (the other skips the round), each ended day is sketched once and rolled up once, partitions are made once.
 * (The embedded database has one node: nothing to share.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKS } from '../../src/server/db/locks.js';
import { openPostgres } from '../../src/server/db/postgres.js';
import type { ServiceContext } from '../../src/server/services/context.js';
import { rollUpCountry } from '../../src/server/services/country-rollup.js';
import { ensurePartitionsAround } from '../../src/server/services/partitions.js';
import { sketchClosedDays } from '../../src/server/services/people-sketches.js';
import { purgeExpired } from '../../src/server/services/retention.js';
import { call, checkInBody, registerVenue, startTestApp, type TestApp } from '../support/app.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('jobs on two nodes sharing one database', () => {
  let t: TestApp;
  let nodeA: ServiceContext;
  let nodeB: ServiceContext;
  beforeAll(async () => {
    // 10:00 in Hà Nội on 2026-11-20; check-ins on three days, then two days later.
    t = await startTestApp({}, new Date('2026-11-20T03:00:00Z'));
    const venue = await registerVenue(t.app);
    for (let day = 0; day < 3; day++) {
      for (let i = 0; i < 5; i++) {
        const person = { fullName: `Người ${day}-${i}`, phone: `09120000${day}${i}` };
        const res = await call(t.app, 'POST', '/api/check-ins', {
          body: checkInBody(venue.code, { person }),
        });
        expect(res.status).toBe(201);
      }
      t.clock.advanceMinutes(24 * 60);
    }
    t.clock.advanceMinutes(24 * 60);
    nodeA = { ...t.ctx, db: t.ctx.db.withoutTimeLimit() };
    nodeB = { ...t.ctx, db: await openPostgres(t.ctx.config.databaseUrl!) };
  });
  afterAll(async () => {
    await nodeB.db.close();
    await t.close();
  });

  it('retention: while one node holds the round, the other skips it; then one runs it', async () => {
    // A node in the middle of a long purge holds the lock (as a session of its own).
    const holder = await openPostgres(t.ctx.config.databaseUrl!);
    await holder.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.retention]);
      expect(await Promise.all([purgeExpired(nodeA), purgeExpired(nodeB)])).toEqual([null, null]);
    });
    await holder.close();
    const both = await Promise.all([purgeExpired(nodeA), purgeExpired(nodeB)]);
    expect(both.filter((r) => r !== null).length).toBeGreaterThanOrEqual(1);
  });

  it('country roll-ups: each ended day is rolled up by one node, never twice', async () => {
    const [a, b] = await Promise.all([rollUpCountry(nodeA), rollUpCountry(nodeB)]);
    const built = [...a, ...b].sort();
    expect(new Set(built).size).toBe(built.length);
    expect(built).toEqual(expect.arrayContaining(['2026-11-20', '2026-11-21', '2026-11-22']));
    const { rows } = await t.ctx.db.query<{ day: string }>(
      'SELECT day::text AS day FROM check_in_rollup_days WHERE complete ORDER BY day',
    );
    expect(rows.map((r) => r.day)).toEqual(built);
  });

  it('people sketches: each ended day is built by one node, never twice', async () => {
    const [a, b] = await Promise.all([sketchClosedDays(nodeA), sketchClosedDays(nodeB)]);
    const built = [...a, ...b].sort();
    expect(new Set(built).size).toBe(built.length);
    expect(built).toEqual(expect.arrayContaining(['2026-11-20', '2026-11-21', '2026-11-22']));
    // Every ended day of the window has its sketch, and each was built by exactly one of the two.
    const { rows } = await t.ctx.db.query<{ day: string }>(
      'SELECT day::text AS day FROM people_sketch_days ORDER BY day',
    );
    expect(rows.map((r) => r.day)).toEqual(built);
  });

  it('partitions: two nodes making the same days at once both succeed, each day made once', async () => {
    // 2027-01-23 (Hà Nội): days nobody made yet, today and three ahead.
    const later = new Date('2027-01-23T03:00:00Z');
    const tz = t.ctx.config.timeZone;
    await Promise.all([
      ensurePartitionsAround(nodeA.db, later, tz, 0),
      ensurePartitionsAround(nodeB.db, later, tz, 0),
    ]);
    const { rows } = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class
        WHERE relkind = 'r' AND relname BETWEEN 'check_ins_p20270123' AND 'check_ins_p20270126'`,
    );
    expect(rows[0]!.n).toBe(4);
  });
});
