/**
 * The production server as a process (plain node on the compiled JavaScript):
 * - SIGTERM under load: every request it received is answered (201, or 503 shutting_down in the
 *   contract's shape), it closes the database and exits 0, and every acknowledged check-in is stored;
 * - on the embedded database, acknowledged check-ins cost real fsync calls (counted with strace);
 * - started on a disk below the free-space floor, it waits and says why.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/open.js';
import { serverStorage, type FreshDatabase } from '../support/database.js';
import { buildIfStale, spawnServer, TEST_NODE_FLAGS, type ServerProcess } from '../support/server-process.js';
import { tempDirs } from '../support/temp-dirs.js';

const onPglite = !process.env.TEST_DATABASE_URL;
const databases: FreshDatabase[] = [];
const tempDir = tempDirs('process');
beforeAll(() => buildIfStale(), 180_000);
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** A data directory holding the migrated template and, on the PostgreSQL run, a fresh database of its own. */
async function storage() {
  const { env, db } = await serverStorage(tempDir());
  databases.push(db);
  return env;
}

async function registerVenue(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/venues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Chợ Đồng Xuân',
      category: 'market',
      adminUnitCode: '00001',
      address: 'Đồng Xuân, Hoàn Kiếm',
      contactName: 'Trần Văn Chợ',
      contactPhone: '0912000111',
      managerPassword: 'manager-pass-1',
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

interface Attempt {
  clientId: string;
  status?: number;
  code?: string;
  id?: string;
  networkError?: string;
}

async function checkIn(server: ServerProcess, venueCode: string): Promise<Attempt> {
  const clientId = crypto.randomUUID();
  try {
    const res = await fetch(`${server.baseUrl}/api/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        venueCode,
        clientId,
        channel: 'qr_self',
        person: {
          fullName: 'Lê Văn Minh',
          phone: `07${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        },
      }),
    });
    const body = (await res.json()) as { id?: string; error?: { code: string } };
    return { clientId, status: res.status, id: body.id, code: body.error?.code };
  } catch (err) {
    return { clientId, networkError: String((err as { cause?: unknown }).cause ?? err) };
  }
}

/** The server's JSON log lines with this message. */
const logged = (server: ServerProcess, msg: string) =>
  server.lines.filter((l) => l.startsWith('{') && (JSON.parse(l) as { msg?: string }).msg === msg);

describe('a server process', () => {
  it('stops on SIGTERM under load: answers every request it received, exits 0, keeps every acknowledged check-in', async () => {
    const env = await storage();
    const server = await spawnServer(
      { ...env, LOG_LEVEL: 'info', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000' },
      { nodeArgs: TEST_NODE_FLAGS },
    );
    await server.healthy();
    const venueCode = await registerVenue(server);

    const attempts: Attempt[] = [];
    let running = true;
    const worker = async () => {
      while (running) attempts.push(await checkIn(server, venueCode));
    };
    const workers = Array.from({ length: 20 }, worker);
    // Under load: 30 check-ins acknowledged (a busy machine takes longer to get there), then the signal.
    for (const until = Date.now() + 20_000; Date.now() < until;) {
      if (attempts.filter((a) => a.status === 201).length >= 30) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    running = false;
    await Promise.all(workers);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    // Every request the server read was answered before it exited.
    expect(logged(server, 'request completed').length).toBe(logged(server, 'incoming request').length);
    const answered = attempts.filter((a) => a.status !== undefined);
    expect(answered.length).toBeGreaterThan(20);
    for (const a of answered) {
      if (a.status !== 201) expect([a.status, a.code]).toEqual([503, 'shutting_down']);
    }
    // Requests sent after it stopped listening were refused, never half-answered.
    const acknowledged = answered.filter((a) => a.status === 201).map((a) => a.id!);
    expect(acknowledged.length).toBeGreaterThan(10);

    const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM check_ins WHERE id = ANY($1::uuid[])',
        [acknowledged],
      );
      expect(rows[0]!.n).toBe(acknowledged.length);
    } finally {
      await db.close();
    }
  }, 120_000);

  const straceWorks = spawnSync('strace', ['-f', '--seccomp-bpf', '-o', '/dev/null', 'true']).status === 0;
  it.runIf(onPglite && straceWorks)(
    'on the embedded database, flushes each acknowledged check-in with a real fsync (strace)',
    async () => {
      const trace = join(tempDir(), 'fsync.trace');
      const server = await spawnServer(
        { ...(await storage()), LOG_LEVEL: 'warn' },
        {
          nodeArgs: TEST_NODE_FLAGS,
          wrapper: [
            'strace',
            '-f',
            '--seccomp-bpf',
            '-qq',
            '-ttt',
            '-e',
            'trace=fsync,fdatasync',
            '-o',
            trace,
          ],
        },
      );
      await server.healthy();
      const venueCode = await registerVenue(server);
      const from = Date.now() / 1000;
      for (let i = 0; i < 20; i++) expect((await checkIn(server, venueCode)).status).toBe(201);
      const to = Date.now() / 1000;
      // strace relays nothing: the signal goes to the node process it started.
      const node = spawnSync('pgrep', ['-P', String(server.child.pid)])
        .stdout.toString()
        .trim();
      process.kill(Number(node), 'SIGTERM');
      expect((await server.exited).code).toBe(0);
      const flushes = readFileSync(trace, 'utf8')
        .split('\n')
        .map((line) => line.match(/^\d+\s+(\d+\.\d+) f(data)?sync\(/))
        .filter((m) => m !== null && Number(m[1]) >= from && Number(m[1]) <= to);
      // One at least per sequential acknowledged check-in (each is its own batch and commit).
      expect(flushes.length).toBeGreaterThanOrEqual(20);
    },
    120_000,
  );

  it.runIf(onPglite)(
    'started below the free-space floor, waits and says why',
    async () => {
      const server = await spawnServer(
        { ...(await storage()), DISK_FLOOR_MB: String(1024 ** 3) },
        { nodeArgs: TEST_NODE_FLAGS },
      );
      try {
        const deadline = Date.now() + 15_000;
        while (!server.lines.some((l) => l.includes('not starting yet')) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(server.lines.find((l) => l.includes('not starting yet'))).toMatch(
          /below the floor of .* MB \(DISK_FLOOR_MB\)/,
        );
        expect(server.child.exitCode).toBeNull();
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    },
    60_000,
  );
});
