/**
 * A deployment on loopback, from well-known parts (issue 17): a PostgreSQL primary with default
 * durability, a streaming replica made with `pg_basebackup -R`, two app nodes running the compiled
 * server with plain `node`, and HAProxy balancing them with health checks on /api/health.
 * Used by `npm run cluster` (scripts/cluster/cli.ts) and by the cluster tests (tests/cluster).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server-node-flags.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER_MAIN = join(ROOT, 'dist/node/server/main.js');
const DATABASE = 'qr';

export interface ClusterState {
  dir: string;
  ports: { primary: number; replica: number; nodes: number[]; balancer: number };
  /** Which server the nodes write to now ('replica' after a failover). */
  writesTo: 'primary' | 'replica';
  nodePids: (number | null)[];
  /** Extra environment of every node (admin account, unit list…). */
  env: Record<string, string>;
}

export class Cluster {
  private constructor(readonly state: ClusterState) {}

  /** The address people and tests use: the load balancer. */
  get url() {
    return `http://127.0.0.1:${this.state.ports.balancer}`;
  }

  nodeUrl(i: number) {
    return `http://127.0.0.1:${this.state.ports.nodes[i]}`;
  }

  databaseUrl(server: 'primary' | 'replica') {
    return `postgres://postgres@127.0.0.1:${this.state.ports[server]}/${DATABASE}`;
  }

  /** Starts every part in `dir` (created) and waits until the balancer answers. */
  static async up(dir: string, env: Record<string, string> = {}): Promise<Cluster> {
    mkdirSync(dir, { recursive: true });
    const [primary, replica, node1, node2, balancer] = await freePorts(5);
    const cluster = new Cluster({
      dir,
      ports: { primary: primary!, replica: replica!, nodes: [node1!, node2!], balancer: balancer! },
      writesTo: 'primary',
      nodePids: [null, null],
      env,
    });
    cluster.save();
    await cluster.startPrimary();
    await cluster.startReplica();
    // One node at a time the first time: the first creates the key files the second reads.
    for (let i = 0; i < cluster.state.ports.nodes.length; i++) await cluster.startNode(i);
    cluster.startBalancer();
    await waitFor(`${cluster.url}/api/health`, 30_000);
    return cluster;
  }

  /** The cluster `npm run cluster up` left in `dir`. */
  static load(dir: string): Cluster {
    return new Cluster(JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as ClusterState);
  }

  private save() {
    writeFileSync(join(this.state.dir, 'cluster.json'), JSON.stringify(this.state, null, 2));
  }

  private async startPrimary() {
    const data = this.pgDir('primary');
    pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    // Default durability (fsync, synchronous_commit on); WAL kept for a replica that falls behind.
    this.pgStart('primary', ['-c wal_keep_size=512MB', '-c max_connections=200']);
    pg('createdb', ['-h', '127.0.0.1', '-p', String(this.state.ports.primary), '-U', 'postgres', DATABASE]);
  }

