import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { quoteIdent, toCopyText, type Db, type Queryable } from './db.js';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {
    /* an idle client died (server restart); the pool replaces it */
  });
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[], prepare?: string) {
      const res = prepare
        ? await q.query({ name: prepare, text: sql, values: params })
        : await q.query(sql, params);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        const cols = columns.map(quoteIdent).join(', ');
        const sink = client.query(copyFrom(`COPY ${quoteIdent(table)} (${cols}) FROM STDIN`));
        await pipeline(Readable.from([toCopyText(rows)]), sink);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
