/**
 * Bulk data for the data-size benchmarks (dashboard, tracing): an app context on a fresh database,
 * venues spread over every commune of the country, and check-ins loaded with COPY. Deterministic: the
 * same settings load the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareContext } from '../../src/server/bootstrap.js';
import { parseConfig, type RunningConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/db.js';
import { addDays, localDate, startOfLocalDay } from '../../src/server/domain/local-day.js';
import { uuidv7 } from '../../src/server/ids.js';
import type { ServiceContext } from '../../src/server/services/context.js';
import { freshDatabase, type FreshDatabase } from '../../tests/support/database.js';
import { copyVenues } from '../../tests/support/bulk-venues.js';
import { rng } from '../../tests/support/random.js';

export const DAYS = 21;
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const CHUNK = 100_000;
const CHANNELS: [string, number][] = [
  ['qr_self', 0.7],
  ['qr_staff', 0.12],
  ['kiosk', 0.05],
  ['paper', 0.1],
  ['on_behalf', 0.03],
];

function channelOf(x: number): string {
  let acc = 0;
  for (const [channel, share] of CHANNELS) if (x < (acc += share)) return channel;
  return 'qr_self';
}

export const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export interface BulkWorld {
  ctx: ServiceContext;
  db: Db;
  config: RunningConfig;
  now: Date;
  today: string;
  firstDay: string;
  firstVenueId: number;
  firstEntranceId: number;
  venues: number;
  fresh: FreshDatabase;
  reused: boolean;
}

/**
 * A context on a fresh database for `target` ('pglite' | 'postgres'), with the bench admin.
 * BENCH_REUSE_URL=postgres://…: a database an earlier run kept (BENCH_KEEP=1), loaded on the same
 * local day, is opened as it is (`reused`), so its queries can be timed again without loading.
 */
export async function openWorld(
  target: string,
  venues: number,
  venueName: (i: number) => string = (i) => `Địa điểm ${i}`,
): Promise<BulkWorld> {
  if (target === 'postgres' && !process.env.TEST_DATABASE_URL && !process.env.BENCH_REUSE_URL)
    throw new Error('run through bench/run.sh <name> postgres');
  if (target === 'pglite') delete process.env.TEST_DATABASE_URL;
  const reuseUrl = target === 'postgres' ? process.env.BENCH_REUSE_URL : undefined;
  const fresh: FreshDatabase = reuseUrl
    ? { url: reuseUrl, drop: async () => undefined }
    : await freshDatabase();
  const dataDir = fresh.url ? undefined : mkdtempSync(join(tmpdir(), 'qr-bench-'));
  if (dataDir) fresh.drop = async () => rmSync(dataDir, { recursive: true, force: true });
  const config = parseConfig({
    ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: fresh.url }),
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: 'error',
  });
  const now = new Date();
  const today = localDate(now, config.timeZone);
  const firstDay = addDays(today, -(DAYS - 1));
  const ctx = await prepareContext(config, () => now);
  // Loading is a bulk job (COPY of millions of rows): no per-call time limit, as the server's jobs.
  const db = ctx.db.withoutTimeLimit();
  const ids = reuseUrl
    ? await loadedVenues(db)
    : await loadVenues(db, ctx.config, firstDay, venues, venueName);
  if (process.env.BENCH_KEEP && fresh.url) {
    console.log(`BENCH_KEEP: the database stays at ${fresh.url}`);
    fresh.drop = async () => undefined;
  }
  return { ctx, db, config: ctx.config, now, today, firstDay, ...ids, venues, fresh, reused: !!reuseUrl };
}

async function loadedVenues(db: Db) {
  const { rows } = await db.query<{ v: string; e: string }>(
    'SELECT (SELECT min(id) FROM venues)::text AS v, (SELECT min(id) FROM venue_entrances)::text AS e',
  );
  return { firstVenueId: Number(rows[0]!.v), firstEntranceId: Number(rows[0]!.e) };
}

