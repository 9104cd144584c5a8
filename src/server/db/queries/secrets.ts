import type { Queryable } from '../db.js';

/** Returns the stored secret, creating it with `generate()` when absent (first start wins a race). */
export async function getOrCreateSecret(q: Queryable, name: string, generate: () => Buffer): Promise<Buffer> {
  await q.query('INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    generate(),
  ]);
  const { rows } = await q.query<{ value: Uint8Array }>('SELECT value FROM app_secrets WHERE name = $1', [
    name,
  ]);
  return Buffer.from(rows[0]!.value);
}
