/**
 * What the database knows of keys: the legacy generated key of early installations (moved out to
 * the key directory at start, then deleted here) and the fingerprints of the keys nodes use.
 */
import type { Queryable } from '../db.js';

const LEGACY_KEY_NAME = 'venue_code_key_1';

export async function readLegacySigningKey(q: Queryable): Promise<Buffer | null> {
  const { rows } = await q.query<{ value: Uint8Array }>('SELECT value FROM app_secrets WHERE name = $1', [
    LEGACY_KEY_NAME,
  ]);
  return rows[0] ? Buffer.from(rows[0].value) : null;
}

export async function deleteLegacySigningKey(q: Queryable) {
  await q.query('DELETE FROM app_secrets WHERE name = $1', [LEGACY_KEY_NAME]);
}

export async function listKeyFingerprints(q: Queryable): Promise<Map<string, Buffer>> {
  const { rows } = await q.query<{ keyId: string; fingerprint: Uint8Array }>(
    'SELECT key_id AS "keyId", fingerprint FROM signing_key_fingerprints',
  );
  return new Map(rows.map((r) => [r.keyId, Buffer.from(r.fingerprint)]));
}

export async function recordKeyFingerprint(q: Queryable, keyId: string, fingerprint: Buffer) {
  await q.query(
    'INSERT INTO signing_key_fingerprints (key_id, fingerprint) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING',
    [keyId, fingerprint],
  );
}
