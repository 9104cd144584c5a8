/**
 * Loading the key ring at start. Master keys never live in the database:
 * - `QR_SIGNING_KEY` (with `QR_SIGNING_KEY_ID`) from the environment is the current key, or
 * - `KEYS_DIR` (default `DATA_DIR/keys`, mode 0700) holds one file per key, `{id}.key` (base64, 0600),
 *   and a file `current` naming the key that signs; a key is generated there on first start.
 * Every key in the directory keeps verifying what it signed; `npm run keys -- retire ID` moves a key
 * to `retired/`. Nodes behind one database must hold the same keys: the database keeps each key's
 * fingerprint, and a node whose key differs, or that has none while the database knows some, refuses
 * to start with the reason.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import * as secrets from '../db/queries/secrets.js';
import { buildKeyRing, fingerprint, nextKeyId, type KeyRing, type MasterKey } from '../domain/keyring.js';

export type { KeyRing } from '../domain/keyring.js';

const CURRENT_FILE = 'current';
const KEY_FILE = /^([0-9A-Z])(\.legacy)?\.key$/;

export class KeyError extends Error {}

interface KeyDirectory {
  keys: MasterKey[];
  currentId: string | null;
}

export async function readKeyDirectory(dir: string): Promise<KeyDirectory> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keys: MasterKey[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const m = KEY_FILE.exec(file);
    if (!m) continue;
    const secret = Buffer.from((await readFile(join(dir, file), 'utf8')).trim(), 'base64');
    if (secret.length < 32) throw new KeyError(`${join(dir, file)}: not a base64 key of at least 32 bytes`);
    keys.push({ id: m[1]!, secret, legacy: Boolean(m[2]) });
  }
  const currentId = (await readFile(join(dir, CURRENT_FILE), 'utf8').catch(() => '')).trim() || null;
  if (currentId && !keys.some((k) => k.id === currentId && !k.legacy))
    throw new KeyError(`${join(dir, CURRENT_FILE)} names key ${currentId}, which is not in ${dir}`);
  return { keys, currentId };
}

export async function writeKeyFile(dir: string, key: MasterKey) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${key.id}${key.legacy ? '.legacy' : ''}.key`);
  await writeFile(file, key.secret.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
}

export async function setCurrentKey(dir: string, id: string) {
  const tmp = join(dir, `${CURRENT_FILE}.tmp`);
  await writeFile(tmp, `${id}\n`, { mode: 0o600 });
  await rename(tmp, join(dir, CURRENT_FILE));
}

/** A new key in the directory, made current. */
export async function rotateKey(dir: string): Promise<MasterKey> {
  const { keys } = await readKeyDirectory(dir);
  const retired = await readdir(join(dir, 'retired')).catch(() => [] as string[]);
  const used = [...keys.map((k) => k.id), ...retired.map((f) => f[0]!)];
  const key: MasterKey = { id: nextKeyId(used), secret: randomBytes(32) };
  await writeKeyFile(dir, key);
  await setCurrentKey(dir, key.id);
  return key;
}

export async function loadKeyRing(db: Db, config: Config, log: (message: string) => void): Promise<KeyRing> {
  const dir = config.keysDir;
  const directory: KeyDirectory = dir ? await readKeyDirectory(dir) : { keys: [], currentId: null };
  await moveLegacyKeyOut(db, dir, directory, log);
  const known = await secrets.listKeyFingerprints(db);

  let current: MasterKey | undefined =
    config.signingKey ?? directory.keys.find((k) => k.id === directory.currentId);
  if (!current) {
    const othersHaveKeys = [...known.keys()].some(
      (id) => !directory.keys.some((k) => k.id === id) && id !== '1',
    );
    if (othersHaveKeys)
      throw new KeyError(
        `the database already uses signing key(s) ${[...known.keys()].join(', ')} but this node has none: ` +
          `copy the key files of another node into ${dir ?? 'KEYS_DIR'} or set QR_SIGNING_KEY`,
      );
    current = {
      id: nextKeyId([...directory.keys.map((k) => k.id), ...known.keys()]),
      secret: randomBytes(32),
    };
    if (dir) {
      await writeKeyFile(dir, current);
      await setCurrentKey(dir, current.id);
      log(
        `generated signing key ${current.id} in ${dir} (keep a copy of this directory: it is not in backups of the database)`,
      );
    } else {
      log(
        `generated signing key ${current.id} in memory only (no KEYS_DIR): codes will not verify after a restart`,
      );
    }
  }
  const ring = [current, ...directory.keys.filter((k) => k.id !== current.id)];
  for (const key of ring.filter((k) => !k.legacy)) {
    const stored = known.get(key.id);
    const mine = fingerprint(key);
    if (stored && !(stored.length === mine.length && timingSafeEqual(stored, mine)))
      throw new KeyError(
        `signing key ${key.id} of this node differs from the key ${key.id} other nodes use with this database`,
      );
    if (!stored) await secrets.recordKeyFingerprint(db, key.id, mine);
  }
  return buildKeyRing(current, ring);
}

/**
 * Installations from before key files kept a generated key in app_secrets. It goes to the key
 * directory as a verify-only legacy key (old posters and cards keep working) and leaves the database.
 */
async function moveLegacyKeyOut(
  db: Db,
  dir: string | undefined,
  directory: KeyDirectory,
  log: (m: string) => void,
) {
  const legacy = await secrets.readLegacySigningKey(db);
  if (!legacy) return;
  const key: MasterKey = { id: '1', secret: legacy, legacy: true };
  if (!directory.keys.some((k) => k.id === '1')) {
    if (!dir) {
      directory.keys.push(key);
      log('the legacy signing key stays in the database because no KEYS_DIR is set: set one to move it out');
      return;
    }
    await writeKeyFile(dir, key);
    directory.keys.push(key);
  }
  await secrets.deleteLegacySigningKey(db);
  log(
    `moved the legacy signing key 1 out of the database into ${dir}; it only verifies codes printed before`,
  );
}
