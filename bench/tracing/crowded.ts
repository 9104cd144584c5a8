/**
 * bench/tracing/crowded: the F1 query (POST /api/tracing/queries, depth 1, last 14 days, audit write
 * included) for a case who sat in a crowded venue: BENCH_CROWD people (default 340) there within the
 * case's stay, ≥ 300 contacts found. On a database of BENCH_CHECK_INS check-ins (default 1 M) over
 * 10,000 venues; loaded at 50 connections through the real server; reports req/s, latency and the
 * database CPU per request.
 *
 *   bash bench/run.sh tracing/crowded postgres      (or pglite)
 */
import { withDbCpu } from '../support/db-cpu.js';
import { loadCheckIns, openWorld, settle, personPhone, uniformVisits } from '../support/bulk.js';
import { serveWorld } from '../support/load.js';
import { reportServerMemory } from '../support/memory.js';
import { measureRequests, warmUp } from '../support/wrk.js';

const target = process.argv[2] ?? 'pglite';
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 1_000_000);
const CROWD = Number(process.env.BENCH_CROWD ?? 340);
const CASE_PERSON = 5_000_000;

const world = await openWorld(target, 10_000);
const uniform = uniformVisits(world, 300_000);
// The case was at venue 0 two days ago from 10:00; the crowd came within 20 minutes of them.
const stay = world.now.getTime() - 2 * 86_400_000 - 3 * 3_600_000;
if (!world.reused)
  await loadCheckIns(world, CHECK_INS, (i) => {
    if (i === 0) return { venue: 0, at: stay, person: CASE_PERSON };
    if (i === 1) return { venue: 1, at: stay - 86_400_000, person: CASE_PERSON };
    if (i <= CROWD + 1)
      return { venue: 0, at: stay + ((i * 7919) % 40) * 60_000 - 20 * 60_000, person: 2_000_000 + i };
    return uniform(i);
  });
await settle(world);
const server = await serveWorld(world);
const url = `${server.baseUrl}/api/tracing/queries`;
const body = JSON.stringify({
  subject: { phone: personPhone(CASE_PERSON) },
  purpose: 'Đo tải truy vết ca bệnh ở nơi đông người',
});
try {
  const sample = await fetch(url, {
    method: 'POST',
    headers: { cookie: server.cookie, 'content-type': 'application/json' },
    body,
  });
  const found = ((await sample.json()) as { contacts?: unknown[] }).contacts?.length ?? 0;
  if (!sample.ok || found < 300) throw new Error(`sample request: ${sample.status}, ${found} contacts`);
  console.log(`the case has ${found} contacts`);
  const requests = { paths: [new URL(url).pathname], method: 'POST', body } as const;
  await warmUp(server.baseUrl, requests, { cookie: server.cookie });
  await withDbCpu(
    () =>
      measureRequests(`tracing, ${found} contacts, ${target}`, server.baseUrl, requests, {
        cookie: server.cookie,
      }),
    server,
  );
  reportServerMemory(`tracing, ${target}`, server);
} finally {
  await server.stop();
  await world.fresh.drop();
}
