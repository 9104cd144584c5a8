/** What retention (services/retention.ts) deletes besides day partitions: rows past their date. */
import type { Queryable } from '../db.js';

export interface ExpiryCutoffs {
  /** Personal rows (declarations, notices, texts…) created before this instant go. */
  personalBefore: Date;
  /** The first local day whose rows are kept (per-day keys). */
  keptFromDay: string;
  exportsBefore: Date;
  sessionsExpiredBefore: Date;
  loginAttemptsBefore: Date;
}

/** Each table's expiry rule: its name in the report, and the DELETE with its one cutoff. */
const EXPIRY: [table: string, sql: string, cutoff: (c: ExpiryCutoffs) => unknown][] = [
  ['declarations', 'DELETE FROM declarations WHERE declared_at < $1', (c) => c.personalBefore],
  [
    'cards',
    `DELETE FROM cards WHERE (status = 'revoked' AND revoked_at < $1) OR (latest_declaration_id IS NULL AND issued_at < $1)`,
    (c) => c.personalBefore,
  ],
  ['client_requests', 'DELETE FROM client_requests WHERE created_at < $1', (c) => c.personalBefore],
  ['person_unit_days', 'DELETE FROM person_unit_days WHERE day < $1', (c) => c.keptFromDay],
  ['notices', 'DELETE FROM notices WHERE checked_in_at < $1', (c) => c.personalBefore],
  ['traced_contacts', 'DELETE FROM traced_contacts WHERE traced_at < $1', (c) => c.personalBefore],
  ['tracing_cases', 'DELETE FROM tracing_cases WHERE created_at < $1', (c) => c.personalBefore],
  ['sms_messages', 'DELETE FROM sms_messages WHERE created_at < $1', (c) => c.personalBefore],
  ['export_jobs', 'DELETE FROM export_jobs WHERE created_at < $1', (c) => c.exportsBefore],
  ['sessions', 'DELETE FROM sessions WHERE expires_at < $1', (c) => c.sessionsExpiredBefore],
  ['login_attempts', 'DELETE FROM login_attempts WHERE at < $1', (c) => c.loginAttemptsBefore],
];

/** Deletes every expired row; answers how many went from each table. */
export async function deleteExpiredRows(
  q: Queryable,
  cutoffs: ExpiryCutoffs,
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const [table, sql, cutoff] of EXPIRY)
    deleted[table] = (await q.query(sql, [cutoff(cutoffs)])).rowCount;
  return deleted;
}
