/**
 * bench/dashboard: loads BENCH_CHECK_INS check-ins (default 10 M) over 21 local days across
 * BENCH_DASH_VENUES venues (default 100,000) spread over every commune of the country (COPY), builds
 * the daily aggregates from them, then times the province dashboard (GET /api/stats) and the
 * per-venue table (GET /api/stats/venues) for 1 day and for 21 days, for the province with the most
 * venues. Requests go through the real app (app.inject, routing, access check, serialisation).
 *
 *   bash bench/run.sh dashboard postgres      (or pglite)
 */
import { buildApp } from '../../src/server/app.js';
import { prepareContext } from '../../src/server/bootstrap.js';
import { parseConfig } from '../../src/server/config.js';
import { rebuildCheckInAggregates } from '../../src/server/db/queries/aggregates.js';
import { addDays, localDate, startOfLocalDay } from '../../src/server/domain/local-day.js';
import { uuidv7 } from '../../src/server/ids.js';
import { freshDatabase } from '../../tests/support/database.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const target = process.argv[2] ?? 'pglite';
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 10_000_000);
const VENUES = Number(process.env.BENCH_DASH_VENUES ?? 100_000);
const PEOPLE = Number(process.env.BENCH_DASH_PEOPLE ?? 3_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const DAYS = 21;
const CHUNK = 100_000;
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const CHANNELS: [string, number][] = [
  ['qr_self', 0.7],
  ['qr_staff', 0.12],
  ['kiosk', 0.05],
  ['paper', 0.1],
  ['on_behalf', 0.03],
];

/** A small deterministic generator, so every run loads the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function channelOf(x: number): string {
  let acc = 0;
  for (const [channel, share] of CHANNELS) if (x < (acc += share)) return channel;
  return 'qr_self';
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main() {
  if (target === 'postgres' && !process.env.TEST_DATABASE_URL)
    throw new Error('run through bench/run.sh dashboard postgres');
  if (target === 'pglite') delete process.env.TEST_DATABASE_URL;
  const fresh = await freshDatabase();
  const config = parseConfig({
    ...(fresh.url
      ? { DATABASE_URL: fresh.url }
      : { DATA_DIR: mkdtempSync(join(tmpdir(), 'qr-bench-dash-')) }),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'error',
  });
  const now = new Date();
  const today = localDate(now, config.timeZone);
  const firstDay = addDays(today, -(DAYS - 1));
  const ctx = await prepareContext(config, () => now);
  const db = ctx.db;
  console.log(
    `dashboard bench on ${db.kind}: ${VENUES.toLocaleString()} venues, ${CHECK_INS.toLocaleString()} check-ins over ${DAYS} days (${firstDay}…${today})`,
  );

  // Venues: spread over every commune, round robin, with their paths from the admin-unit tree.
  let t0 = performance.now();
  const { rows: communes } = await db.query<{ code: string; path: string[] }>(
    `SELECT c.code, ARRAY[p.code, d.code, c.code] AS path
       FROM admin_units c JOIN admin_units d ON d.version = c.version AND d.code = c.parent_code
       JOIN admin_units p ON p.version = d.version AND p.code = d.parent_code
      WHERE c.version = $1 AND c.level = 3 ORDER BY c.code`,
    [config.adminUnitsVersion],
  );
  const venueRows = function* () {
    for (let i = 0; i < VENUES; i++) {
      const c = communes[i % communes.length]!;
      const created = new Date(startOfLocalDay(firstDay, config.timeZone).getTime() - 86_400_000);
      yield [
        `Địa điểm ${i}`,
        i % 3 === 0 ? 'restaurant' : i % 3 === 1 ? 'office' : 'market',
        config.adminUnitsVersion,
        c.code,
        `{${c.path.join(',')}}`,
        `${i} Đường Bench`,
        'Bench',
        `09${String(i).padStart(8, '0')}`,
        'self',
        created,
      ];
    }
  };
  await db.copyRows(
    'venues',
    [
      'name',
      'category',
      'admin_unit_version',
      'admin_unit_code',
      'admin_unit_path',
      'address',
      'contact_name',
      'contact_phone',
      'registered_by',
      'created_at',
    ],
    venueRows(),
  );
  const { rows: idRange } = await db.query<{ min: string }>('SELECT min(id)::text AS min FROM venues');
  const firstVenueId = Number(idRange[0]!.min);
  await db.copyRows(
    'venue_entrances',
    ['venue_id', 'name', 'public_id'],
    (function* () {
      for (let i = 0; i < VENUES; i++)
        yield [firstVenueId + i, 'Cổng chính', `B${String(i).padStart(9, '0')}`];
    })(),
  );
  const { rows: entranceStart } = await db.query<{ min: string }>(
    'SELECT min(id)::text AS min FROM venue_entrances',
  );
  const firstEntranceId = Number(entranceStart[0]!.min);
  console.log(`venues loaded in ${seconds(t0)} s`);

  // Check-ins: uniform over venues and days, 06:00–22:00, people drawn from a pool.
  t0 = performance.now();
  const random = rng(42);
  const dayStarts = Array.from({ length: DAYS }, (_, d) =>
    startOfLocalDay(addDays(firstDay, d), config.timeZone).getTime(),
  );
  const columns = [
    'id',
    'venue_id',
    'entrance_id',
    'checked_in_at',
    'stay_minutes',
    'channel',
    'person_phone',
    'person_full_name',
    'person_name_key',
    'flagged',
  ];
  for (let loaded = 0; loaded < CHECK_INS; loaded += CHUNK) {
    const n = Math.min(CHUNK, CHECK_INS - loaded);
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const v = Math.floor(random() * VENUES);
      const at =
        dayStarts[Math.floor(random() * DAYS)]! + (6 * 3600 + Math.floor(random() * 16 * 3600)) * 1000;
      const person = Math.floor(random() * PEOPLE);
      rows.push([
        uuidv7(at),
        firstVenueId + v,
        firstEntranceId + v,
        new Date(at),
        240,
        channelOf(random()),
        `08${String(person).padStart(8, '0')}`,
        `Người ${person}`,
        `người ${person}`,
        random() < 0.02,
      ]);
    }
    await db.copyRows('check_ins', columns, rows);
    if ((loaded / CHUNK) % 10 === 9)
      console.log(`  ${(loaded + n).toLocaleString()} check-ins, ${seconds(t0)} s`);
  }
  console.log(`check-ins loaded in ${seconds(t0)} s`);

  t0 = performance.now();
  await rebuildCheckInAggregates(db, firstDay, today, config.timeZone);
  // Declarations and cards per unit and day, so the dashboard reads those tables at their size too.
  await db.query(
    `INSERT INTO unit_day_declarations (unit_code, day, declarations, flagged, cards_issued)
     SELECT u.code, d::date, 20, 1, 5 FROM admin_units u CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d WHERE u.version = $3`,
    [firstDay, today, config.adminUnitsVersion],
  );
  await db.exec('ANALYZE');
  const { rows: sizes } = await db.query<{ venueDays: number; personDays: number }>(
    `SELECT (SELECT count(*)::int FROM venue_day_counts) AS "venueDays", (SELECT count(*)::int FROM person_unit_days) AS "personDays"`,
  );
  console.log(
    `aggregates built in ${seconds(t0)} s: ${sizes[0]!.venueDays.toLocaleString()} venue-days, ${sizes[0]!.personDays.toLocaleString()} person-unit-days`,
  );

  const { rows: biggest } = await db.query<{ code: string; name: string; venues: number }>(
    `SELECT v.admin_unit_path[1] AS code, u.name, count(*)::int AS venues FROM venues v
       JOIN admin_units u ON u.version = v.admin_unit_version AND u.code = v.admin_unit_path[1]
      GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
  );
  const province = biggest[0]!;
  console.log(`province: ${province.name} (${province.code}), ${province.venues.toLocaleString()} venues`);

  const app = await buildApp(ctx);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
  const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
  const scenarios: [string, string][] = [
    ['province dashboard, 1 day', `/api/stats?adminUnit=${province.code}&from=${today}&to=${today}`],
    ['province dashboard, 21 days', `/api/stats?adminUnit=${province.code}&from=${firstDay}&to=${today}`],
    ['per-venue table, 1 day', `/api/stats/venues?adminUnit=${province.code}&from=${today}&to=${today}`],
    ['per-venue table, 21 days', `/api/stats/venues?adminUnit=${province.code}&from=${firstDay}&to=${today}`],
  ];
  // BENCH_EXPLAIN=1: the plan of every statement one request runs, to see where the time goes.
  if (process.env.BENCH_EXPLAIN) {
    const query = db.query.bind(db);
    db.query = (async (sql: string, params?: unknown[], name?: string) => {
      if (/^\s*(WITH|SELECT)/i.test(sql)) {
        const plan = await query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        console.log(
          `--- ${sql.replace(/\s+/g, ' ').slice(0, 100)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
        );
      }
      return query(sql, params, name);
    }) as typeof db.query;
    await app.inject({ method: 'GET', url: scenarios[1]![1], headers: { cookie } });
    db.query = query;
  }
  for (const [label, url] of scenarios) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES + 3; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - start;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i >= 3) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const pick = (q: number) =>
      times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
    console.log(
      `${label}: p50 ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${pick(1)} ms (${SAMPLES} requests after 3 warm-up)`,
    );
  }
  await app.close();
  await db.close();
  await fresh.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
