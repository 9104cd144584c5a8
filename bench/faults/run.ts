/**
 * Fault experiments with retrying clients (as a scanner's offline queue retries), on one engine:
 *   npm run bench:faults -- pglite | postgres
 * The production server (node dist/node/server/main.js) runs in a child process; BENCH_CLIENTS clients
 * send check-ins with fresh clientIds and retry each one (same clientId) until it is acknowledged (201,
 * or 200 for a repeat).
 * Meanwhile: kill -9 of the app BENCH_KILLS times, SIGTERM twice, 50 copies of one clientId at once,
 * and on PostgreSQL a 12 s freeze (SIGSTOP) and a kill -9 of the server. Then it counts: acknowledged,
 * stored, lost (acknowledged, not stored), duplicated (one clientId stored twice or answered with two
 * ids), invented (stored, never sent), and whether the daily aggregates match the raw rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/server/db/open.js';
import { startPostgresServer, type PostgresServer } from '../../tests/support/postgres-server.js';
import { buildIfStale, spawnServer, type ServerProcess } from '../../tests/support/server-process.js';

const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const KILLS = Number(process.env.BENCH_KILLS ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

buildIfStale();
const dataDir = mkdtempSync(join(tmpdir(), 'qr-faults-'));
let pgServer: PostgresServer | undefined;
if (engine === 'postgres') {
  // Durable like production: fsync and synchronous commit on.
  pgServer = await startPostgresServer(['fsync=on', 'synchronous_commit=on', 'full_page_writes=on']);
}
const env = {
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
  ...(pgServer ? { DATABASE_URL: pgServer.url } : {}),
};

let server: ServerProcess = await startApp();
// However this program ends, it leaves no server or database behind.
process.on('exit', () => {
  server.child.kill('SIGKILL');
  pgServer?.remove();
});
async function startApp() {
  const s = await spawnServer(env);
  await s.healthy(120_000);
  return s;
}

const venueCodes: string[] = [];
for (let i = 0; i < 5; i++) {
  const res = await fetch(`${server.baseUrl}/api/venues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
    body: JSON.stringify({
      name: `Điểm ${i}`,
      category: 'market',
      adminUnitCode: '00001',
      address: `${i} Hàng Đào`,
      contactName: 'Bench',
      contactPhone: `09${String(20_000_000 + i)}`,
      managerPassword: 'bench-password',
    }),
  });
  venueCodes.push(((await res.json()) as { code: string }).code);
}

// --- retrying clients -----------------------------------------------------------------------------
const sent = new Set<string>();
const answers = new Map<string, Set<string>>(); // clientId → every id answered for it
let acknowledged = 0;
let attempts = 0;
let failedAttempts = 0;
let running = true;

async function sendUntilAcknowledged(clientId: string, body: string) {
  for (;;) {
    attempts += 1;
    try {
      const res = await fetch(`${server.baseUrl}/api/check-ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      const json = (await res.json()) as { id?: string };
      if ((res.status === 201 || res.status === 200) && json.id) {
        if (!answers.has(clientId)) answers.set(clientId, new Set());
        answers.get(clientId)!.add(json.id);
        return;
      }
    } catch {
      /* refused, reset or timed out: the queue keeps it and tries again */
    }
    failedAttempts += 1;
    await sleep(200);
  }
}

function checkInBody(clientId: string, n: number) {
  return JSON.stringify({
    venueCode: venueCodes[n % venueCodes.length],
    clientId,
    channel: 'qr_self',
    person: { fullName: `Người ${n % 500}`, phone: `07${String(n % 500).padStart(8, '0')}` },
  });
}

let n = 0;
const clients = Array.from({ length: CLIENTS }, async () => {
  while (running) {
    const clientId = crypto.randomUUID();
    sent.add(clientId);
    n += 1;
    await sendUntilAcknowledged(clientId, checkInBody(clientId, n));
    acknowledged += 1;
  }
});

// --- the experiments ---------------------------------------------------------------------------------
const events: string[] = [];
const say = (line: string) => {
  events.push(line);
  console.log(`  ${line}`);
};
console.log(`faults on ${engine}: ${CLIENTS} retrying clients`);
await sleep(2000);
for (let i = 1; i <= KILLS; i++) {
  server.child.kill('SIGKILL');
  await server.exited;
  server = await startApp();
  say(`kill -9 of the app ${i}/${KILLS}: restarted`);
  await sleep(1500);
}
for (let i = 1; i <= 2; i++) {
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  say(`SIGTERM ${i}/2: exit code ${exit.code}${exit.signal ? ` (signal ${exit.signal})` : ''}`);
  server = await startApp();
  await sleep(1500);
}
{
  const clientId = crypto.randomUUID();
  sent.add(clientId);
  const body = checkInBody(clientId, 0);
  await Promise.all(Array.from({ length: 50 }, () => sendUntilAcknowledged(clientId, body)));
  acknowledged += 1;
  say(`50 copies of one clientId at once: ${answers.get(clientId)?.size ?? 0} distinct id(s) answered`);
}
if (pgServer) {
  pgServer.freeze();
  await sleep(12_000);
  pgServer.thaw();
  say('PostgreSQL frozen (SIGSTOP) for 12 s, then thawed');
  await sleep(3000);
  pgServer.crash();
  await sleep(1000);
  pgServer.start();
  say('PostgreSQL killed with kill -9, then started (crash recovery)');
  await sleep(3000);
}
running = false;
await Promise.all(clients);
server.child.kill('SIGTERM');
await server.exited;

// --- the count -------------------------------------------------------------------------------------
const db = await openDb({ databaseUrl: pgServer?.url, dataDir: pgServer ? undefined : dataDir });
const ackedIds = [...answers.values()].flatMap((ids) => [...ids]);
const { rows: stored } = await db.query<{ id: string }>('SELECT id FROM check_ins');
const { rows: mapped } = await db.query<{ client_id: string; result_id: string }>(
  "SELECT client_id, result_id FROM client_requests WHERE kind = 'check_in'",
);
const { rows: aggregate } = await db.query<{ n: number }>(
  'SELECT coalesce(sum(qr_self), 0)::int AS n FROM venue_day_counts',
);
await db.close();
const storedIds = new Set(stored.map((r) => r.id));
const resultOf = new Map(mapped.map((r) => [r.client_id, r.result_id]));
const lost = ackedIds.filter((id) => !storedIds.has(id)).length;
const answeredTwice = [...answers.values()].filter((ids) => ids.size > 1).length;
const answerIds = new Set(resultOf.values());
const inventedOrDuplicated = stored.filter((r) => !answerIds.has(r.id)).length;
const neverSent = [...resultOf.keys()].filter((c) => !sent.has(c)).length;

console.log(
  [
    `faults on ${engine}:`,
    `  acknowledged ${acknowledged} (attempts ${attempts}, failed and retried ${failedAttempts})`,
    `  stored       ${stored.length}`,
    `  lost         ${lost}`,
    `  duplicated   ${answeredTwice + inventedOrDuplicated}`,
    `  invented     ${neverSent}`,
    `  daily aggregates ${aggregate[0]!.n} vs raw rows ${stored.length}: ${aggregate[0]!.n === stored.length ? 'match' : 'MISMATCH'}`,
  ].join('\n'),
);
rmSync(dataDir, { recursive: true, force: true });
const ok =
  lost === 0 &&
  answeredTwice + inventedOrDuplicated === 0 &&
  neverSent === 0 &&
  aggregate[0]!.n === stored.length;
process.exit(ok ? 0 : 1);
