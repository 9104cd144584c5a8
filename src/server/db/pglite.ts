import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GENERIC_PLANS_IN_TRANSACTION, quoteIdent, toCopyText, type Db, type Queryable } from './db.js';
import { DatabaseUnavailableError, rethrowClassified, withTimeLimit } from './failures.js';
import { dumpEntries, MemoryFSFromDump, tarEntries } from './pglite-dump.js';
import { lockDataDir } from './pglite-lock.js';
import { DURABLE_START_PARAMS, DurableNodeFS, flushTree, type FileLayerObserver } from './pglite-files.js';

/** Parse types the same way as our `pg` setup: bigint as number, date as 'YYYY-MM-DD'. */
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

export interface PgliteOptions {
  /** A new database starts from this data directory (a dump, e.g. a migrated test database), not initdb. */
  initialData?: Blob;
  /** Each call that has not answered after this long fails as DatabaseUnavailableError (0: no limit). */
  queryTimeoutMs?: number;
  /** Sees the file layer's writes and flushes (tests of durability). */
  files?: FileLayerObserver;
}

/**
 * Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). On disk, a COMMIT is
 * flushed before it returns (see pglite-files.ts).
 */
export async function openPglite(dataDir?: string, opts: PgliteOptions = {}): Promise<Db> {
  const pg = dataDir
    ? await openOnDisk(dataDir, opts.files, opts.initialData)
    : await openInMemory(opts.initialData);
  // PGlite is one session: a hot statement is PREPAREd once and then EXECUTEd, so it is parsed and
  // planned once (as named statements on a PostgreSQL connection).
  // Kept as promises: two requests that need the same statement at once share one PREPARE.
  // A name is one statement: used again for another, it is a bug, refused as node-postgres refuses it.
  const prepared = new Map<string, { sql: string; ready: Promise<void> }>();
  const preparedOnce = (name: string, sql: string) => {
    const known = prepared.get(name);
    if (known && known.sql !== sql)
      throw new Error(`statement name ${name} was used for a different statement`);
    if (known) return known.ready;
    const ready = pg.exec(`PREPARE ${name} AS ${sql}`).then(() => undefined);
    prepared.set(name, { sql, ready });
    ready.catch(() => prepared.delete(name));
    return ready;
  };

  const build = (limitMs: number): Db => {
    const guarded = <T>(work: () => Promise<T>): Promise<T> =>
      withTimeLimit(Promise.resolve().then(work), limitMs, 'the embedded database').catch(
        rethrowEngineFailure,
      );
    const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
      query: <T>(sql: string, params?: unknown[]) =>
        guarded(async () => {
          const res = await q.query<T>(sql, params);
          return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
        }),
      exec: (sql: string) => guarded(async () => void (await q.exec(sql))),
    });
    const base = wrap(pg);
    // A prepared statement runs its generic plan, made once; day partitions are pruned as it starts.
    // PostgreSQL's own choice here was to plan each call for its values (the door's today list: 2 ms
    // of planning a call, 7.3 → 4.7 ms in all). SET LOCAL lasts until the end of this one implicit
    // transaction, error or not; the statements of `base.query` keep PostgreSQL's choice.
    const executeGeneric = <T>(execute: string) =>
      guarded(async () => {
        const [, res] = await pg.exec(`${GENERIC_PLANS_IN_TRANSACTION}; ${execute}`);
        const rows = res!.rows as T[];
        return { rows, rowCount: res!.affectedRows ?? rows.length };
      });
    const db: Db = {
      kind: 'pglite',
      async query<T>(sql: string, params: unknown[] = [], prepare?: string) {
        if (!prepare) return base.query<T>(sql, params);
        if (!/^[a-z_]+$/.test(prepare)) throw new Error(`bad statement name ${prepare}`);
        await guarded(() => preparedOnce(prepare, sql));
        // EXECUTE takes no bind parameters, so the values travel as escaped literals (see sqlLiteral).
        const args = params.map(sqlLiteral).join(', ');
        return executeGeneric<T>(`EXECUTE ${prepare}${args ? `(${args})` : ''}`);
      },
      exec: base.exec,
      tx: (fn) => pg.transaction((t) => fn(wrap(t))).catch(rethrowEngineFailure),
      readsWithGenericPlans: (fn) => fn(db),
      copyRows: (table, columns, rows) =>
        guarded(async () => {
          const cols = columns.map(quoteIdent).join(', ');
          await pg.query(`COPY ${quoteIdent(table)} (${cols}) FROM '/dev/blob'`, [], {
            blob: new Blob([toCopyText(rows)]),
          });
        }),
      withoutTimeLimit: () => build(0),
      close: () => pg.close(),
    };
    return db;
  };
  const db = build(opts.queryTimeoutMs ?? 0);
  engines.set(db, pg);
  return db;
}

