/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (the PostgreSQL run of the suite).
 */
import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { provided } from './provided.js';
import type { Queryable } from '../../src/server/db/db.js';

export interface FreshDatabase {
  /** postgres://… for the new database, or undefined for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

/** The migrated PGlite database of this run (tests/support/global-setup.ts), read once per worker. */
let template: Blob | undefined;
export async function migratedPgliteTemplate(): Promise<Blob | undefined> {
  const file = await provided('pgliteTemplate');
  if (file && !template) template = new Blob([readFileSync(file)]);
  return template;
}

/** `empty`: not a copy of the run's migrated template (e.g. to restore a dump into). */
export async function freshDatabase(opts: { empty?: boolean } = {}): Promise<FreshDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return { drop: async () => undefined };
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  // A copy of the migrated template of this run (tests/support/global-setup.ts) when there is one.
  const template = opts.empty ? undefined : await provided('postgresTemplate');
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Where a server started as a process keeps its data in one test: `dataDir` holding a copy of the
 * run's migrated embedded database (tests/support/global-setup.ts: no initdb, no migrations at start),
 * and on the PostgreSQL run a fresh database of its own (`DATABASE_URL`). `drop()` it afterwards.
 */
export async function serverStorage(
  dataDir: string,
  /** The template's directory, given by a global setup (where `provided` cannot reach it). */
  templateDir?: string,
): Promise<{ env: Record<string, string>; db: FreshDatabase }> {
  const db = await freshDatabase();
  const template = templateDir ?? (await provided('pgliteTemplateDir'));
  if (!db.url && template) cpSync(template, dataDir, { recursive: true });
  return { env: { DATA_DIR: dataDir, ...(db.url ? { DATABASE_URL: db.url } : {}) }, db };
}

/** `q`, writing down in `statements` the SQL of every statement it runs (a test counting round trips). */
export function countingStatements(q: Queryable, statements: string[]): Queryable {
  return {
    query: (sql, ...rest) => {
      statements.push(sql);
      return q.query(sql, ...rest);
    },
    exec: (sql) => q.exec(sql),
  };
}
