/** Saved tracing cases (migration 0016): the sealed result and what lists show without opening it. */
import type { Queryable } from '../db.js';

export interface CaseRow {
  id: string;
  label: string;
  purpose: string;
  createdAt: Date;
  createdByUsername: string;
  ownerPath: string[];
  subjectName: string | null;
  fromDay: string;
  toDay: string;
  contacts: number;
  notified: number;
  closedAt: Date | null;
  closedByUsername: string | null;
}

const COLUMNS = `id, label, purpose, created_at AS "createdAt", created_by_username AS "createdByUsername",
  owner_path AS "ownerPath", subject_name AS "subjectName", to_char(from_day, 'YYYY-MM-DD') AS "fromDay",
  to_char(to_day, 'YYYY-MM-DD') AS "toDay", contacts, notified, closed_at AS "closedAt",
  closed_by_username AS "closedByUsername"`;

export async function insertCase(
  q: Queryable,
  c: Omit<CaseRow, 'createdAt' | 'closedAt' | 'closedByUsername'> & {
    createdAt: Date;
    createdBy: number;
    sealedAnswer: string;
  },
) {
  await q.query(
    `INSERT INTO tracing_cases (id, label, purpose, created_at, created_by, created_by_username, owner_path,
                                subject_name, from_day, to_day, contacts, notified, sealed_answer)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      c.id,
      c.label,
      c.purpose,
      c.createdAt,
      c.createdBy,
      c.createdByUsername,
      c.ownerPath,
      c.subjectName,
      c.fromDay,
      c.toDay,
      c.contacts,
      c.notified,
      c.sealedAnswer,
    ],
  );
}

/**
 * Cases saved by someone whose unit lies within `area` (a path; empty: the whole country): open ones
 * first, newest first.
 */
export async function listCases(q: Queryable, area: readonly string[], limit: number) {
  const { rows } = await q.query<CaseRow>(
    `SELECT ${COLUMNS} FROM tracing_cases WHERE owner_path @> $1::text[]
      ORDER BY closed_at IS NOT NULL, created_at DESC, id LIMIT $2`,
    [area, limit],
  );
  return rows;
}

/** One case, if it lies within `area`. */
export async function findCase(q: Queryable, id: string, area: readonly string[]) {
  const { rows } = await q.query<CaseRow & { sealedAnswer: string }>(
    `SELECT ${COLUMNS}, sealed_answer AS "sealedAnswer" FROM tracing_cases WHERE id = $1 AND owner_path @> $2::text[]`,
    [id, area],
  );
  return rows[0] ?? null;
}

/** Closes (by `username`, at `at`) or reopens (`at` null) a case; the row as it is now. */
export async function setCaseClosed(q: Queryable, id: string, at: Date | null, username: string | null) {
  const { rows } = await q.query<CaseRow>(
    `UPDATE tracing_cases SET closed_at = $2, closed_by_username = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, at, username],
  );
  return rows[0]!;
}

/** Who did what with a case, oldest first (the audit entries that name it). */
export async function caseTrail(q: Queryable, id: string) {
  const { rows } = await q.query<{ at: Date; username: string; action: string }>(
    `SELECT at, actor_username AS username, action FROM audit_log
      WHERE subject ? 'caseId' AND subject ->> 'caseId' = $1 ORDER BY at, id`,
    [id],
  );
  return rows;
}
