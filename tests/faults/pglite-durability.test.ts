/**
 * The embedded database keeps what it acknowledged through a power cut: each acknowledged batch of
 * check-ins is flushed (fsync) before its answer, once per batch rather than per row, and a copy of
 * what the disk holds right after the acknowledgements (not the page cache) reopens with every one.
 */
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/pglite.js';
import type { FileLayerObserver } from '../../src/server/db/pglite-files.js';
import { call, checkInBody, registerVenue, startTestApp } from '../support/app.js';
import { serverStorage } from '../support/database.js';
import { DiskModel } from '../support/disk-model.js';
import { tempDirs } from '../support/temp-dirs.js';

/** A database on disk is created (initdb, flushed, migrated) for each app: slower than in memory. */
const ON_DISK_TIMEOUT_MS = 120_000;

const onPglite = !process.env.TEST_DATABASE_URL;
const tempDir = tempDirs('durability');

const isWal = (path: string) => path.includes(`${sep}pg_wal${sep}`);

/** Counts WAL flushes and remembers WAL data written since the last flush of its file. */
function walWatcher() {
  const dirty = new Set<string>();
  const watcher = {
    flushes: 0,
    unflushed: () => [...dirty],
    observer: {
      written: (path) => void (isWal(path) && dirty.add(path)),
      flushed: (path) => {
        if (!isWal(path)) return;
        watcher.flushes += 1;
        dirty.delete(path);
      },
    } satisfies FileLayerObserver,
  };
  return watcher;
}

describe.runIf(onPglite)('PGlite on disk: acknowledged means flushed', () => {
  it(
    'flushes the WAL before each answer, once per batch and not once per check-in',
    async () => {
      const wal = walWatcher();
      const { env } = await serverStorage(tempDir('flush'));
      const t = await startTestApp(env, new Date(), { files: wal.observer });
      try {
        const venue = await registerVenue(t.app);
        const before = wal.flushes;
        const unflushedAtAnswer: string[][] = [];
        const answers = await Promise.all(
          Array.from({ length: 60 }, () =>
            call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) }).then((res) => {
              unflushedAtAnswer.push(wal.unflushed());
              return res.status;
            }),
          ),
        );
        expect(answers.every((s) => s === 201)).toBe(true);
        expect(unflushedAtAnswer.every((files) => files.length === 0)).toBe(true);
        const flushes = wal.flushes - before;
        expect(flushes).toBeGreaterThanOrEqual(1);
        expect(flushes).toBeLessThan(60 / 4); // batches of concurrent check-ins share one flush
      } finally {
        await t.close();
      }
    },
    ON_DISK_TIMEOUT_MS,
  );

  it(
    'reopens a copy of what the disk held right after the acknowledgements with every check-in in it',
    async () => {
      const live = tempDir('live');
      const first = await startTestApp((await serverStorage(live)).env);
      const venue = await registerVenue(first.app);
      await first.close(); // a clean close: everything so far is on the disk

      const disk = new DiskModel(live, join(tempDir('disk'), 'data'));
      const t = await startTestApp({ DATA_DIR: live }, new Date(), { files: disk });
      const acknowledged: string[] = [];
      const checkIn = async () => {
        const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
        expect(res.status).toBe(201);
        acknowledged.push(res.body.id);
      };
      await Promise.all(Array.from({ length: 40 }, checkIn));
      for (let i = 0; i < 10; i++) await checkIn();
      const cut = join(tempDir('cut'), 'data');
      disk.powerCut(cut); // the power goes now: only flushed data is on the disk
      await t.close();

      const reopened = await openPglite(cut);
      try {
        const { rows } = await reopened.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM check_ins WHERE id = ANY($1::uuid[])',
          [acknowledged],
        );
        expect(rows[0]!.n).toBe(50);
      } finally {
        await reopened.close();
      }
    },
    ON_DISK_TIMEOUT_MS,
  );
});
