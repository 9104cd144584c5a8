import { PGlite, types } from '@electric-sql/pglite';
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
  const pg = await PGlite.create(dataDir, { parsers });
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
  return {
    kind: 'pglite',
    query: base.query,
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
