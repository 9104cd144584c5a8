/**
 * Once per test run, before any test file: build what the tests serve (dist/), and migrate one database
 * that every test file copies instead of creating and migrating its own (a PGlite data-directory dump,
 * kept between runs while its inputs are unchanged, or a PostgreSQL template database). Keys, accounts
 * and the clock stay per test app.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/db.js';
import { migrate } from '../../src/server/db/migrate.js';
import { ensurePartitionsAround } from '../../src/server/services/partitions.js';
import { dumpOpenPglite, openPglite } from '../../src/server/db/pglite.js';
import { openPostgres } from '../../src/server/db/postgres.js';
import { ensureAdminUnitsLoaded } from '../../src/server/services/admin-units.js';
import { DEFAULT_ADMIN_UNITS_VERSION } from '../../src/server/services/admin-unit-upgrade.js';
import { buildIfStale, ROOT as root } from './server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data directory (PGlite runs). */
    pgliteTemplate: string;
    /** The same as a data directory on disk, for servers started as processes (PGlite runs). */
    pgliteTemplateDir: string;
    /** A migrated database on the TEST_DATABASE_URL server to copy (PostgreSQL runs). */
    postgresTemplate: string;
  }
}

async function prepare(db: Db) {
  const config = parseConfig({});
  await migrate(db);
  // Both lists (the 2025 one brings the 2021 one and the mapping): each app settles its own in use.
  await ensureAdminUnitsLoaded(db, DEFAULT_ADMIN_UNITS_VERSION);
  // Today's window of day partitions: an app started on a copy finds them (a test clock elsewhere adds its own).
  await ensurePartitionsAround(db, new Date(), config.timeZone, config.retentionDays);
}

/** Where migrated PGlite templates are kept between runs (never committed: under node_modules). */
const TEMPLATE_CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/qr-test-template');

/**
 * What a template depends on: the migrations, the admin-unit lists, the code that applies them, the
 * installed packages (PGlite's version) and today's date (the day partitions around it).
 */
function templateKey(): string {
  const files = [
    ...readdirSync(join(root, 'migrations')).map((f) => join('migrations', f)),
    ...readdirSync(join(root, 'reference-data/admin-units')).map((f) =>
      join('reference-data/admin-units', f),
    ),
    'package-lock.json',
    'src/server/db/migrate.ts',
    'src/server/db/pglite.ts',
    'src/server/services/admin-units.ts',
    'src/server/services/partitions.ts',
    'tests/support/global-setup.ts',
  ].sort();
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
  for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Every route-test app loads the dump into memory: the smaller it is, the sooner a test file starts.
 * An embedded database never creates another, so the two template databases go; and a switch to a new
 * WAL segment, with the old one removed rather than kept for reuse, then a checkpoint leave one segment
 * and nothing to replay at each start. 73.7 → 41.8 MB: an app starts in ≈ 0.6 s instead of ≈ 1 s.
 * A copy's shared buffers are 16 MB, not 128: PostgreSQL sets up its buffer pool at every start, and
 * 128 MB of it cost ≈ 150 ms of CPU an app (a test database holds a few MB).
 */
async function shrinkForCopies(db: Db) {
  await db.query(`UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`);
  await db.query('DROP DATABASE template0');
  await db.query('DROP DATABASE template1');
  await db.query(`ALTER SYSTEM SET shared_buffers = '16MB'`);
  await db.query('SET wal_recycle = off');
  await db.query('SELECT pg_switch_wal()');
  await db.query('CHECKPOINT');
}

/**
 * A migrated PGlite database as a dump (`pglite.tar`, route tests) and as a data directory (`data`,
 * servers started as processes), made once and reused by later runs until what it depends on changes.
 */
async function pgliteTemplate(): Promise<string> {
  const key = templateKey();
  const dir = join(TEMPLATE_CACHE, key);
  if (existsSync(dir)) return dir;
  // Made beside, then renamed into place: a run never sees half a template, even if two start at once.
  const making = `${dir}.making-${process.pid}`;
  mkdirSync(making, { recursive: true });
  const db = await openPglite();
  await prepare(db);
  await shrinkForCopies(db);
  const dump = await dumpOpenPglite(db);
  writeFileSync(join(making, 'pglite.tar'), Buffer.from(await dump.arrayBuffer()));
  await db.close();
  await (await openPglite(join(making, 'data'), { initialData: dump })).close();
  try {
    renameSync(making, dir);
  } catch {
    rmSync(making, { recursive: true, force: true }); // another run put the same template in place
  }
  for (const old of readdirSync(TEMPLATE_CACHE))
    if (old !== key && !old.includes('.making-'))
      rmSync(join(TEMPLATE_CACHE, old), { recursive: true, force: true });
  return dir;
}

export default async function setup(project: TestProject) {
  buildIfStale();
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const dir = await pgliteTemplate();
    project.provide('pgliteTemplate', join(dir, 'pglite.tar'));
    project.provide('pgliteTemplateDir', join(dir, 'data'));
    return;
  }
  const name = `qr_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await prepare(db);
  await db.close();
  project.provide('postgresTemplate', name);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
