/**
 * The embedded database on its own thread (db/pglite-worker.ts), as the built server opens it on disk:
 * the same answers as in one thread (values both ways, SQLSTATEs, transactions that commit or roll
 * back, named statements, COPY), the time limit kept on the server's side, and a closed database
 * answering "unavailable". Run in a fresh node on the compiled modules (a worker thread loads them
 * as node does, without the test runner's TypeScript transform).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleLoaderArgs } from '../../src/server/db/pglite-worker.js';
import { provided } from '../support/provided.js';
import { buildIfStale, ROOT } from '../support/server-process.js';

const SCRIPT = `
  const { openPgliteInWorker } = await import('./dist/node/server/db/pglite-worker.js');
  const { DatabaseUnavailableError } = await import('./dist/node/server/db/failures.js');
  const seen = {};
  const failure = (p) => p.then(() => null, (e) => ({ unavailable: e instanceof DatabaseUnavailableError, code: e.code ?? null, message: e.message }));
  // Every call without a time limit (a loaded machine may be slow), but the one that tests the limit.
  const limited = await openPgliteInWorker(process.env.DIR, { queryTimeoutMs: 1000 });
  const db = limited.withoutTimeLimit();
  await db.exec('CREATE TABLE thread_probe (id int PRIMARY KEY, at timestamptz, day date, big bigint, raw bytea, tags text[])');
  const at = new Date('2026-12-04T05:06:07.089Z');
  await db.query('INSERT INTO thread_probe VALUES ($1, $2, $3, $4, $5, $6)', [1, at, '2026-12-04', 12345678901, Buffer.from([1, 2, 255]), ['a', 'b']]);
  const { rows } = await db.query('SELECT * FROM thread_probe');
  const r = rows[0];
  seen.values = { at: r.at instanceof Date && r.at.getTime() === at.getTime(), day: r.day, big: r.big, raw: [...r.raw], tags: r.tags };
  seen.duplicate = await failure(db.query('INSERT INTO thread_probe (id) VALUES (1)'));
  seen.committed = await db.tx(async (q) => { await q.query('INSERT INTO thread_probe (id) VALUES (2)'); return 'done'; });
  seen.rolledBack = await failure(db.tx(async (q) => { await q.query('INSERT INTO thread_probe (id) VALUES (3)'); throw new Error('changed my mind'); }));
  seen.named = [];
  for (const id of [1, 2]) seen.named.push((await db.query('SELECT id FROM thread_probe WHERE id = $1', [id], 'one_row')).rows[0].id);
  await db.copyRows('thread_probe', ['id', 'tags'], [[10, '{x}'], [11, null]]);
  seen.ids = (await db.query('SELECT id FROM thread_probe ORDER BY id')).rows.map((x) => x.id);
  let release;
  const held = db.tx(() => new Promise((r) => (release = r)));
  const started = Date.now();
  seen.stalled = await failure(limited.query('SELECT 1'));
  seen.stalledMs = Date.now() - started;
  release();
  await held;
  seen.afterStall = (await db.query('SELECT count(*)::int AS n FROM thread_probe')).rows[0].n;
  await db.close();
  seen.closed = await failure(db.query('SELECT 1'));
  console.log(JSON.stringify(seen));
`;

let dir: string;
beforeAll(async () => {
  buildIfStale();
  dir = mkdtempSync(join(tmpdir(), 'qr-thread-'));
  // The run's migrated database when there is one (no initdb, as a server restarted on its data).
  const template = await provided('pgliteTemplateDir');
  if (template) cpSync(template, join(dir, 'data'), { recursive: true });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database on its own thread', () => {
  it('answers as in one thread, keeps the time limit, and says unavailable once closed', async () => {
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DIR: join(dir, 'data') },
      },
    );
    const seen = JSON.parse(out) as Record<string, unknown>;
    expect(seen.values).toEqual({
      at: true,
      day: '2026-12-04',
      big: 12345678901,
      raw: [1, 2, 255],
      tags: ['a', 'b'],
    });
    expect(seen.duplicate).toMatchObject({ unavailable: false, code: '23505' });
    expect(seen.committed).toBe('done');
    expect(seen.rolledBack).toMatchObject({ unavailable: false, message: 'changed my mind' });
    expect(seen.named).toEqual([1, 2]);
    expect(seen.ids).toEqual([1, 2, 10, 11]);
    // A call stuck behind a transaction fails at its time limit (1 s), then the database recovers.
    expect(seen.stalled).toMatchObject({ unavailable: true });
    expect(seen.stalledMs).toBeGreaterThanOrEqual(990);
    expect(seen.stalledMs).toBeLessThan(5000);
    expect(seen.afterStall).toBe(4);
    expect(seen.closed).toMatchObject({ unavailable: true });
  }, 90_000);
});

describe('the options a thread is started with', () => {
  it('are the module loaders of the process (tsx from source), not V8 flags nor --input-type', () => {
    expect(
      moduleLoaderArgs([
        '--max-semi-space-size=64',
        '--require',
        '/p/tsx/preflight.cjs',
        '--import',
        'file:///p/tsx/loader.mjs',
        '--input-type=module',
        '--loader=ts-node/esm',
      ]),
    ).toEqual([
      '--require',
      '/p/tsx/preflight.cjs',
      '--import',
      'file:///p/tsx/loader.mjs',
      '--loader=ts-node/esm',
    ]);
  });
});