const engines = new WeakMap<Db, PGlite>();

/** The whole data directory of an open PGlite database as a tar (e.g. a migrated test template). */
export async function dumpOpenPglite(db: Db): Promise<Blob> {
  const pg = engines.get(db);
  if (!pg) throw new Error('not a PGlite database opened by openPglite');
  return pg.dumpDataDir('none');
}

async function openInMemory(initialData?: Blob) {
  const fs = initialData ? new MemoryFSFromDump(await dumpEntries(initialData)) : undefined;
  return PGlite.create({ parsers, extensions: { btree_gist, pg_trgm }, fs });
}

async function openOnDisk(dataDir: string, files?: FileLayerObserver, load?: Blob) {
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  // PostgreSQL's own messages, kept to explain a failed start (PGlite only says "failed to initialize").
  const messages: string[] = [];
  const pg = await PGlite.create({
    fs: new DurableNodeFS(dataDir, files),
    startParams: DURABLE_START_PARAMS,
    parsers,
    extensions: { btree_gist, pg_trgm },
    loadDataDir: fresh ? load : undefined,
    onStderr: (text) => (messages.push(text), messages.splice(0, messages.length - 20), true),
  }).catch((err: unknown) => {
    unlock();
    const said = messages.filter((m) => /FATAL|PANIC|ERROR|could not|No space/i.test(m));
    throw new Error(
      `PGlite could not open ${dataDir}: ${String(err)}${said.length ? `\n${said.join('\n')}` : ''}`,
      {
        cause: err,
      },
    );
  });
  // PGlite unpacks a new data directory without flushing it: flush it once, then every commit does.
  if (fresh) flushTree(dataDir);
  const close = pg.close.bind(pg);
  pg.close = () => close().finally(unlock);
  return pg;
}

/**
 * A backup of a closed embedded database (PGlite's dump of its data directory, gzipped tar), without
 * the key files that live beside it: keys are backed up separately, never with the data they protect.
 */
export async function dumpPgliteDataDir(dataDir: string): Promise<Buffer> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`no database in ${dataDir}`);
  const pg = await openOnDisk(dataDir);
  try {
    await pg.exec('CHECKPOINT');
    const tar = new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer());
    return gzipSync(withoutEntries(tar, (name) => /^\/?(keys(\/|$)|\.qr-checkin\.lock$)/.test(name)));
  } finally {
    await pg.close();
  }
}

/** Restores a backup made by dumpPgliteDataDir into `dataDir`, which must hold no database yet. */
export async function restorePgliteDataDir(dataDir: string, backup: Buffer): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} already holds a database`);
  // openOnDisk flushes the unpacked directory; the clean close flushes what the check wrote.
  const pg = await openOnDisk(dataDir, undefined, new Blob([gunzipSync(backup)]));
  await pg.query('SELECT 1');
  await pg.close();
}

/** A tar archive without the entries `drop` names. */
function withoutEntries(tar: Uint8Array, drop: (name: string) => boolean): Uint8Array {
  const kept = [...tarEntries(tar)].filter((e) => !drop(e.name)).map((e) => e.whole);
  kept.push(new Uint8Array(1024)); // two empty blocks end an archive
  return Buffer.concat(kept);
}

/**
 * A call that failed inside the engine rather than in SQL (WebAssembly aborted, the instance closed)
 * or a SQLSTATE of unavailability: DatabaseUnavailableError. SQL errors stay as they are.
 */
function rethrowEngineFailure(err: unknown): never {
  if ((err as Error | null)?.name === 'RuntimeError' || /PGlite is closed/i.test(String(err))) {
    throw new DatabaseUnavailableError('the embedded database stopped', { cause: err });
  }
  rethrowClassified(err);
}

/**
 * A value as a SQL literal for EXECUTE: strings quoted with doubled quotes (standard_conforming_strings
 * is on), instants as ISO strings, byte strings as hex, arrays element by element. Anything else is
 * refused rather than guessed.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number');
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (value instanceof Uint8Array) return `'\\x${Buffer.from(value).toString('hex')}'`;
  if (Array.isArray(value)) return sqlLiteral(`{${value.map(arrayElement).join(',')}}`);
  throw new Error(`cannot inline a ${typeof value}`);
}

/** One element of a `{…}` array literal (typed by the statement's parameter, e.g. uuid[]). */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number');
    return String(value);
  }
  const text =
    value instanceof Date
      ? value.toISOString()
      : value instanceof Uint8Array
        ? `\\x${Buffer.from(value).toString('hex')}`
        : typeof value === 'string'
          ? value
          : null;
  if (text === null) throw new Error(`cannot inline a ${typeof value} in an array`);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
