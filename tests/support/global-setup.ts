/**
 * Once per test run, before any test file: build what the tests serve (dist/), and migrate one database
 * that every test file copies instead of creating and migrating its own (a PGlite data-directory dump,
 * or a PostgreSQL template database). Keys, accounts and the clock stay per test app.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { buildIfStale } from './server-process.js';

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

export default async function setup(project: TestProject) {
  buildIfStale();
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const db = await openPglite();
    await prepare(db);
    const dir = mkdtempSync(join(tmpdir(), 'qr-template-'));
    const file = join(dir, 'pglite.tar');
    const dump = await dumpOpenPglite(db);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    const onDisk = join(dir, 'data');
    await (await openPglite(onDisk, { initialData: dump })).close();
    project.provide('pgliteTemplate', file);
    project.provide('pgliteTemplateDir', onDisk);
    return () => rmSync(dir, { recursive: true, force: true });
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
