/**
 * bench/growth: the dashboards and the F1 query timed at BENCH_CHECK_INS check-ins (default 10 M),
 * then again in the same database once it holds BENCH_GROWN_CHECK_INS (default 30 M), over the same
 * 21 days and BENCH_GROWTH_VENUES venues (default 100,000): more check-ins at the same places, as a
 * peak does. Between the two, the aggregates, people sketches and country roll-ups are rebuilt as the
 * jobs would have left them, and the database settled. Prints both columns and the depth of the
 * indexes the requests walk.
 *
 *   bash bench/run.sh growth postgres      (or pglite; BENCH_KEEP=1 keeps the database)
 */
import { rollUpCountry } from '../../src/server/services/country-rollup.js';
import { DAYS, loadCheckIns, openWorld, seconds, uniformVisits, type BulkWorld } from '../support/bulk.js';
import { aggregateAsTheJobsWould } from '../support/jobs.js';
import {
  biggestProvince,
  casesThenUniform,
  dashboardScenarios,
  loggedInApp,
  timeF1Queries,
  timeGets,
} from '../support/timings.js';

const target = process.argv[2] ?? 'pglite';
const SIZES = [
  Number(process.env.BENCH_CHECK_INS ?? 10_000_000),
  Number(process.env.BENCH_GROWN_CHECK_INS ?? 30_000_000),
];
const VENUES = Number(process.env.BENCH_GROWTH_VENUES ?? 100_000);
const PEOPLE = Number(process.env.BENCH_GROWTH_PEOPLE ?? 3_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 100);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);

type Column = Map<string, string>;

async function main() {
  const started = performance.now();
  const world = await openWorld(target, VENUES);
  console.log(
    `growth bench on ${world.db.kind}: ${VENUES.toLocaleString()} venues, ${SIZES.map((n) => n.toLocaleString()).join(' then ')} check-ins over ${DAYS} days`,
  );
  if (world.db.kind === 'postgres' && !world.reused) {
    // 30 M rows through the default 1 GB of WAL meant a checkpoint every 10 s, and the load waited
    // on their full-page writes: the throw-away server checkpoints as a bulk load's would.
    await world.db.exec("ALTER SYSTEM SET max_wal_size = '12GB'");
    await world.db.exec("ALTER SYSTEM SET checkpoint_timeout = '15min'");
    await world.db.exec('SELECT pg_reload_conf()');
  }
  const columns: Column[] = [];
  let loaded = 0;
  for (const [stage, size] of SIZES.entries()) {
    // The tracing cases are the first rows; what is added later is more of the same uniform visits.
    const visits =
      stage === 0 ? casesThenUniform(world, PEOPLE, CASES) : uniformVisits(world, PEOPLE, 42 + stage);
    await loadCheckIns(world, size - loaded, visits, 7 + stage);
    loaded = size;
    await aggregateAsTheJobsWould(world);
    const t0 = performance.now();
    const rolled = await rollUpCountry({ ...world.ctx, db: world.db });
    console.log(`country roll-ups: ${rolled.length} days in ${seconds(t0)} s`);
    console.log(`--- at ${size.toLocaleString()} check-ins (${seconds(started)} s since the start)`);
    columns.push(await timeAll(world));
  }
  printTable(columns);
  await world.ctx.db.close();
  await world.fresh.drop();
}

/** Every timed request once the database holds a stage's rows, and the indexes' depth. */
async function timeAll(world: BulkWorld): Promise<Column> {
  const province = await biggestProvince(world);
  const app = await loggedInApp(world);
  const column = await timeGets(app, dashboardScenarios(world, province.code), SAMPLES);
  const f1 = await timeF1Queries(world, app, PEOPLE, CASES);
  await app.close();
  column.set('F1 query (HTTP, with audit)', f1.http);
  column.set('F1 query (SQL only)', f1.sql);
  column.set('contacts per F1 query', f1.contacts);
  for (const [index, depth] of await indexDepths(world)) column.set(`depth of ${index}`, depth);
  return column;
}

/**
 * The levels of the B-tree indexes that tracing and the dashboards walk, in the largest partition of
 * each table (pageinspect; PostgreSQL only, nothing on the embedded database).
 */
async function indexDepths(world: BulkWorld): Promise<[string, string][]> {
  if (world.db.kind !== 'postgres') return [];
  await world.db.exec('CREATE EXTENSION IF NOT EXISTS pageinspect');
  const { rows } = await world.db.query<{ name: string; level: number; size: string }>(
    `WITH tables AS (
       SELECT DISTINCT ON (parent) oid FROM (
         SELECT p.relname AS parent, c.oid, c.reltuples
           FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhparent JOIN pg_class c ON c.oid = h.inhrelid
          WHERE p.relname = ANY($1) AND c.relkind = 'r'
         UNION ALL
         SELECT relname, oid, reltuples FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'
       ) t ORDER BY parent, reltuples DESC
     )
     SELECT regexp_replace(i.relname, '_p[0-9]+_', '_') AS name, (bt_metap(i.relname)).level, pg_size_pretty(pg_relation_size(i.oid)) AS size
       FROM tables t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
      WHERE i.relam = (SELECT oid FROM pg_am WHERE amname = 'btree')
      ORDER BY 1`,
    [['check_ins', 'venue_day_counts', 'person_unit_days', 'client_requests']],
  );
  return rows.map((r) => [r.name, `${r.level + 1} levels, ${r.size}`]);
}

function printTable(columns: Column[]) {
  console.log(`\n| request | ${SIZES.map((n) => `${(n / 1e6).toLocaleString()} M check-ins`).join(' | ')} |`);
  console.log(`|---|${SIZES.map(() => '---').join('|')}|`);
  for (const label of columns[0]!.keys())
    console.log(`| ${label} | ${columns.map((c) => c.get(label) ?? '–').join(' | ')} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
