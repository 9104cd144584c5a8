import type { Queryable } from '../db.js';

export interface ExportJobRow {
  id: string;
  userId: number;
  kind: string;
  status: 'running' | 'done' | 'failed';
  doneSteps: number;
  totalSteps: number;
  filename: string | null;
  contentType: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", kind, status, done_steps AS "doneSteps", total_steps AS "totalSteps",
  filename, content_type AS "contentType", error, created_at AS "createdAt", finished_at AS "finishedAt"`;

export async function insertExportJob(
  q: Queryable,
  j: { id: string; userId: number; kind: string; params: unknown; at: Date },
) {
  await q.query(
    `INSERT INTO export_jobs (id, user_id, kind, params, status, created_at) VALUES ($1, $2, $3, $4, 'running', $5)`,
    [j.id, j.userId, j.kind, JSON.stringify(j.params), j.at],
  );
}

export async function setExportProgress(q: Queryable, id: string, done: number, total: number) {
  await q.query(
    `UPDATE export_jobs SET done_steps = $2, total_steps = $3 WHERE id = $1 AND status = 'running'`,
    [id, done, total],
  );
}

export async function finishExportJob(
  q: Queryable,
  id: string,
  file: { filename: string; contentType: string; body: Buffer },
  at: Date,
) {
  await q.query(
    `UPDATE export_jobs SET status = 'done', filename = $2, content_type = $3, body = $4, finished_at = $5, done_steps = total_steps
      WHERE id = $1`,
    [id, file.filename, file.contentType, file.body, at],
  );
}

export async function failExportJob(q: Queryable, id: string, error: string, at: Date) {
  await q.query(`UPDATE export_jobs SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`, [
    id,
    error,
    at,
  ]);
}

export async function findExportJob(q: Queryable, id: string) {
  const { rows } = await q.query<ExportJobRow>(`SELECT ${COLUMNS} FROM export_jobs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function exportJobBody(q: Queryable, id: string) {
  const { rows } = await q.query<{ body: Uint8Array | null }>('SELECT body FROM export_jobs WHERE id = $1', [
    id,
  ]);
  const body = rows[0]?.body;
  return body ? Buffer.from(body) : null;
}
