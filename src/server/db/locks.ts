/**
 * Advisory locks, named in one place so two jobs never share an id by accident. Every lock is
 * transaction-scoped (released at commit or rollback), so a crashed node never leaves one held.
 */
import type { Queryable } from './db.js';

export const LOCKS = {
  /** Migrations: one starting node migrates, the others wait and find the work done. */
  migrations: 7_020_021,
  /** Loading a shipped admin-unit version. */
  adminUnits: 7_020_022,
  /** Creating the first admin through a setup link: one at a time, so only one is made. */
  firstAdmin: 7_020_041,
  /** Sealing rows that older versions stored in clear. */
  sealing: 7_020_031,
  /** The retention job: whichever node gets it first purges; the others skip the round. */
  retention: 210_021,
  /** People sketches, one sub-lock per day (two-key form): see queries/people-sketches.ts. */
  sketchDay: 7205,
  /** Country roll-ups: the job rolls a day up exclusively, changes to past counts take it shared. */
  checkInRollup: 7206,
} as const;

/** Waits for the lock until the transaction ends. */
export async function lockUntilCommit(q: Queryable, lock: number) {
  await q.query('SELECT pg_advisory_xact_lock($1)', [lock]);
}

/** Takes the lock until the transaction ends if nobody holds it; answers whether it did. */
export async function tryLockUntilCommit(q: Queryable, lock: number): Promise<boolean> {
  const { rows } = await q.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
    lock,
  ]);
  return rows[0]!.locked;
}
