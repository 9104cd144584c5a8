/**
 * Daily partitions of check_ins, one per local day. Created a few days ahead at start and by the
 * hourly job, and on demand when a write meets a missing day (a paper entry from last week).
 */
import type { Queryable } from '../db/db.js';
import { checkInPartitions, createCheckInPartition } from '../db/queries/partitions.js';
import { addDays, localDate, startOfLocalDay } from '../domain/local-day.js';

/** Days created ahead of today, so midnight never finds a missing partition. */
export const DAYS_AHEAD = 3;

export function partitionName(day: string): string {
  return `check_ins_p${day.replace(/-/g, '')}`;
}

export async function ensureDayPartition(q: Queryable, day: string, timeZone: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`bad day ${day}`);
  try {
    await createCheckInPartition(
      q,
      partitionName(day),
      startOfLocalDay(day, timeZone),
      startOfLocalDay(addDays(day, 1), timeZone),
    );
  } catch (err) {
    // Another node created it at the same moment.
    if (!isAlreadyExists(err)) throw err;
  }
}

/** The day partitions from `daysBack` days ago to DAYS_AHEAD days ahead; only the missing ones are created. */
export async function ensurePartitionsAround(q: Queryable, now: Date, timeZone: string, daysBack: number) {
  const today = localDate(now, timeZone);
  const existing = new Set(await checkInPartitions(q));
  for (let offset = -daysBack; offset <= DAYS_AHEAD; offset++) {
    const day = addDays(today, offset);
    if (!existing.has(partitionName(day))) await ensureDayPartition(q, day, timeZone);
  }
}

function isAlreadyExists(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '42P07' || code === '23505';
}

/** PostgreSQL's "no partition of relation found for row". */
export function isMissingPartition(err: unknown): boolean {
  return (err as { code?: string }).code === '23514' && /no partition/i.test(String((err as Error).message));
}
