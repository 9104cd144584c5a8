import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { mkdirSync } from 'node:fs';
import { quoteIdent, toCopyText, type Db, type Queryable } from './db.js';

/** Parse types the same way as our `pg` setup: bigint as number, date as 'YYYY-MM-DD'. */
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/** Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { parsers, extensions: { btree_gist } });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await q.query<T>(sql, params);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  // PGlite is one session: a hot statement is PREPAREd once and then EXECUTEd, so it is parsed and
  // planned once (as named statements on a PostgreSQL connection).
  // Kept as promises: two requests that need the same statement at once share one PREPARE.
  const prepared = new Map<string, Promise<void>>();
  async function query<T>(sql: string, params: unknown[] = [], prepare?: string) {
    if (!prepare) return base.query<T>(sql, params);
    if (!/^[a-z_]+$/.test(prepare)) throw new Error(`bad statement name ${prepare}`);
    let ready = prepared.get(prepare);
    if (!ready) {
      ready = pg.exec(`PREPARE ${prepare} AS ${sql}`).then(() => undefined);
      prepared.set(prepare, ready);
      ready.catch(() => prepared.delete(prepare));
    }
    await ready;
    // EXECUTE takes no bind parameters, so the values travel as escaped literals (see sqlLiteral).
    const args = params.map(sqlLiteral).join(', ');
    return base.query<T>(`EXECUTE ${prepare}${args ? `(${args})` : ''}`);
  }
  return {
    kind: 'pglite',
    query,
    exec: base.exec,
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    async copyRows(table, columns, rows) {
      const cols = columns.map(quoteIdent).join(', ');
      await pg.query(`COPY ${quoteIdent(table)} (${cols}) FROM '/dev/blob'`, [], {
        blob: new Blob([toCopyText(rows)]),
      });
    },
    close: () => pg.close(),
  };
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
