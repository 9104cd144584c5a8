/**
 * bench/venue-today: the venue's today list (GET /api/venues/:id/today, F9), the page a manager keeps
 * open at the door, for a venue with 200 entries today, on a database of BENCH_CHECK_INS check-ins
 * (default 1 M over 21 days and BENCH_TODAY_VENUES venues, default 10,000), after the lists of the
 * other venues in turn. Loaded at 50 connections through the real server by wrk (support/wrk.ts; autocannon
 * when wrk is missing or BENCH_LOAD_GENERATOR=autocannon); reports req/s, latency and the CPU per request
 * of the database, the app and the load generator.
 *
 *   bash bench/run.sh venue-today postgres      (or pglite)
 */
import { startOfLocalDay } from '../../src/server/domain/local-day.js';
import { withDbCpu } from '../support/db-cpu.js';
import { loadCheckIns, openWorld, settle, uniformVisits } from '../support/bulk.js';
import { serveWorld } from '../support/load.js';
import { measureRequests } from '../support/wrk.js';
import { reportServerMemory } from '../support/memory.js';

const target = process.argv[2] ?? 'pglite';
const VENUES = Number(process.env.BENCH_TODAY_VENUES ?? 10_000);
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 1_000_000);
const TODAY_ROWS = 200;

const world = await openWorld(target, VENUES);
const uniform = uniformVisits(world, 300_000);
const midnight = startOfLocalDay(world.today, world.config.timeZone).getTime();
// The first 200 rows: people at venue 0 today, one a minute up to now (never before midnight).
if (!world.reused)
  await loadCheckIns(world, CHECK_INS, (i) =>
    i < TODAY_ROWS
      ? {
          venue: 0,
          at: Math.max(midnight + i * 1000, world.now.getTime() - (i + 1) * 60_000),
          person: 1_000_000 + i,
        }
      : uniform(i),
  );
await settle(world);

const server = await serveWorld(world);
const url = `${server.baseUrl}/api/venues/${world.firstVenueId}/today`;
try {
  const sample = await fetch(url, { headers: { cookie: server.cookie } });
  const rows = ((await sample.json()) as { items?: unknown[] }).items?.length ?? 0;
  if (!sample.ok || rows < TODAY_ROWS) throw new Error(`sample request: ${sample.status}, ${rows} rows`);
  console.log(`today list of venue ${world.firstVenueId}: ${rows} rows`);
  // First the lists of quiet venues, as a province's many door pages ask for them (a few entries each)
  // of a server just started: left to its own choice, PostgreSQL planned the statement for each call.
  const others = Array.from(
    { length: VENUES - 1 },
    (_, i) => `/api/venues/${world.firstVenueId + 1 + i}/today`,
  );
  await withDbCpu(
    () =>
      measureRequests(
        `venue today list, other venues in turn (≈ ${Math.round(CHECK_INS / VENUES / 21)} entries each), ${target}`,
        server.baseUrl,
        { paths: others },
        { cookie: server.cookie },
      ),
    server,
  );
  await withDbCpu(
    () =>
      measureRequests(
        `venue today list (${rows} rows), ${target}`,
        server.baseUrl,
        { paths: [new URL(url).pathname] },
        {
          cookie: server.cookie,
        },
      ),
    server,
  );
  reportServerMemory(`venue today list, ${target}`, server);
} finally {
  await server.stop();
  await world.fresh.drop();
}
