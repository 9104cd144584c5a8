/**
 * bench/tracing: BENCH_CHECK_INS check-ins (default 10 M) over 21 days across BENCH_TRACE_VENUES
 * venues (default 100,000), of which BENCH_CASES people (default 100) have 12 visits each; then the
 * F1 query (POST /api/tracing/queries, depth 1, the last 14 days, with its audit write) for each of
 * those cases, through the real app (app.inject), and the overlap SQL alone.
 *
 *   bash bench/run.sh tracing postgres      (or pglite)
 */
import { DAYS, loadCheckIns, openWorld, seconds, settle } from '../support/bulk.js';
import { casesThenUniform, loggedInApp, timeF1Queries, VISITS_PER_CASE } from '../support/timings.js';

const target = process.argv[2] ?? 'pglite';
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 10_000_000);
const VENUES = Number(process.env.BENCH_TRACE_VENUES ?? 100_000);
const PEOPLE = Number(process.env.BENCH_TRACE_PEOPLE ?? 3_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 100);

async function main() {
  const world = await openWorld(target, VENUES);
  console.log(
    `tracing bench on ${world.db.kind}: ${CHECK_INS.toLocaleString()} check-ins over ${DAYS} days, ${CASES} cases with ${VISITS_PER_CASE} visits`,
  );
  await loadCheckIns(world, CHECK_INS, casesThenUniform(world, PEOPLE, CASES));
  const t0 = performance.now();
  await settle(world);
  console.log(`analyzed in ${seconds(t0)} s`);
  const app = await loggedInApp(world);
  await timeF1Queries(world, app, PEOPLE, CASES);
  await app.close();
  await world.ctx.db.close();
  await world.fresh.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
