/** Shared parts of the HTTP benchmarks: a server on loopback, venues to hit, repeated autocannon runs. */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../../scripts/cluster/topology.js';
import { startServer, type RunningServer } from '../../tests/e2e/support/server.js';
import { BENCH_ADMIN, type BulkWorld } from './bulk.js';
import { machineGauge } from './machine-gauge.js';

export const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  venues: Number(process.env.BENCH_VENUES ?? 100),
  runs: Number(process.env.BENCH_RUNS ?? 3),
  /** Seconds of the same load before the timed runs, where a benchmark asks for one (warmUp in wrk.ts). */
  warmUpSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  /** People the load cycles through, the same number in every benchmark, so that each path closes
   *  earlier stays of the same person at the same rate. */
  people: Number(process.env.BENCH_PEOPLE ?? 2000),
};

export const MANAGER_PASSWORD = 'bench-password';

/** Starts the server for `target` ('pglite' | 'postgres' | 'cluster'); postgres needs scripts/with-postgres.sh around it. */
export async function benchServer(
  target: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  if (target === 'postgres' && !process.env.TEST_DATABASE_URL) {
    console.error('postgres: run through bench/run.sh (npm run bench:… -- postgres does this)');
    process.exit(2);
  }
  if (target === 'pglite') delete process.env.TEST_DATABASE_URL;
  const env = { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', LOG_LEVEL: 'error', ...extraEnv };
  if (target === 'cluster') return clusterServer(env);
  return startServer(env, profileArgs());
}

/**
 * `cluster`: the deployment of scripts/cluster/topology.ts (HAProxy, two nodes, a durable primary
 * streaming to a replica), driven through its balancer.
 */
async function clusterServer(env: Record<string, string>): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'qr-bench-cluster-'));
  const cluster = await Cluster.up(dir, { ...env, ADMIN_UNITS_VERSION: 'vn-gso-2021' });
  console.log(cluster.describe());
  return {
    baseUrl: cluster.url,
    stop: async () => {
      cluster.down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** BENCH_PROFILE=dir: the server writes a V8 CPU profile there (open it in Chrome DevTools). */
export function profileArgs(): string[] {
  return process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
}

export interface BenchVenue {
  id: number;
  code: string;
  phone: string;
}

export async function registerVenues(baseUrl: string, count: number): Promise<BenchVenue[]> {
  const venues: BenchVenue[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
    const res = await fetch(`${baseUrl}/api/venues`, {
      method: 'POST',
      // Registration is limited per address; spread the set-up over documentation-range addresses.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}` },
      body: JSON.stringify({
        name: `Địa điểm ${i}`,
        category: 'market',
        adminUnitCode: '00001',
        address: `${i} Phố Huế`,
        contactName: 'Bench',
        contactPhone: phone,
        managerPassword: MANAGER_PASSWORD,
      }),
    });
    if (res.status !== 201) throw new Error(`venue ${i}: ${res.status} ${await res.text()}`);
    venues.push({ ...((await res.json()) as { id: number; code: string }), phone });
  }
  return venues;
}

export interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Requests of every run together (for costs measured over the whole call, e.g. database CPU). */
  allRuns: number;
}

/** Runs autocannon `settings.runs` times and prints each run and the median run (by req/s). */
export async function measure(
  label: string,
  url: string,
  setupRequest: (req: autocannon.Request) => autocannon.Request,
  method: 'GET' | 'POST' = 'POST',
  headers: Record<string, string> = {},
): Promise<RunFigures> {
  const results: Omit<RunFigures, 'allRuns'>[] = [];
  const gaugeBefore = machineGauge();
  for (let run = 1; run <= settings.runs; run++) {
    const result = await autocannon({
      url,
      connections: settings.connections,
      duration: settings.seconds,
      requests: [
        method === 'POST'
          ? { method, headers: { 'content-type': 'application/json', ...headers }, setupRequest }
          : { method, headers, setupRequest },
      ],
    });
    const row = {
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      total: result.requests.total,
    };
    results.push(row);
    printRun(run, row);
  }
  return medianOfRuns(label, results, gaugeBefore, `${settings.venues} venues, ${settings.people} people`);
}

/** One run's figures, as each run ends. */
export function printRun(run: number, row: Omit<RunFigures, 'allRuns'>, generator = '') {
  console.log(
    `run ${run}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, non-2xx ${row.non2xx}, total ${row.total}${generator}`,
  );
}

/**
 * Prints the machine's speed before and after the runs and the median run (by req/s), and returns it
 * with the requests of every run.
 */
export function medianOfRuns(
  label: string,
  results: Omit<RunFigures, 'allRuns'>[],
  gaugeBefore: number,
  loadDescription: string,
): RunFigures {
  // The machine's speed before and after (bench/support/machine-gauge.ts): figures compare only at a similar gauge.
  console.log(
    `machine gauge: ${gaugeBefore} ms before the runs, ${machineGauge()} ms after (lower is faster)`,
  );
  const median = [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)]!;
  console.log(
    `${label}: median ${median.rps} req/s, p50 ${median.p50} ms, p99 ${median.p99} ms, errors ${median.errors}, non-2xx ${median.non2xx} ` +
      `(${settings.runs} runs × ${settings.seconds} s, ${settings.connections} connections, ${loadDescription})`,
  );
  return { ...median, allRuns: results.reduce((n, r) => n + r.total, 0) };
}

/**
 * The real server on a bulk-loaded world's database (its context closed first), logged in as the
 * bench's national admin: `cookie` is that session.
 */
export async function serveWorld(
  world: BulkWorld,
  env: Record<string, string> = {},
): Promise<RunningServer & { cookie: string }> {
  await world.ctx.db.close();
  const server = await startServer(
    {
      LOG_LEVEL: 'error',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
      ADMIN_UNITS_VERSION: world.config.adminUnitsVersion,
      KEYS_DIR: world.config.keysDir!,
      ...(world.fresh.url ? { DATABASE_URL: world.fresh.url } : { DATA_DIR: world.config.dataDir }),
      ...env,
    },
    profileArgs(),
  );
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const sid = /sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!login.ok || !sid) throw new Error(`bench admin login: ${login.status}`);
  return { ...server, cookie: `sid=${sid}` };
}