/** Venues round robin over every lowest-level unit (commune or ward), with their unit paths; one entrance each. */
async function loadVenues(
  db: Db,
  config: RunningConfig,
  firstDay: string,
  count: number,
  venueName: (i: number) => string,
) {
  const t0 = performance.now();
  const { rows: communes } = await db.query<{ code: string; path: string[] }>(
    `WITH RECURSIVE down AS (
       SELECT code, ARRAY[code] AS path FROM admin_units WHERE version = $1 AND parent_code IS NULL
       UNION ALL
       SELECT c.code, down.path || c.code FROM admin_units c JOIN down ON c.version = $1 AND c.parent_code = down.code
     )
     SELECT code, path FROM down
      WHERE NOT EXISTS (SELECT 1 FROM admin_units x WHERE x.version = $1 AND x.parent_code = down.code)
      ORDER BY code`,
    [config.adminUnitsVersion],
  );
  const created = new Date(startOfLocalDay(firstDay, config.timeZone).getTime() - 86_400_000);
  await copyVenues(
    db,
    config.adminUnitsVersion,
    (function* () {
      for (let i = 0; i < count; i++)
        yield {
          name: venueName(i),
          category: ['restaurant', 'office', 'market'][i % 3]!,
          unitPath: communes[i % communes.length]!.path,
          address: `${i} Đường Bench`,
          contactPhone: `09${String(i).padStart(8, '0')}`,
        };
    })(),
    created,
  );
  const firstVenueId = Number(
    (await db.query<{ min: string }>('SELECT min(id)::text AS min FROM venues')).rows[0]!.min,
  );
  await db.copyRows(
    'venue_entrances',
    ['venue_id', 'name', 'public_id'],
    (function* () {
      for (let i = 0; i < count; i++)
        yield [firstVenueId + i, 'Cổng chính', `B${String(i).padStart(9, '0')}`];
    })(),
  );
  const firstEntranceId = Number(
    (await db.query<{ min: string }>('SELECT min(id)::text AS min FROM venue_entrances')).rows[0]!.min,
  );
  console.log(`${count.toLocaleString()} venues loaded in ${seconds(t0)} s`);
  return { firstVenueId, firstEntranceId };
}

export interface Visit {
  venue: number;
  at: number;
  person: number;
}

export const personPhone = (person: number) => `08${String(person).padStart(8, '0')}`;

/**
 * The state of a database in service after a bulk load: vacuumed and analyzed (as autovacuum would
 * have left it, so it does not compete with the run) and checkpointed (so the load's dirty pages are
 * not written, on the same cores, while the requests are timed).
 */
export async function settle(world: BulkWorld) {
  await world.db.exec('VACUUM ANALYZE');
  await world.db.exec('CHECKPOINT');
}

/**
 * Loads `count` check-ins: `visitOf(i)` picks venue, time and person of the i-th; 60 % are checked
 * out after 10–120 minutes, the others end at the 4-hour default.
 */
export async function loadCheckIns(world: BulkWorld, count: number, visitOf: (i: number) => Visit, seed = 7) {
  const random = rng(seed);
  const t0 = performance.now();
  const columns = [
    'id',
    'venue_id',
    'entrance_id',
    'checked_in_at',
    'checked_out_at',
    'stay_minutes',
    'channel',
    'person_phone',
    'person_full_name',
    'person_name_key',
    'flagged',
  ];
  // Each chunk is generated while the one before is being copied (yielding now and then, so that the
  // copy's stream keeps flowing).
  let copying: Promise<void> = Promise.resolve();
  for (let loaded = 0; loaded < count; loaded += CHUNK) {
    const rows: unknown[][] = [];
    for (let i = loaded; i < Math.min(count, loaded + CHUNK); i++) {
      if (i % 5_000 === 0) await new Promise(setImmediate);
      const v = visitOf(i);
      const out = random() < 0.6 ? new Date(v.at + (10 + Math.floor(random() * 110)) * 60_000) : null;
      rows.push([
        uuidv7(v.at),
        world.firstVenueId + v.venue,
        world.firstEntranceId + v.venue,
        new Date(v.at),
        out,
        240,
        channelOf(random()),
        personPhone(v.person),
        `Người ${v.person}`,
        `người ${v.person}`,
        random() < 0.02,
      ]);
    }
    await copying;
    copying = world.db.copyRows('check_ins', columns, rows);
    if ((loaded / CHUNK) % 10 === 9)
      console.log(`  ${Math.min(count, loaded + CHUNK).toLocaleString()} check-ins, ${seconds(t0)} s`);
  }
  await copying;
  console.log(`${count.toLocaleString()} check-ins loaded in ${seconds(t0)} s`);
}

/** Uniform visits: any venue, any of the days, 06:00–22:00, people from a pool. */
export function uniformVisits(world: BulkWorld, people: number, seed = 42): (i: number) => Visit {
  const random = rng(seed);
  const dayStarts = Array.from({ length: DAYS }, (_, d) =>
    startOfLocalDay(addDays(world.firstDay, d), world.config.timeZone).getTime(),
  );
  return () => ({
    venue: Math.floor(random() * world.venues),
    at: dayStarts[Math.floor(random() * DAYS)]! + (6 * 3600 + Math.floor(random() * 16 * 3600)) * 1000,
    person: Math.floor(random() * people),
  });
}

/** p50 / p95 / max of timings in ms. */
export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1);
  return `p50 ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${pick(1)} ms`;
}
