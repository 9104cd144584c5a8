import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import {
  GENERIC_PLAN_SETTING,
  GENERIC_PLANS_IN_TRANSACTION,
  quoteIdent,
  toCopyText,
  type Db,
  type Queryable,
} from './db.js';
import { rethrowClassified, unavailability, withTimeLimit } from './failures.js';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface PostgresOptions {
  poolSize?: number;
  /** Longest wait for a connection (a free one from the pool or a new one). */
  connectTimeoutMs?: number;
  /** Longest wait for a statement's answer, on the client (a stalled server) and on the server. */
  queryTimeoutMs?: number;
  /** Called before each new attempt while the server cannot be reached at start. */
  onRetry?: (attempt: number, waitMs: number, reason: string) => void;
  /** False: open at once, even when the server is down now (a replica the node can do without). */
  waitForStart?: boolean;
}

/**
 * A pool on the PostgreSQL server. Waits for the server at start (a node may come up before its
 * database). Connection failures, stalls and timeouts surface as DatabaseUnavailableError.
 */
export async function openPostgres(connectionString: string, opts: PostgresOptions = {}): Promise<Db> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? 3000;
  const queryTimeoutMs = opts.queryTimeoutMs ?? 0;
  const poolSize = opts.poolSize ?? 10;
  const pool = newPool(connectionString, poolSize, connectTimeoutMs, queryTimeoutMs);
  if (opts.waitForStart !== false) await waitForServer(pool, opts.onRetry);
  // Hot reads of day partitions run their generic plans on connections opened with that setting
  // (readsWithGenericPlans): no transaction, no round trip more. Opened when first needed.
  let generic: pg.Pool | undefined;
  const genericPool = () =>
    (generic ??= newPool(
      connectionString,
      Math.ceil(poolSize / 2),
      connectTimeoutMs,
      queryTimeoutMs,
      GENERIC_PLANS_FOR_CONNECTION,
    ));
  let unlimited: Db | undefined;
  const db = poolDb(
    pool,
    queryTimeoutMs,
    () => {
      // Long jobs (migrations, retention) get a small pool of their own without time limits.
      unlimited ??= poolDb(newPool(connectionString, 2, connectTimeoutMs, 0), 0, () => unlimited!);
      return unlimited;
    },
    genericPool,
  );
  const close = db.close;
  db.close = async () => {
    await Promise.all([close(), unlimited?.close(), generic?.end()]);
  };
  return db;
}

function newPool(
  connectionString: string,
  max: number,
  connectTimeoutMs: number,
  queryTimeoutMs: number,
  /** Server settings for every connection of the pool, sent as it starts (`-c name=value`). */
  options?: string,
) {
  const pool = new pg.Pool({
    connectionString,
    max,
    options,
    connectionTimeoutMillis: connectTimeoutMs,
    // Client side: a server that stops answering (stalled, partitioned) frees the request in time.
    query_timeout: queryTimeoutMs || undefined,
    // Server side: a statement that runs too long is cancelled rather than left running.
    statement_timeout: queryTimeoutMs || undefined,
    keepAlive: true,
  });
  pool.on('error', () => {
    /* an idle client died (server restart); the pool replaces it */
  });
  return pool;
}

/** Retries the first connection with backoff (1 s doubling to 15 s) while the server is unavailable. */
async function waitForServer(pool: pg.Pool, onRetry: PostgresOptions['onRetry']) {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      const unavailable = unavailability(err);
      // A wrong password or database name is a configuration error: say it at once.
      if (!unavailable || !onRetry) {
        await pool.end().catch(() => undefined);
        throw unavailable ?? err;
      }
      const waitMs = Math.min(15_000, 1000 * 2 ** (attempt - 1));
      onRetry(attempt, waitMs, unavailable.reason);
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

const GENERIC_PLANS_FOR_CONNECTION = `-c ${GENERIC_PLAN_SETTING.name}=${GENERIC_PLAN_SETTING.value}`;

/** `genericPool`: connections whose statements run their generic plans; absent, a transaction sets it. */
function poolDb(
  pool: pg.Pool,
  queryTimeoutMs: number,
  withoutTimeLimit: () => Db,
  genericPool?: () => pg.Pool,
): Db {
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[], prepare?: string) {
      try {
        const res = prepare
          ? await q.query({ name: prepare, text: sql, values: params })
          : await q.query(sql, params);
        return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
      } catch (err) {
        rethrowClassified(err);
      }
    },
    async exec(sql: string) {
      await q.query(sql).catch(rethrowClassified);
    },
  });
  /** A client of its own for `fn`; given back broken (closed) when the server failed it. */
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>) => {
    const client = await pool.connect().catch(rethrowClassified);
    let failure: Error | undefined;
    try {
      return await fn(client);
    } catch (err) {
      const unavailable = unavailability(err);
      if (unavailable) failure = unavailable;
      throw unavailable ?? err;
    } finally {
      client.release(failure);
    }
  };
  const base = wrap(pool);
  let genericReads: Queryable | undefined;
  const tx: Db['tx'] = (fn, options) =>
    withClient(async (client) => {
      // One round trip: the simple protocol runs both statements.
      await client.query(options?.genericPlans ? `BEGIN; ${GENERIC_PLANS_IN_TRANSACTION}` : 'BEGIN');
      try {
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        if (!unavailability(err)) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    tx,
    readsWithGenericPlans: (fn) =>
      genericPool ? fn((genericReads ??= wrap(genericPool()))) : tx(fn, { genericPlans: true }),
    copyRows: (table, columns, rows) =>
      withClient(async (client) => {
        const cols = columns.map(quoteIdent).join(', ');
        const sink = client.query(copyFrom(`COPY ${quoteIdent(table)} (${cols}) FROM STDIN`));
        await withTimeLimit(pipeline(Readable.from([toCopyText(rows)]), sink), queryTimeoutMs, 'COPY');
      }),
    withoutTimeLimit,
    poolUse: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
    close: () => pool.end(),
  };
}
