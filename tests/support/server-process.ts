/**
 * The production server as a process: `node dist/node/server/main.js` (built when stale), on a free
 * loopback port, with its log lines kept, for tests of signals, crashes and start-up.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags.js';

/** The project's folder (tests and scripts run the built server from it). */
export const ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_MAIN = 'dist/node/server/main.js';

/**
 * What the tests add to node's flags, for their own processes (vitest.config.ts) and the servers they
 * start (the benchmarks do not): V8 compiles PGlite's WebAssembly with its baseline compiler only
 * (Liftoff). A test's database lives for seconds; optimising PostgreSQL's hot functions again with
 * TurboFan costs more CPU than it saves there. A server on a copy of the tests' template is healthy
 * after 1.8 s of CPU instead of 3.4 s; the PGlite tier used ≈ 15 % less CPU (alternated runs,
 * tests/README.md). The code does the same; only its speed differs.
 */
export const TEST_NODE_FLAGS = ['--liftoff-only'];

/** Builds dist/ when a source changed since the last build (a no-op otherwise). */
export function buildIfStale() {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Every line the server wrote (stdout and stderr). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  healthy(timeoutMs?: number): Promise<void>;
}

/**
 * Starts the server with `env` (PORT, HOST, PUBLIC_URL set here); `wrapper` runs it under e.g. strace,
 * `nodeArgs` go to node (e.g. --cpu-prof for a benchmark's profile).
 */
export async function spawnServer(
  env: Record<string, string>,
  opts: { wrapper?: string[]; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const command = [
    ...(opts.wrapper ?? []),
    process.execPath,
    ...SERVER_NODE_FLAGS,
    ...(opts.nodeArgs ?? []),
    SERVER_MAIN,
  ];
  const child = spawn(command[0]!, command.slice(1), {
    // BENCH_SERVER_ROOT: another checkout's build (a benchmark alternating two commits on one database).
    cwd: process.env.BENCH_SERVER_ROOT ?? ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      // The fixtures name 2021 units (three levels); journeys on the 2025 list ask for it.
      ADMIN_UNITS_VERSION: 'vn-gso-2021',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  return {
    baseUrl,
    child,
    lines,
    exited,
    async healthy(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${lines.join('\n')}`);
        const ok = await fetch(`${baseUrl}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`server not healthy after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}
