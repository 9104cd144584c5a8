/** The append-only audit of tracing reads (a trigger refuses UPDATE, DELETE and TRUNCATE). */
import type { Queryable } from '../db.js';

export interface AuditEntry {
  at: Date;
  actorUserId: number;
  actorUsername: string;
  actorRole: string;
  action: string;
  purpose: string;
  subject: Record<string, unknown>;
  result: Record<string, number>;
  areaCodes: string[];
}

export async function appendAudit(q: Queryable, e: AuditEntry) {
  await q.query(
    `INSERT INTO audit_log (at, actor_user_id, actor_username, actor_role, action, purpose, subject, result, area_codes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.at,
      e.actorUserId,
      e.actorUsername,
      e.actorRole,
      e.action,
      e.purpose,
      JSON.stringify(e.subject),
      JSON.stringify(e.result),
      e.areaCodes,
    ],
    'append_audit',
  );
}

/** Entries in [from, to) concerning `area` (null: all), newest first. */
export async function listAudit(q: Queryable, area: string | null, from: Date, to: Date, limit: number) {
  const { rows } = await q.query<Omit<AuditEntry, 'areaCodes' | 'actorUserId'> & { id: number }>(
    `SELECT id, at, actor_username AS "actorUsername", actor_role AS "actorRole", action, purpose, subject, result
       FROM audit_log
      WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR area_codes @> ARRAY[$3::text])
      ORDER BY at DESC, id DESC LIMIT $4`,
    [from, to, area, limit],
  );
  return rows;
}
