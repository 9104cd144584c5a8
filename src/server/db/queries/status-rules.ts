import type { Queryable } from '../db.js';

export async function findRules(q: Queryable, scopes: readonly string[]) {
  const { rows } = await q.query<{ scope: string; rules: Record<string, unknown> }>(
    'SELECT scope, rules FROM status_rules WHERE scope = ANY($1::text[])',
    [scopes],
    'find_status_rules',
  );
  return new Map(rows.map((r) => [r.scope, r.rules]));
}

export async function upsertRules(q: Queryable, scope: string, rules: unknown, userId: number) {
  await q.query(
    `INSERT INTO status_rules (scope, rules, updated_by_user_id) VALUES ($1, $2, $3)
     ON CONFLICT (scope) DO UPDATE SET rules = EXCLUDED.rules, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
    [scope, JSON.stringify(rules), userId],
  );
}
