/**
 * A backup restored into a fresh instance holds every check-in: PGlite through `npm run backup`'s
 * dump and restore of the data directory (without the key files), PostgreSQL through pg_dump and
 * pg_restore as the README says.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpPgliteDataDir, restorePgliteDataDir } from '../../src/server/db/pglite.js';
import { LOCK_FILE } from '../../src/server/db/pglite-lock.js';
import { call, checkInBody, registerVenue, startTestApp } from '../support/app.js';
import { freshDatabase, serverStorage, type FreshDatabase } from '../support/database.js';
import { tempDirs } from '../support/temp-dirs.js';

/** A database on disk (a copy of the migrated template, or a restore) is opened for each app: slower than in memory. */
const ON_DISK_TIMEOUT_MS = 120_000;

const server = process.env.TEST_DATABASE_URL;
const databases: FreshDatabase[] = [];
const tempDir = tempDirs('backup');
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** Records check-ins on `env`'s database and answers their ids. */
async function recordCheckIns(env: Record<string, string>, count: number) {
  const t = await startTestApp(env);
  try {
    const venue = await registerVenue(t.app);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return ids;
  } finally {
    await t.close();
  }
}

async function storedOf(env: Record<string, string>, ids: string[]) {
  const t = await startTestApp(env);
  try {
    const { rows } = await t.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM check_ins WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows[0]!.n;
  } finally {
    await t.close();
  }
}

describe.runIf(!server)('backup and restore of the embedded database', () => {
  it(
    'restores a dump into a fresh data directory with every check-in, and leaves the keys out',
    async () => {
      const live = tempDir();
      const ids = await recordCheckIns((await serverStorage(live)).env, 25);
      const backup = await dumpPgliteDataDir(live);
      const names = gunzipSync(backup).toString('latin1');
      expect(names).toContain('PG_VERSION');
      expect(readdirSync(live)).toContain('keys');
      expect(names).not.toMatch(/keys\/\d\.key/);

      const restored = join(tempDir(), 'data');
      await restorePgliteDataDir(restored, backup);
      expect(await storedOf({ DATA_DIR: restored }, ids)).toBe(25);
      await expect(restorePgliteDataDir(restored, backup)).rejects.toThrow(/already holds a database/);
    },
    ON_DISK_TIMEOUT_MS,
  );

  it(
    'refuses to open a data directory that another running process holds, and takes over a stale lock',
    async () => {
      const live = tempDir();
      await recordCheckIns((await serverStorage(live)).env, 1);
      const other = spawn('sleep', ['30']);
      try {
        writeFileSync(join(live, LOCK_FILE), `${other.pid}\n`);
        await expect(dumpPgliteDataDir(live)).rejects.toThrow(`in use by process ${other.pid}`);
      } finally {
        other.kill();
        await new Promise((r) => other.once('exit', r));
      }
      // Its owner is gone (kill -9, power cut): the lock is stale and taken over.
      expect((await dumpPgliteDataDir(live)).length).toBeGreaterThan(0);
    },
    ON_DISK_TIMEOUT_MS,
  );
});

describe.runIf(server)('backup and restore on PostgreSQL', () => {
  it(
    'pg_dump then pg_restore into a fresh database keeps every check-in',
    async () => {
      const source = await freshDatabase();
      const target = await freshDatabase({ empty: true });
      databases.push(source, target);
      const ids = await recordCheckIns({ DATABASE_URL: source.url! }, 25);

      const bin = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(a) - Number(b))
        .at(-1)}/bin`;
      const dump = join(tempDir(), 'qr.dump');
      execFileSync(`${bin}/pg_dump`, ['--format=custom', `--file=${dump}`, `--dbname=${source.url}`]);
      execFileSync(`${bin}/pg_restore`, ['--no-owner', `--dbname=${target.url}`, dump]);

      const check = new pg.Client({ connectionString: target.url });
      await check.connect();
      const { rows } = await check.query(
        'SELECT count(*)::int AS n FROM check_ins WHERE id = ANY($1::uuid[])',
        [ids],
      );
      await check.end();
      expect(rows[0].n).toBe(25);
      expect(await storedOf({ DATABASE_URL: target.url! }, ids)).toBe(25);
    },
    ON_DISK_TIMEOUT_MS,
  );
});
