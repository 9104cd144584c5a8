/**
 * The timed requests of the data-size benchmarks (dashboard, tracing, growth), through the real app
 * (app.inject: routing, access check, audit, serialisation) logged in as the bench's national admin.
 */
import { buildApp } from '../../src/server/app.js';
import { presentDuring, subjectStays } from '../../src/server/db/queries/tracing.js';
import { addDays, startOfLocalDay } from '../../src/server/domain/local-day.js';
import { windowsOf } from '../../src/server/services/tracing.js';
import { rng } from '../../tests/support/random.js';
import { BENCH_ADMIN, type BulkWorld, percentiles, personPhone, uniformVisits, type Visit } from './bulk.js';

export type LoggedInApp = Awaited<ReturnType<typeof buildApp>> & { cookie: string };

export async function loggedInApp(world: BulkWorld): Promise<LoggedInApp> {
  const app = await buildApp(world.ctx);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: BENCH_ADMIN });
  return Object.assign(app, { cookie: `sid=${login.cookies.find((c) => c.name === 'sid')!.value}` });
}

/** The province with the most venues: the heaviest province dashboard. */
export async function biggestProvince(world: BulkWorld) {
  const { rows } = await world.db.query<{ code: string; name: string; venues: number }>(
    `SELECT v.admin_unit_path[1] AS code, u.name, count(*)::int AS venues FROM venues v
       JOIN admin_units u ON u.version = v.admin_unit_version AND u.code = v.admin_unit_path[1]
      GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
  );
  return rows[0]!;
}

/** The dashboard requests timed: a province's and the country's, 1 day and the 21 days. */
export function dashboardScenarios(world: BulkWorld, province: string): [label: string, url: string][] {
  const { today, firstDay } = world;
  return [
    ['province dashboard, 1 day', `/api/stats?adminUnit=${province}&from=${today}&to=${today}`],
    ['province dashboard, 21 days', `/api/stats?adminUnit=${province}&from=${firstDay}&to=${today}`],
    ['country dashboard, 1 day', `/api/stats?adminUnit=VN&from=${today}&to=${today}`],
    ['country dashboard, 21 days', `/api/stats?adminUnit=VN&from=${firstDay}&to=${today}`],
    ['per-venue table, 1 day', `/api/stats/venues?adminUnit=${province}&from=${today}&to=${today}`],
    ['per-venue table, 21 days', `/api/stats/venues?adminUnit=${province}&from=${firstDay}&to=${today}`],
  ];
}

/** Times each GET `samples` times after 3 warm-up requests; prints and answers each one's percentiles. */
export async function timeGets(app: LoggedInApp, scenarios: [string, string][], samples: number) {
  const figures = new Map<string, string>();
  for (const [label, url] of scenarios) {
    const times: number[] = [];
    for (let i = 0; i < samples + 3; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie: app.cookie } });
      const ms = performance.now() - start;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i >= 3) times.push(ms);
    }
    figures.set(label, percentiles(times));
    console.log(`${label}: ${figures.get(label)} (${samples} requests after 3 warm-up)`);
  }
  return figures;
}

export const VISITS_PER_CASE = 12;

/**
 * The tracing cases: people `people`…`people + cases − 1`, with 12 visits each at random venues over
 * the last two weeks, are the first `cases × 12` rows; the rest are `uniformVisits`.
 */
export function casesThenUniform(world: BulkWorld, people: number, cases: number): (i: number) => Visit {
  const random = rng(99);
  const uniform = uniformVisits(world, people);
  const lastTwoWeeks = lastTwoWeeksStart(world);
  const span = world.now.getTime() - 3_600_000 - lastTwoWeeks;
  return (i) =>
    i < cases * VISITS_PER_CASE
      ? {
          venue: Math.floor(random() * world.venues),
          at: lastTwoWeeks + Math.floor(random() * span),
          person: people + Math.floor(i / VISITS_PER_CASE),
        }
      : uniform(i);
}

const lastTwoWeeksStart = (world: BulkWorld) =>
  startOfLocalDay(addDays(world.today, -13), world.config.timeZone).getTime();

/**
 * The F1 query (POST /api/tracing/queries, depth 1, the last 14 days, with its audit write) for each
 * case of `casesThenUniform`, twice (the first round warms caches), and its overlap SQL alone.
 */
export async function timeF1Queries(world: BulkWorld, app: LoggedInApp, people: number, cases: number) {
  const http: number[] = [];
  const sql: number[] = [];
  let contacts = 0;
  const from = new Date(lastTwoWeeksStart(world));
  for (let round = 0; round < 2; round++) {
    for (let c = 0; c < cases; c++) {
      const phone = personPhone(people + c);
      let start = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/tracing/queries',
        headers: { cookie: app.cookie },
        payload: { subject: { phone }, purpose: 'benchmark: F1 query' },
      });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      if (round === 0) continue;
      http.push(performance.now() - start);
      contacts += (res.json() as { contacts: unknown[] }).contacts.length;
      start = performance.now();
      const stays = await subjectStays(world.db, { phone }, from, world.now, null);
      await presentDuring(world.db, windowsOf(stays, 1_800_000), [`${phone} người ${people + c}`]);
      sql.push(performance.now() - start);
    }
  }
  const figures = {
    http: percentiles(http),
    sql: percentiles(sql),
    contacts: (contacts / cases).toFixed(1),
  };
  console.log(
    `F1 query, POST /api/tracing/queries (with audit write): ${figures.http} (${cases} cases, ${figures.contacts} contacts each on average)`,
  );
  console.log(`F1 query, SQL only (visits + overlaps): ${figures.sql}`);
  return figures;
}
