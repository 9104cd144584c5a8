/**
 * The batching behind the hot paths: concurrent check-ins become one write statement per batch
 * (db/queries/record-check-ins.ts), concurrent staff scans one read (db/queries/scan-context.ts).
 */
import type { Db } from '../db/db.js';
import { forgetRollupDays } from '../db/queries/country-rollup.js';
import { forgetSketchesOfLateDays } from '../db/queries/people-sketches.js';
import { recordCheckIns, type NewCheckIn, type RecordOutcome } from '../db/queries/record-check-ins.js';
import { loadScanContexts, type ScanContextInput, type ScanContextRow } from '../db/queries/scan-context.js';
import { localDate, startOfLocalDay } from '../domain/local-day.js';
import { Batcher } from './batcher.js';
import { ensureDayPartition, isMissingPartition } from './partitions.js';

/**
 * PGlite runs one statement at a time: one batch out at once, the requests that arrive meanwhile go
 * in the next (on its own thread it would otherwise be sent a batch per request or two, each paying
 * the statement's whole fixed cost). PostgreSQL runs batches side by side on its connections.
 */
const batchesInFlight = (db: Db) => (db.kind === 'pglite' ? 1 : Infinity);

/** The batched reader of what a staff scan needs (reads only; batching is the same mechanism). */
export function scanReader(db: Db, now: () => Date, onBatch?: (size: number) => void) {
  return new Batcher<ScanContextInput, ScanContextRow>(
    (inputs) => loadScanContexts(db, now(), inputs),
    undefined,
    onBatch,
    batchesInFlight(db),
  );
}

/**
 * The batched writer of check-ins; a batch meeting a missing day partition creates it and retries.
 * Check-ins of days already ended (paper forms typed in later) are written apart, in a transaction
 * that first forgets those days' people sketches (services/people-sketches.ts) and country roll-ups
 * (services/country-rollup.ts): they may wait for one being built, the rest of the batch does not.
 */
export function checkInWriter(db: Db, timeZone: string, now: () => Date, onBatch?: (size: number) => void) {
  type Row = NewCheckIn;
  const withPartitions = async (rows: readonly Row[], write: () => Promise<(RecordOutcome | null)[]>) => {
    try {
      return await write();
    } catch (err) {
      if (!isMissingPartition(err)) throw err;
      for (const day of new Set(rows.map((r) => localDate(r.checkedInAt, timeZone))))
        await ensureDayPartition(db, day, timeZone);
      return write();
    }
  };
  const writeCurrent = (rows: readonly Row[]) =>
    withPartitions(rows, () => recordCheckIns(db, rows, timeZone));
  const writeLate = (rows: readonly Row[], days: readonly string[]) =>
    withPartitions(rows, () =>
      db.tx(async (q) => {
        await forgetSketchesOfLateDays(q, days);
        await forgetRollupDays(q, days);
        return recordCheckIns(q, rows, timeZone);
      }),
    );
  return new Batcher<Row, RecordOutcome | null>(
    async (rows) => {
      const todayStart = startOfLocalDay(localDate(now(), timeZone), timeZone).getTime();
      const isLate = rows.map((r) => r.checkedInAt.getTime() < todayStart);
      if (!isLate.includes(true)) return writeCurrent(rows);
      const late = rows.filter((_, i) => isLate[i]);
      const current = rows.filter((_, i) => !isLate[i]);
      const lateDays = [...new Set(late.map((r) => localDate(r.checkedInAt, timeZone)))];
      const [currentOut, lateOut] = await Promise.all([
        current.length ? writeCurrent(current) : Promise.resolve([]),
        writeLate(late, lateDays),
      ]);
      return isLate.map((wasLate) => (wasLate ? lateOut.shift()! : currentOut.shift()!) ?? null);
    },
    undefined,
    onBatch,
    batchesInFlight(db),
  );
}