  private async startReplica() {
    const data = this.pgDir('replica', false);
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
    pg('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(this.state.ports.primary), '-U', 'postgres'],
      ...['-D', data, '-R', '-X', 'stream', '-c', 'fast'],
    ]);
    // Feedback: long dashboard queries on the replica are not cancelled by the primary's vacuum.
    this.pgStart('replica', ['-c hot_standby_feedback=on', '-c max_connections=200']);
  }

  private pgDir(server: 'primary' | 'replica', create = true) {
    const data = join(this.state.dir, server);
    if (create) mkdirSync(data, { recursive: true });
    else mkdirSync(this.state.dir, { recursive: true });
    if (process.getuid?.() === 0) {
      ensurePostgresUser();
      chownSync(this.state.dir, postgresUid(), postgresUid());
      if (create) chownSync(data, postgresUid(), postgresUid());
    }
    return data;
  }

  private pgStart(server: 'primary' | 'replica', settings: string[]) {
    const port = this.state.ports[server];
    const opts = [
      ...[`-c listen_addresses=127.0.0.1`, `-c port=${port}`, `-c unix_socket_directories=${this.state.dir}`],
      ...settings,
    ].join(' ');
    const data = join(this.state.dir, server);
    pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(this.state.dir, `${server}.log`),
      '-w',
      '-t',
      '60',
      'start',
      '-o',
      opts,
    ]);
  }

  /** Starts app node `i` (compiled server, plain node) and waits until it is healthy. */
  async startNode(i: number) {
    const port = this.state.ports.nodes[i]!;
    const writesTo = this.state.writesTo;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: this.url,
      DATABASE_URL: this.databaseUrl(writesTo),
      // After a failover the old replica is the primary: no replica until a new one is made.
      ...(writesTo === 'primary' ? { READ_DATABASE_URL: this.databaseUrl('replica') } : {}),
      TRUST_PROXY: '127.0.0.1',
      KEYS_DIR: join(this.state.dir, 'keys'),
      DATA_DIR: join(this.state.dir, `node${i + 1}`),
      LOG_LEVEL: 'warn',
      ...this.state.env,
    };
    if (writesTo !== 'primary') delete env.READ_DATABASE_URL;
    const log = openSync(join(this.state.dir, `node${i + 1}.log`), 'a');
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_MAIN], {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    child.unref();
    this.state.nodePids[i] = child.pid ?? null;
    this.save();
    await waitFor(`${this.nodeUrl(i)}/api/health`, 60_000, () => child.exitCode !== null);
  }

  /** kill -9 of app node `i`: no goodbye, requests in flight are cut. */
  killNode(i: number) {
    signal(this.state.nodePids[i], 'SIGKILL');
    this.state.nodePids[i] = null;
    this.save();
  }

  /** Stops app node `i` the way a service manager does (SIGTERM: it drains, then exits). */
  async stopNode(i: number) {
    const pid = this.state.nodePids[i];
    signal(pid, 'SIGTERM');
    // As a service manager does: SIGKILL when the node has not drained and exited in time.
    if (pid) await waitUntil(() => !alive(pid), 20_000).catch(() => signal(pid, 'SIGKILL'));
    this.state.nodePids[i] = null;
    this.save();
  }

  private startBalancer() {
    const { nodes, balancer } = this.state.ports;
    const config = [
      'global',
      '  maxconn 4096',
      // One thread: on a small machine the app nodes and PostgreSQL need the other cores.
      '  nbthread 1',
      `  stats socket ${join(this.state.dir, 'haproxy.sock')} mode 600 level user`,
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 30s',
      '  timeout server 30s',
      '  option forwardfor',
      // A request that could not reach a node (it died) goes to the other one; nothing was sent yet.
      '  retries 3',
      '  option redispatch',
      '  retry-on conn-failure empty-response',
      `frontend app`,
      `  bind 127.0.0.1:${balancer}`,
      '  default_backend nodes',
      'backend nodes',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  http-check expect status 200',
      ...nodes.map((port, i) => `  server node${i + 1} 127.0.0.1:${port} check inter 1s fall 2 rise 1`),
      '',
    ].join('\n');
    const file = join(this.state.dir, 'haproxy.cfg');
    writeFileSync(file, config);
    execFileSync('haproxy', ['-c', '-q', '-f', file]);
    execFileSync('haproxy', ['-D', '-f', file, '-p', join(this.state.dir, 'haproxy.pid')]);
  }

  /** What the balancer counted per app node: requests sent, retried, redispatched, and its state. */
  async balancerStats(): Promise<
    { node: string; status: string; sessions: number; retries: number; redispatches: number }[]
  > {
    const csv = await new Promise<string>((ok, fail) => {
      let text = '';
      const socket = connect(join(this.state.dir, 'haproxy.sock'), () => socket.write('show stat\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => ok(text));
      socket.on('error', fail);
    });
    const [header, ...lines] = csv.replace(/^# /, '').trim().split('\n');
    const columns = header!.split(',');
    const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
    return lines
      .map((line) => line.split(','))
      .filter((row) => at(row, 'pxname') === 'nodes' && at(row, 'svname').startsWith('node'))
      .map((row) => ({
        node: at(row, 'svname'),
        status: at(row, 'status'),
        sessions: Number(at(row, 'stot')),
        retries: Number(at(row, 'wretr')),
        redispatches: Number(at(row, 'wredis')),
      }));
  }

  /** The primary goes away (pg_ctl stop -m fast): the start of a failover. */
  stopPrimary() {
    pg('pg_ctl', ['-D', join(this.state.dir, 'primary'), '-m', 'fast', '-w', 'stop']);
  }

  /**
   * The failover runbook: promote the replica (pg_ctl promote), then restart the nodes one at a time
   * with DATABASE_URL on it, so the balancer always has a node to send to.
   */
  async failOverToReplica() {
    pg('pg_ctl', ['-D', join(this.state.dir, 'replica'), '-w', 'promote']);
    this.state.writesTo = 'replica';
    this.save();
    for (let i = 0; i < this.state.ports.nodes.length; i++) {
      await this.stopNode(i);
      await this.startNode(i);
    }
  }

  /** Stops everything this cluster started; its directory is left for the logs unless `remove`. */
  down() {
    for (const pid of this.state.nodePids) signal(pid, 'SIGKILL');
    const haproxyPid = join(this.state.dir, 'haproxy.pid');
    if (existsSync(haproxyPid)) signal(Number(readFileSync(haproxyPid, 'utf8').trim()), 'SIGTERM');
    for (const server of ['primary', 'replica'] as const) {
      if (existsSync(join(this.state.dir, server, 'postmaster.pid')))
        try {
          pg('pg_ctl', ['-D', join(this.state.dir, server), '-m', 'immediate', '-w', 'stop']);
        } catch {
          /* already stopped */
        }
    }
  }

  describe() {
    const { ports } = this.state;
    return [
      `load balancer  ${this.url}  (HAProxy, round robin, health checks on /api/health)`,
      ...ports.nodes.map(
        (_, i) => `app node ${i + 1}     ${this.nodeUrl(i)}  (log: ${this.state.dir}/node${i + 1}.log)`,
      ),
      `primary        ${this.databaseUrl('primary')}`,
      `replica        ${this.databaseUrl('replica')}  (streaming, hot standby)`,
    ].join('\n');
  }
}

/** Runs a PostgreSQL program (as the `postgres` user when we are root: PostgreSQL refuses root). */
function pg(program: string, args: string[]) {
  const bin = join(postgresBin(), program);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : bin, asRoot ? ['-u', 'postgres', '--', bin, ...args] : args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function postgresBin() {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('PostgreSQL is not installed (scripts/ensure-system-deps.sh)');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

function ensurePostgresUser() {
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', 'postgres']);
  }
}

function postgresUid() {
  return Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
}

function signal(pid: number | null | undefined, sig: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `url` answers 200 (fails early when `gaveUp` says the process died). */
async function waitFor(url: string, timeoutMs: number, gaveUp: () => boolean = () => false) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gaveUp()) throw new Error(`${url}: the process exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((ok, fail) => {
          const srv = createServer();
          srv.listen(0, '127.0.0.1', () => ok(srv));
          srv.on('error', fail);
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}
