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
import { buildApp } from '../../src/server/app.js';
import type { Queryable } from '../../src/server/db/db.js';
import { rebuildCheckInAggregates } from '../../src/server/db/queries/rebuild-aggregates.js';
import { rollUpCountry } from '../../src/server/services/country-rollup.js';
import { sketchClosedDays } from '../../src/server/services/people-sketches.js';
import {
  BENCH_ADMIN,
  type BulkWorld,
  DAYS,
  loadCheckIns,
  settle,
  openWorld,
  percentiles,
  seconds,
  uniformVisits,
} from '../support/bulk.js';
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
  if (!world.reused) await loadAndAggregate(world);
  // The country roll-ups as the job leaves them (on a kept database: the days it lacks, and today's snapshot).
  const t2 = performance.now();
  const rolled = await rollUpCountry({ ...ctx, db });
  console.log(`country roll-ups: ${rolled.length} ended days and today's snapshot in ${seconds(t2)} s`);

  const { rows: biggest } = await db.query<{ code: string; name: string; venues: number }>(
    `SELECT v.admin_unit_path[1] AS code, u.name, count(*)::int AS venues FROM venues v
       JOIN admin_units u ON u.version = v.admin_unit_version AND u.code = v.admin_unit_path[1]
      GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
  );
  const province = biggest[0]!;
  console.log(`province: ${province.name} (${province.code}), ${province.venues.toLocaleString()} venues`);

  const app = await buildApp(ctx);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: BENCH_ADMIN });
  const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
  const scenarios: [string, string][] = [
    ['province dashboard, 1 day', `/api/stats?adminUnit=${province.code}&from=${today}&to=${today}`],
    ['province dashboard, 21 days', `/api/stats?adminUnit=${province.code}&from=${firstDay}&to=${today}`],
    ['country dashboard, 1 day', `/api/stats?adminUnit=VN&from=${today}&to=${today}`],
    ['country dashboard, 21 days', `/api/stats?adminUnit=VN&from=${firstDay}&to=${today}`],
    ['per-venue table, 1 day', `/api/stats/venues?adminUnit=${province.code}&from=${today}&to=${today}`],
    ['per-venue table, 21 days', `/api/stats/venues?adminUnit=${province.code}&from=${firstDay}&to=${today}`],
  ];
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
    for (const i of which) await app.inject({ method: 'GET', url: scenarios[i]![1], headers: { cookie } });
    Object.assign(db, original);
  }
  // The app serves the requests in this process (app.inject): its peak from here on is the dashboard's.
  resetPeakMemory(process.pid);
  for (const [label, url] of scenarios) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES + 3; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - start;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i >= 3) times.push(ms);
    }
    console.log(`${label}: ${percentiles(times)} (${SAMPLES} requests after 3 warm-up)`);
  }
  reportServerMemory('dashboard requests (the app in this process)', process);
  await app.close();
  await world.ctx.db.close();
  await world.fresh.drop();
}

/** The check-ins, their aggregates and the day sketches, as the jobs would have left them. */
async function loadAndAggregate(world: BulkWorld) {
  const { db, config, ctx, today, firstDay } = world;
  await loadCheckIns(world, CHECK_INS, uniformVisits(world, PEOPLE));
  const t0 = performance.now();
  await rebuildCheckInAggregates(db, firstDay, today, config.timeZone);
  // Declarations and cards per unit and day, so the dashboard reads those tables at their size too.
  await db.query(
    `INSERT INTO unit_day_declarations (unit_code, day, declarations, flagged, cards_issued)
     SELECT u.code, d::date, 20, 1, 5 FROM admin_units u CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d WHERE u.version = $3`,
    [firstDay, today, config.adminUnitsVersion],
  );
  await settle(world);
  const { rows: sizes } = await db.query<{ venueDays: number; personDays: number }>(
    `SELECT (SELECT count(*)::int FROM venue_day_counts) AS "venueDays", (SELECT count(*)::int FROM person_unit_days) AS "personDays"`,
  );
  console.log(
    `aggregates built in ${seconds(t0)} s: ${sizes[0]!.venueDays.toLocaleString()} venue-days, ${sizes[0]!.personDays.toLocaleString()} person-unit-days`,
  );
  const t1 = performance.now();
  const sketched = await sketchClosedDays({ ...ctx, db });
  console.log(
    `people sketches of ${sketched.length} ended days built in ${seconds(t1)} s (today stays exact)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
