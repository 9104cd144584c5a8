/**
 * Retention (F15). Personal rows live RETENTION_DAYS days: a check-in of local day D is gone once
 * every instant of D is older than that, so whole day partitions are detached and dropped
 * (`expiredBefore` is the first day kept). Declarations, idempotency keys, seen-people keys, notices
 * and text-message records go by the same clock; cards whose holder has no kept declaration go too.
 * The daily aggregates (venue_day_counts, unit_day_declarations) and the people sketches carry no
 * personal data and stay.
 * One node at a time runs it (advisory lock); running it again changes nothing.
 */
import { KNOWN_ADDRESS_MS } from '../domain/login-throttle.js';
import type { Queryable } from '../db/db.js';
import { LOCKS, tryLockUntilCommit } from '../db/locks.js';
import { checkInPartitions, dropCheckInPartition } from '../db/queries/partitions.js';
import { deleteExpiredRows } from '../db/queries/retention.js';
import { addDays, startOfLocalDay } from '../domain/local-day.js';
import type { ServiceContext } from './context.js';
import { partitionName } from './partitions.js';
import { localToday } from './ranges.js';

/** Export files are kept this long. */
const EXPORT_KEEP_MS = 24 * 3_600_000;

/** The first local day whose personal rows are still kept on `today`. */
export function expiredBefore(today: string, retentionDays: number): string {
  return addDays(today, -retentionDays);
}

export interface PurgeReport {
  keptFrom: string;
  droppedPartitions: string[];
  deleted: Record<string, number>;
}

export async function purgeExpired(ctx: ServiceContext): Promise<PurgeReport | null> {
  const keptFrom = expiredBefore(localToday(ctx), ctx.config.retentionDays);
  const now = ctx.now().getTime();
  return ctx.db.tx(async (q) => {
    // One node at a time: the others skip this round.
    if (!(await tryLockUntilCommit(q, LOCKS.retention))) return null;
    const droppedPartitions = await dropPartitionsBefore(q, keptFrom);
    const deleted = await deleteExpiredRows(q, {
      personalBefore: startOfLocalDay(keptFrom, ctx.config.timeZone),
      keptFromDay: keptFrom,
      exportsBefore: new Date(now - EXPORT_KEEP_MS),
      sessionsExpiredBefore: new Date(now),
      // Login attempts make an address "known" to an account for KNOWN_ADDRESS_MS; older ones go.
      loginAttemptsBefore: new Date(now - KNOWN_ADDRESS_MS),
    });
    return { keptFrom, droppedPartitions, deleted };
  });
}

/** Day partitions of check_ins older than `keptFrom`: detached, then dropped. */
async function dropPartitionsBefore(q: Queryable, keptFrom: string): Promise<string[]> {
  const limit = partitionName(keptFrom);
  const expired = (await checkInPartitions(q)).filter(
    (name) => /^check_ins_p\d{8}$/.test(name) && name < limit,
  );
  for (const name of expired) await dropCheckInPartition(q, name);
  return expired;
}
