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
import type { Db, Queryable } from '../db/db.js';
import { addDays, localDate, startOfLocalDay } from '../domain/local-day.js';
import type { ServiceContext } from './context.js';
import { partitionName } from './partitions.js';

/** Arbitrary constant naming the retention job's advisory lock. */
const RETENTION_LOCK = 21_0021;
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
  const keptFrom = expiredBefore(localDate(ctx.now(), ctx.config.timeZone), ctx.config.retentionDays);
  const cutoff = startOfLocalDay(keptFrom, ctx.config.timeZone);
  return withLock(ctx.db, async (q) => {
    const droppedPartitions = await dropPartitionsBefore(q, keptFrom);
    const deleted: Record<string, number> = {};
    const run = async (name: string, sql: string, params: unknown[]) => {
      deleted[name] = (await q.query(sql, params)).rowCount;
    };
    await run('declarations', 'DELETE FROM declarations WHERE declared_at < $1', [cutoff]);
    await run(
      'cards',
      `DELETE FROM cards WHERE (status = 'revoked' AND revoked_at < $1) OR (latest_declaration_id IS NULL AND issued_at < $1)`,
      [cutoff],
    );
    await run('client_requests', 'DELETE FROM client_requests WHERE created_at < $1', [cutoff]);
    await run('person_unit_days', 'DELETE FROM person_unit_days WHERE day < $1', [keptFrom]);
    await run('notices', 'DELETE FROM notices WHERE checked_in_at < $1', [cutoff]);
    await run('sms_messages', 'DELETE FROM sms_messages WHERE created_at < $1', [cutoff]);
    await run('export_jobs', 'DELETE FROM export_jobs WHERE created_at < $1', [
      new Date(ctx.now().getTime() - EXPORT_KEEP_MS),
    ]);
    await run('sessions', 'DELETE FROM sessions WHERE expires_at < $1', [ctx.now()]);
    // Login attempts make an address "known" to an account for KNOWN_ADDRESS_MS; older ones go.
    await run('login_attempts', 'DELETE FROM login_attempts WHERE at < $1', [
      new Date(ctx.now().getTime() - KNOWN_ADDRESS_MS),
    ]);
    return { keptFrom, droppedPartitions, deleted };
  });
}

/** Day partitions of check_ins older than `keptFrom`: detached, then dropped. */
async function dropPartitionsBefore(q: Queryable, keptFrom: string): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = 'check_ins' ORDER BY c.relname`,
  );
  const limit = partitionName(keptFrom);
  const expired = rows.map((r) => r.name).filter((name) => /^check_ins_p\d{8}$/.test(name) && name < limit);
  for (const name of expired) {
    await q.query(`ALTER TABLE check_ins DETACH PARTITION ${name}`);
    await q.query(`DROP TABLE ${name}`);
  }
  return expired;
}

async function withLock<T>(db: Db, fn: (q: Queryable) => Promise<T>): Promise<T | null> {
  return db.tx(async (q) => {
    const { rows } = await q.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      RETENTION_LOCK,
    ]);
    if (!rows[0]!.locked) return null;
    return fn(q);
  });
}
