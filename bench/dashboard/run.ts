/**
 * bench/dashboard: loads BENCH_CHECK_INS check-ins (default 10 M) over 21 local days across
 * BENCH_DASH_VENUES venues (default 100,000) spread over every commune of the country (COPY), builds
 * the daily aggregates from them, then times the province dashboard (GET /api/stats) and the
 * per-venue table (GET /api/stats/venues) for 1 day and for 21 days, for the province with the most
 * venues, and the country view (from the job's roll-ups) for 1 and 21 days. Requests go through the
 * real app (app.inject, routing, access check, serialisation).
 *
 *   bash bench/run.sh dashboard postgres      (or pglite)
 */
import type { Queryable } from '../../src/server/db/db.js';
import { rollUpCountry } from '../../src/server/services/country-rollup.js';
import { DAYS, loadCheckIns, openWorld, seconds, uniformVisits } from '../support/bulk.js';
import { aggregateAsTheJobsWould } from '../support/jobs.js';
import { biggestProvince, dashboardScenarios, loggedInApp, timeGets } from '../support/timings.js';
import { reportServerMemory, resetPeakMemory } from '../support/memory.js';

const target = process.argv[2] ?? 'pglite';
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 10_000_000);
const VENUES = Number(process.env.BENCH_DASH_VENUES ?? 100_000);
const PEOPLE = Number(process.env.BENCH_DASH_PEOPLE ?? 3_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);

async function main() {
  const world = await openWorld(target, VENUES);
  const { db, ctx, today, firstDay } = world;
  console.log(
    `dashboard bench on ${db.kind}: ${VENUES.toLocaleString()} venues, ${CHECK_INS.toLocaleString()} check-ins over ${DAYS} days (${firstDay}…${today})`,
  );
  if (!world.reused) {
    await loadCheckIns(world, CHECK_INS, uniformVisits(world, PEOPLE));
    await aggregateAsTheJobsWould(world);
  }
  // The country roll-ups as the job leaves them (on a kept database: the days it lacks, and today's snapshot).
  const t2 = performance.now();
  const rolled = await rollUpCountry({ ...ctx, db });
  console.log(`country roll-ups: ${rolled.length} ended days and today's snapshot in ${seconds(t2)} s`);

  const province = await biggestProvince(world);
  console.log(`province: ${province.name} (${province.code}), ${province.venues.toLocaleString()} venues`);

  const app = await loggedInApp(world);
  const scenarios = dashboardScenarios(world, province.code);
  // BENCH_EXPLAIN=1 (or =1,4: which scenarios, counted from 0): the plan of every statement those
  // requests run, to see where the time goes.
  if (process.env.BENCH_EXPLAIN) {
    const explained = <Q extends Queryable>(q: Q): Q => {
      const query = q.query.bind(q);
      return Object.assign(Object.create(q) as Q, {
        query: async (sql: string, params?: unknown[], name?: string) => {
          if (/^\s*(WITH|SELECT)/i.test(sql)) {
            const plan = await query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
            console.log(
              `--- ${sql.replace(/\s+/g, ' ').slice(0, 100)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
            );
          }
          return query(sql, params, name);
        },
      });
    };
    const original = { query: db.query, tx: db.tx };
    db.query = explained(db).query;
    db.tx = ((fn: (q: Queryable) => Promise<unknown>) =>
      original.tx.call(db, (q: Queryable) => fn(explained(q)))) as typeof db.tx;
    const which = process.env.BENCH_EXPLAIN === '1' ? [1] : process.env.BENCH_EXPLAIN.split(',').map(Number);
    for (const i of which)
      await app.inject({ method: 'GET', url: scenarios[i]![1], headers: { cookie: app.cookie } });
    Object.assign(db, original);
  }
  // The app serves the requests in this process (app.inject): its peak from here on is the dashboard's.
  resetPeakMemory(process.pid);
  await timeGets(app, scenarios, SAMPLES);
  reportServerMemory('dashboard requests (the app in this process)', process);
  await app.close();
  await world.ctx.db.close();
  await world.fresh.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
