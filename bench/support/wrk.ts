/**
 * Loads through wrk (Debian's `wrk`, C and epoll; bench/run.sh installs it) instead of autocannon, for
 * the read benchmarks (the same request or a list of paths in turn): the load generator shares the machine's two cores
 * with the server and PostgreSQL, and autocannon spent 0.5–0.9 ms of CPU on each 48 KB answer of the
 * door's list, a quarter of the machine, which the figures then charged to the server. wrk spends a
 * tenth of that; its own CPU is reported beside the server's either way (`withDbCpu`).
 * BENCH_LOAD_GENERATOR=autocannon keeps the old generator for a comparison.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineGauge } from './machine-gauge.js';
import { measure, medianOfRuns, printRun, type RunFigures, settings } from './load.js';

let installed: boolean | undefined;
/** wrk when it is installed and not turned down by BENCH_LOAD_GENERATOR=autocannon (looked up once). */
function wrkAvailable(): boolean {
  if (process.env.BENCH_LOAD_GENERATOR === 'autocannon') return false;
  if (installed === undefined) {
    try {
      execFileSync('wrk', ['--version'], { stdio: 'ignore' });
      installed = true;
    } catch (err) {
      // wrk --version exits 1 after printing its version: it ran.
      installed = (err as { status?: number }).status === 1;
    }
    if (!installed) console.log('(autocannon: wrk is not installed; bench/run.sh installs it)');
  }
  return installed;
}

/** What wrk sends: `paths` in turn (one list for all connections), each with `method` and `body`. */
export interface WrkRequests {
  paths: readonly string[];
  method?: 'GET' | 'POST';
  body?: string;
}

/** A Lua string literal of any text: its UTF-8 bytes, all but plain printable ASCII as \ddd. */
function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8'))
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${String(byte).padStart(3, '0')}`;
  return `${out}"`;
}

/**
 * The Lua script: the requests in turn, the headers on every request, and at the end one JSON line of
 * figures (latencies in microseconds).
 */
function luaScript({ paths, method = 'GET', body }: WrkRequests, headers: Record<string, string>): string {
  return `
paths = { ${paths.map(luaString).join(', ')} }
local n = 0
${Object.entries(headers)
  .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
  .join('\n')}
local body = ${body === undefined ? 'nil' : luaString(body)}
request = function()
  n = n + 1
  return wrk.format(${luaString(method)}, paths[(n - 1) % #paths + 1], nil, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"total":%d,"micros":%d,"p50":%d,"p99":%d,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;
}

function runWrk(
  baseUrl: string,
  script: string,
  seconds = settings.seconds,
): Promise<Omit<RunFigures, 'allRuns'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'wrk',
      ['-t1', `-c${settings.connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, baseUrl],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"total"'));
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}:\n${out}`));
      const r = JSON.parse(line) as {
        total: number;
        micros: number;
        p50: number;
        p99: number;
        errors: number;
        non2xx: number;
      };
      resolve({
        rps: Math.round(r.total / (r.micros / 1e6)),
        p50: Math.round(r.p50 / 1000),
        p99: Math.round(r.p99 / 1000),
        errors: r.errors,
        non2xx: r.non2xx,
        total: r.total,
      });
    });
  });
}

/**
 * As `measure` (load.ts): `requests` in turn on `baseUrl`, `settings.runs` runs, through wrk when it is
 * available, else autocannon. A POST's body is sent as JSON.
 */
export function measureRequests(
  label: string,
  baseUrl: string,
  requests: WrkRequests,
  headers: Record<string, string> = {},
): Promise<RunFigures> {
  const { paths, method = 'GET', body } = requests;
  if (wrkAvailable()) return measureWithWrk(label, baseUrl, requests, headers);
  let next = 0;
  return measure(
    label,
    baseUrl + paths[0],
    (req) => ({ ...req, path: paths[next++ % paths.length], ...(body === undefined ? {} : { body }) }),
    method,
    headers,
  );
}

/**
 * Runs `use` with the path of a wrk Lua script that sends `requests` with `headers` (a POST's body as
 * JSON), in a temporary directory removed afterwards.
 */
async function withWrkScript<T>(
  requests: WrkRequests,
  headers: Record<string, string>,
  use: (script: string) => Promise<T>,
): Promise<T> {
  const typed = requests.method === 'POST' ? { 'content-type': 'application/json', ...headers } : headers;
  const dir = mkdtempSync(join(tmpdir(), 'qr-bench-wrk-'));
  try {
    const script = join(dir, 'load.lua');
    writeFileSync(script, luaScript(requests, typed));
    return await use(script);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The load of `measureRequests` for `settings.warmUpSeconds`, untimed and outside any CPU count: a
 * server in service has compiled its hot code and opened its database connections (each of which
 * prepares its statements and loads the catalogue of every day partition); the first timed run of a
 * server just started measured that instead (tracing: 231–260 req/s against 270–306 for the next two).
 */
export async function warmUp(baseUrl: string, requests: WrkRequests, headers: Record<string, string> = {}) {
  if (settings.warmUpSeconds <= 0 || !wrkAvailable()) return;
  const row = await withWrkScript(requests, headers, (script) =>
    runWrk(baseUrl, script, settings.warmUpSeconds),
  );
  console.log(`warm-up: ${row.rps} req/s for ${settings.warmUpSeconds} s (not counted)`);
}

/** `measureRequests` through wrk. */
async function measureWithWrk(
  label: string,
  baseUrl: string,
  requests: WrkRequests,
  headers: Record<string, string>,
): Promise<RunFigures> {
  const results: Omit<RunFigures, 'allRuns'>[] = [];
  const gaugeBefore = machineGauge();
  await withWrkScript(requests, headers, async (script) => {
    for (let run = 1; run <= settings.runs; run++) {
      const row = await runWrk(baseUrl, script);
      results.push(row);
      printRun(run, row, ' (wrk)');
    }
  });
  return medianOfRuns(label, results, gaugeBefore, 'wrk');
}
