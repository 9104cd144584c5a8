/**
 * bench/tracing: BENCH_CHECK_INS check-ins (default 10 M) over 21 days across BENCH_TRACE_VENUES
 * venues (default 100,000), of which BENCH_CASES people (default 100) have 12 visits each; then the
 * F1 query (POST /api/tracing/queries, depth 1, the last 14 days, with its audit write) for each of
 * those cases, through the real app (app.inject), and the overlap SQL alone.
 *
 *   bash bench/run.sh tracing postgres      (or pglite)
 */
import { buildApp } from '../../src/server/app.js';
import { presentDuring, subjectStays } from '../../src/server/db/queries/tracing.js';
import { addDays, startOfLocalDay } from '../../src/server/domain/local-day.js';
import {
  BENCH_ADMIN,
  DAYS,
  loadCheckIns,
  settle,
  openWorld,
  percentiles,
  personPhone,
  seconds,
  uniformVisits,
} from '../support/bulk.js';
import { rng } from '../../tests/support/random.js';
import { windowsOf } from '../../src/server/services/tracing.js';

const target = process.argv[2] ?? 'pglite';
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 10_000_000);
const VENUES = Number(process.env.BENCH_TRACE_VENUES ?? 100_000);
const PEOPLE = Number(process.env.BENCH_TRACE_PEOPLE ?? 3_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 100);
const VISITS_PER_CASE = 12;

async function main() {
  const world = await openWorld(target, VENUES);
  console.log(
    `tracing bench on ${world.db.kind}: ${CHECK_INS.toLocaleString()} check-ins over ${DAYS} days, ${CASES} cases with ${VISITS_PER_CASE} visits`,
  );
  // The cases are people PEOPLE..PEOPLE+CASES-1: their visits are the first CASES × 12 rows.
  const random = rng(99);
  const uniform = uniformVisits(world, PEOPLE);
  const lastTwoWeeks = startOfLocalDay(addDays(world.today, -13), world.config.timeZone).getTime();
  const span = world.now.getTime() - 3_600_000 - lastTwoWeeks;
  const caseVisits = CASES * VISITS_PER_CASE;
  await loadCheckIns(world, CHECK_INS, (i) =>
    i < caseVisits
      ? {
          venue: Math.floor(random() * VENUES),
          at: lastTwoWeeks + Math.floor(random() * span),
          person: PEOPLE + Math.floor(i / VISITS_PER_CASE),
        }
      : uniform(i),
  );
  const t0 = performance.now();
  await settle(world);
  console.log(`analyzed in ${seconds(t0)} s`);

  const app = await buildApp(world.ctx);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: BENCH_ADMIN });
  const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
  const http: number[] = [];
  const sql: number[] = [];
  let contacts = 0;
  for (let round = 0; round < 2; round++) {
    for (let c = 0; c < CASES; c++) {
      const phone = personPhone(PEOPLE + c);
      let start = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/tracing/queries',
        headers: { cookie },
        payload: { subject: { phone }, purpose: 'benchmark: F1 query' },
      });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      // The first round warms caches; the second is measured.
      if (round === 1) {
        http.push(performance.now() - start);
        contacts += (res.json() as { contacts: unknown[] }).contacts.length;
        start = performance.now();
        const stays = await subjectStays(world.db, { phone }, new Date(lastTwoWeeks), world.now, null);
        const windows = windowsOf(stays, 1_800_000);
        await presentDuring(world.db, windows, [`${phone} người ${PEOPLE + c}`]);
        sql.push(performance.now() - start);
      }
    }
  }
  console.log(
    `F1 query, POST /api/tracing/queries (with audit write): ${percentiles(http)} (${CASES} cases, ${(contacts / CASES).toFixed(1)} contacts each on average)`,
  );
  console.log(`F1 query, SQL only (visits + overlaps): ${percentiles(sql)}`);
  await app.close();
  await world.ctx.db.close();
  await world.fresh.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
