/**
 * Signing keys for venue codes and checkout tokens. A key from QR_SIGNING_KEY signs new codes; the key
 * generated on first start (kept in app_secrets so every node shares it) keeps verifying posters that
 * were printed before a key was configured.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';
import { getOrCreateSecret } from '../db/queries/secrets.js';
import type { SigningKey } from '../domain/signed-code.js';

export interface SigningKeys {
  current: SigningKey;
  all: SigningKey[];
}

export async function loadSigningKeys(db: Db, configured?: Buffer): Promise<SigningKeys> {
  const generated: SigningKey = {
    id: '1',
    secret: await getOrCreateSecret(db, 'venue_code_key_1', () => randomBytes(32)),
  };
  if (!configured) return { current: generated, all: [generated] };
  const fromConfig: SigningKey = { id: 'K', secret: configured };
  return { current: fromConfig, all: [fromConfig, generated] };
}
