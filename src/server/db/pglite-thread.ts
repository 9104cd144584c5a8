/**
 * The embedded database's own thread (see pglite-worker.ts): opens PGlite on disk here and answers
 * the server's calls, so that SQL runs on a second core while the main thread handles HTTP.
 * One message per call; a transaction stays open across messages until the server ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Db, Queryable } from './db.js';
import { DatabaseUnavailableError } from './failures.js';
import { openPglite } from './pglite.js';
import type { ThreadCall, ThreadReply, ThreadStart } from './pglite-worker.js';

const port = parentPort!;
const { dataDir } = workerData as ThreadStart;

/** Open transactions: their session, and how to end them (resolve: commit, reject: roll back). */
const transactions = new Map<
  number,
  { q: Queryable; end: (commit: boolean) => void; ended: Promise<void> }
>();

function begin(db: Db, tx: number): Promise<void> {
  return new Promise((opened, failedToOpen) => {
    let end!: (commit: boolean) => void;
    const ended = db
      .tx(
        (q) =>
          new Promise<void>((commit, rollBack) => {
            end = (ok) => (ok ? commit() : rollBack(new Error('rolled back by the server')));
            transactions.set(tx, { q, end, ended });
            opened();
          }),
      )
      .finally(() => transactions.delete(tx));
    ended.catch(failedToOpen);
  });
}

async function run(db: Db, call: ThreadCall): Promise<unknown> {
  if (call.op === 'begin') return begin(db, call.tx!);
  const open = call.tx === undefined ? undefined : transactions.get(call.tx);
  if (call.tx !== undefined && !open) throw new Error(`no open transaction ${call.tx}`);
  const session = open?.q ?? db;
  switch (call.op) {
    case 'query':
      return session.query(call.sql, call.params, call.prepare);
    case 'exec':
      return session.exec(call.sql);
    case 'copy':
      return db.copyRows(call.table, call.columns, call.rows);
    case 'end':
      open!.end(call.commit);
      // A commit that fails (or a rollback) is the transaction's outcome; a rollback asked is no error.
      return open!.ended.catch((err: unknown) => {
        if (call.commit) throw err;
      });
    case 'close':
      return db.close();
  }
}

/** An error as plain data: its class where it matters, its message and SQLSTATE fields. */
function describe(err: unknown): ThreadReply['error'] {
  const e = err instanceof Error ? err : new Error(String(err));
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(e))
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return {
    unavailable: e instanceof DatabaseUnavailableError ? e.reason : null,
    name: e.name,
    message: e.message,
    fields,
  };
}

try {
  const db = await openPglite(dataDir);
  port.on('message', (call: ThreadCall) => {
    run(db, call).then(
      (result) => port.postMessage({ id: call.id, result } satisfies ThreadReply),
      (err: unknown) => port.postMessage({ id: call.id, error: describe(err) } satisfies ThreadReply),
    );
  });
  port.postMessage({ id: 0, result: 'ready' } satisfies ThreadReply);
} catch (err) {
  port.postMessage({ id: 0, error: describe(err) } satisfies ThreadReply);
}
