/**
 * The embedded database on a thread of its own (pglite-thread.ts), behind the same Db interface.
 * In the server's thread PGlite runs its SQL on the thread that parses HTTP and renders answers, so a
 * check-in's SQL and its request take turns on one core while the second one idles; on its own thread
 * they run side by side, as with a PostgreSQL server. Each call is one message (its parameters and
 * rows copied across); a transaction is opened by a message and ended by another, and holds the
 * database meanwhile, as in one thread. Time limits are kept here: a call that does not answer in time
 * fails as DatabaseUnavailableError (503) while the thread finishes it.
 */
import { Worker } from 'node:worker_threads';
import type { Db, Queryable, QueryResult } from './db.js';
import { DatabaseUnavailableError, withTimeLimit } from './failures.js';

export interface ThreadStart {
  dataDir: string;
}

export type ThreadCall = { id: number; tx?: number } & (
  | { op: 'query'; sql: string; params?: unknown[]; prepare?: string }
  | { op: 'exec'; sql: string }
  | { op: 'copy'; table: string; columns: string[]; rows: unknown[][] }
  | { op: 'begin' }
  | { op: 'end'; commit: boolean }
  | { op: 'close' }
);

export interface ThreadReply {
  id: number;
  result?: unknown;
  error?: {
    /** The reason of a DatabaseUnavailableError, null for any other error. */
    unavailable: string | null;
    name: string;
    message: string;
    /** The error's own fields (SQLSTATE `code`, `detail`, `constraint`…). */
    fields: Record<string, string | number>;
  };
}

type CallBody = ThreadCall extends infer C ? (C extends ThreadCall ? Omit<C, 'id'> : never) : never;

/** The error the thread described, as the engine in this thread would have thrown it. */
function rebuilt(error: NonNullable<ThreadReply['error']>): Error {
  if (error.unavailable !== null) return new DatabaseUnavailableError(error.unavailable);
  return Object.assign(new Error(error.message), error.fields, { name: error.name });
}

/** The thread's file: beside this one, compiled (.js) or run from source (.ts, tests and benchmarks). */
const threadFile = new URL(
  `./pglite-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

/**
 * The process's options that load modules (a TypeScript loader when run from source under tsx): a
 * thread must load its file as the process does; the rest (V8's heap flags, --input-type) a thread
 * refuses, and V8's flags hold for the whole process anyway.
 */
export function moduleLoaderArgs(execArgv: readonly string[]): string[] {
  const LOADERS = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader']);
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (LOADERS.has(arg) && i + 1 < execArgv.length) kept.push(arg, execArgv[++i]!);
    else if (LOADERS.has(arg.split('=')[0]!)) kept.push(arg);
  }
  return kept;
}

export async function openPgliteInWorker(
  dataDir: string,
  opts: { queryTimeoutMs?: number } = {},
): Promise<Db> {
  const worker = new Worker(threadFile, {
    workerData: { dataDir } satisfies ThreadStart,
    execArgv: moduleLoaderArgs(process.execArgv),
  });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let lastId = 0;
  let stopped: Error | null = null;
  const failAll = (err: Error) => {
    stopped = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.error) w.reject(rebuilt(reply.error));
    else w.resolve(reply.result);
  });
  worker.on('error', (err) =>
    failAll(new DatabaseUnavailableError('the embedded database thread failed', { cause: err })),
  );
  worker.on('exit', () => failAll(new DatabaseUnavailableError('the embedded database stopped')));

  const send = (body: CallBody): Promise<unknown> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...body, id });
    });
  };
  // The thread says 'ready' (id 0) once the database is open, or why it could not open it.
  const ready = new Promise((resolve, reject) => waiting.set(0, { resolve, reject }));
  try {
    await ready;
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  let lastTx = 0;
  const build = (limitMs: number): Db => {
    const limited = <T>(body: CallBody) =>
      withTimeLimit(send(body) as Promise<T>, limitMs, 'the embedded database');
    const session = (tx?: number): Queryable => ({
      query: <T>(sql: string, params?: unknown[], prepare?: string) =>
        limited<QueryResult<T>>({ op: 'query', sql, params, prepare, tx }),
      exec: (sql: string) => limited<void>({ op: 'exec', sql, tx }),
    });
    const db: Db = {
      kind: 'pglite',
      ...session(),
      async tx(fn) {
        const tx = ++lastTx;
        // As in one thread, opening waits for the transaction before it, without a time limit: a
        // transaction opened after its caller gave up would hold the database for good.
        await send({ op: 'begin', tx });
        let out;
        try {
          out = await fn(session(tx));
        } catch (err) {
          await send({ op: 'end', tx, commit: false }).catch(() => undefined);
          throw err;
        }
        await send({ op: 'end', tx, commit: true });
        return out;
      },
      readsWithGenericPlans: (fn) => fn(db),
      copyRows: (table, columns, rows) => limited<void>({ op: 'copy', table, columns, rows: [...rows] }),
      withoutTimeLimit: () => build(0),
      close: async () => {
        await send({ op: 'close' }).catch(() => undefined);
        await worker.terminate();
      },
    };
    return db;
  };
  return build(opts.queryTimeoutMs ?? 0);
}
