/**
 * Where dashboards, statistics, reports and exports read (API v1.1 READ_DATABASE_URL): a streaming
 * replica while it is within the configured delay of the primary, else the primary. Everything that
 * must see its own writes (check-ins, tracing and its audit, sessions) uses the primary directly.
 */
import type { Db } from './db.js';
import { unavailability, withTimeLimit } from './failures.js';
import { ReplicaLag } from './replica-lag.js';

export interface ReadFrom {
  source: 'replica' | 'primary';
  /** Why the primary answered; null when the replica did. */
  reason: 'no_replica' | 'replica_lagging' | 'replica_unavailable' | null;
  /** The replica's delay when last measured, in seconds (null: unknown, or no replica). */
  lagSeconds: number | null;
}

export interface Reads {
  /** Runs `work` where reads go now, answering where that was. */
  run<T>(work: (db: Db) => Promise<T>): Promise<{ value: T; readFrom: ReadFrom }>;
  close(): Promise<void>;
}

/** One database: every read on it. */
export function primaryReads(primary: Db): Reads {
  const readFrom: ReadFrom = { source: 'primary', reason: 'no_replica', lagSeconds: null };
  return {
    run: async (work) => ({ value: await work(primary), readFrom }),
    close: async () => {},
  };
}

export interface ReplicaOptions {
  /** A replica further behind than this is not read from. */
  maxLagMs: number;
  /** How often the delay is measured (a statement on each server). */
  checkEveryMs?: number;
  nowMs?: () => number;
}

const MEASURE_TIME_LIMIT_MS = 1000;

/** SQLSTATE of a replica's statement cancelled by a conflict with recovery: worth asking the primary. */
const RECOVERY_CONFLICT = '40001';

/** Reads on `replica` while it keeps up with `primary`; its delay is measured every `checkEveryMs`. */
export function replicaReads(primary: Db, replica: Db, opts: ReplicaOptions): Reads {
  const nowMs = opts.nowMs ?? Date.now;
  const checkEveryMs = opts.checkEveryMs ?? 1000;
  const lag = new ReplicaLag();
  let known: { readFrom: ReadFrom; atMs: number } | undefined;
  let checking: Promise<ReadFrom> | undefined;

  const measure = async (): Promise<ReadFrom> => {
    const atMs = nowMs();
    const [primaryAt, replayed] = await Promise.allSettled([
      primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'),
      // A stalled replica must not hold a dashboard up: it gets a second to answer.
      withTimeLimit(
        replica.query<{ lsn: string | null; recovering: boolean }>(
          'SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS lsn',
        ),
        MEASURE_TIME_LIMIT_MS,
        'replica delay',
      ),
    ]);
    if (primaryAt.status === 'fulfilled') lag.primaryAt(primaryAt.value.rows[0]!.lsn, atMs);
    const row = replayed.status === 'fulfilled' ? replayed.value.rows[0] : undefined;
    // A server that is not (or no longer) a replica is not read as one.
    if (!row?.recovering || !row.lsn) return unavailable(null);
    const delayMs = lag.replayedTo(row.lsn, nowMs());
    const lagSeconds = Math.round(delayMs / 100) / 10;
    return delayMs > opts.maxLagMs
      ? { source: 'primary', reason: 'replica_lagging', lagSeconds }
      : { source: 'replica', reason: null, lagSeconds };
  };

  const refresh = () =>
    (checking ??= measure()
      .then((readFrom) => {
        known = { readFrom, atMs: nowMs() };
        return readFrom;
      })
      .finally(() => (checking = undefined)));
  // Measured all the time, not only when asked: the delay counts from the first write the replica
  // has not replayed, which a measure taken only at the next dashboard would not have seen.
  const timer = setInterval(() => void refresh().catch(() => undefined), checkEveryMs);
  timer.unref();
  const current = async (): Promise<ReadFrom> =>
    known && nowMs() - known.atMs < 3 * checkEveryMs ? known.readFrom : refresh();

  return {
    async run(work) {
      const readFrom = await current();
      if (readFrom.source === 'replica') {
        try {
          return { value: await work(replica), readFrom };
        } catch (err) {
          const conflict = (err as { code?: string }).code === RECOVERY_CONFLICT;
          if (!conflict && !unavailability(err)) throw err;
          known = { readFrom: unavailable(readFrom.lagSeconds), atMs: nowMs() };
        }
      }
      return { value: await work(primary), readFrom: known?.readFrom ?? readFrom };
    },
    close: () => {
      clearInterval(timer);
      return replica.close();
    },
  };
}

function unavailable(lagSeconds: number | null): ReadFrom {
  return { source: 'primary', reason: 'replica_unavailable', lagSeconds };
}
