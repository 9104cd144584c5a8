/**
 * A PostgreSQL server of one test's own (initdb in a temporary directory, loopback port), which the test
 * may stop, start, freeze (SIGSTOP) and thaw without disturbing the suite's shared server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.js';

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

export interface PostgresServer {
  url: string;
  dataDir: string;
  start(): void;
  stop(): void;
  /** SIGSTOP / SIGCONT every process of the server: it keeps its sockets but answers nothing. */
  freeze(): void;
  thaw(): void;
  /** kill -9 of every process of the server, as a crash leaves it (start() then recovers). */
  crash(): void;
  remove(): void;
}

/**
 * Starts a server with `settings` (`name=value`) on a new data directory: initdb's, or a copy of
 * `copyOf` (the data directory of a server stopped cleanly, e.g. one a test migrated once for all its
 * servers: initdb and the app's migrations cost ≈ 4 s of CPU a server).
 */
export async function startPostgresServer(
  settings: string[] = [],
  { copyOf }: { copyOf?: string } = {},
): Promise<PostgresServer> {
  const bin = postgresBin();
  const work = mkdtempSync(join(tmpdir(), 'qr-own-pg-'));
  const data = join(work, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root, run it as the 'postgres' system user.
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asPostgres.length) {
    spawnSync('useradd', ['--system', '--home-dir', work, 'postgres']);
    chownSync(work, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  }
  const asServerUser = (exe: string, args: string[]) => {
    const [command, ...rest] = [...asPostgres, exe, ...args];
    execFileSync(command!, rest, { stdio: 'ignore' });
  };
  const run = (cmd: string, args: string[]) => asServerUser(`${bin}/${cmd}`, args);
  // A copy keeps the original's modes; made by the server's user, it is that user's too.
  if (copyOf) asServerUser('cp', ['-a', copyOf, data]);
  else run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
  const options = [
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${work}`,
    '-c fsync=off -c synchronous_commit=off',
    ...settings.map((s) => `-c ${s}`),
  ].join(' ');
  const pids = () => {
    const pidFile = join(data, 'postmaster.pid');
    if (!existsSync(pidFile)) return []; // not running
    const postmaster = readFileSync(pidFile, 'utf8').split('\n')[0]!;
    const children = spawnSync('pgrep', ['-P', postmaster]).stdout.toString().split('\n').filter(Boolean);
    return [postmaster, ...children].map(Number);
  };
  const server: PostgresServer = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: data,
    start: () =>
      run('pg_ctl', ['-D', data, '-l', join(work, 'log'), '-w', '-t', '60', 'start', '-o', options]),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    freeze: () => pids().forEach((pid) => process.kill(pid, 'SIGSTOP')),
    thaw: () => pids().forEach((pid) => process.kill(pid, 'SIGCONT')),
    crash: () => {
      const killed = pids();
      killed.forEach((pid) => process.kill(pid, 'SIGKILL'));
      // Gone (or a zombie) before a new postmaster looks at the old one's lock file.
      const alive = (pid: number) => {
        try {
          return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
        } catch {
          return false; // gone
        }
      };
      const deadline = Date.now() + 10_000;
      while (killed.some(alive) && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    },
    remove: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        /* already stopped */
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
