/**
 * Keys out of the database and personal columns sealed (issue 11): what a dump of the database
 * holds, what a node with the wrong key does, and old posters surviving the move.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { prepareContext } from '../../src/server/bootstrap.js';
import { parseConfig } from '../../src/server/config.js';
import { signVenueCode } from '../../src/server/domain/signed-code.js';
import { loadKeyRing } from '../../src/server/services/keys.js';
import { sealClearRowsOnce } from '../../src/server/services/sealing.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import {
  ADMIN,
  call,
  checkInBody,
  declarationBody,
  login,
  registerVenue,
  startTestApp,
  TEST_SIGNING_KEY,
  type TestApp,
} from '../support/app.js';

const ID_NUMBER = '001190012345';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a dump of the database', () => {
  it('holds no signing key, and ID numbers and health answers only sealed', async () => {
    const venue = await registerVenue(t.app);
    const declared = await call(t.app, 'POST', '/api/declarations', {
      body: declarationBody({ symptoms: { ...(declarationBody().symptoms as object), cough: true } }),
    });
    expect(declared.status).toBe(201);
    await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, {
        person: { fullName: 'Lê Văn Minh', phone: '0912345678', idNumber: ID_NUMBER },
      }),
    });
    const secrets = await t.ctx.db.query('SELECT name FROM app_secrets');
    expect(secrets.rows).toEqual([]);
    const dump = JSON.stringify([
      (await t.ctx.db.query('SELECT * FROM declarations')).rows,
      (await t.ctx.db.query('SELECT * FROM check_ins')).rows,
      (await t.ctx.db.query('SELECT * FROM cards')).rows,
    ]);
    expect(dump).not.toContain(ID_NUMBER);
    expect(dump).not.toContain('cough');
    const row = (
      await t.ctx.db.query<{ answersSealed: string }>(
        'SELECT answers_sealed AS "answersSealed" FROM declarations LIMIT 1',
      )
    ).rows[0]!;
    expect(JSON.parse(t.ctx.keys.sealer.open(row.answersSealed)!).symptoms.cough).toBe(true);
  });

  it('still lets a tracer find a case by ID number, through the keyed hash', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const res = await call(t.app, 'POST', '/api/tracing/queries', {
      cookie: admin,
      body: { subject: { idNumber: ID_NUMBER.toLowerCase() }, purpose: 'Truy vết ca bệnh BN-77 theo CDC' },
    });
    expect(res.status).toBe(200);
    expect(res.body.visits).toHaveLength(1);
  });
});

describe('rows an older version stored in clear', () => {
  it('are sealed once at start, with the hash tracing finds; later starts skip the scan', async () => {
    const declared = await call(t.app, 'POST', '/api/declarations', { body: declarationBody() });
    await t.ctx.db.query(
      `UPDATE declarations SET person_id_number = $2, person_id_hash = NULL, answers_sealed = NULL,
              symptoms = '{"fever":true}', exposure = '{}', visited_areas = '{01}' WHERE id = $1`,
      [declared.body.id, '079 190 000 111'],
    );
    await t.ctx.db.query("DELETE FROM data_upgrades WHERE name = 'seal_personal_columns'");
    expect(await sealClearRowsOnce(t.ctx.db, t.ctx.keys.sealer)).toBe(2);
    const row = (
      await t.ctx.db.query<{ idNumber: string; idHash: Uint8Array; answers: string; symptoms: unknown }>(
        `SELECT person_id_number AS "idNumber", person_id_hash AS "idHash", answers_sealed AS answers, symptoms
           FROM declarations WHERE id = $1`,
        [declared.body.id],
      )
    ).rows[0]!;
    expect(row.symptoms).toBeNull();
    expect(t.ctx.keys.sealer.open(row.idNumber)).toBe('079190000111');
    expect(Buffer.from(row.idHash).equals(t.ctx.keys.sealer.lookupHash('079190000111'))).toBe(true);
    expect(JSON.parse(t.ctx.keys.sealer.open(row.answers)!)).toMatchObject({
      symptoms: { fever: true },
      visitedAreas: ['01'],
    });
    // Done once: a clear row written after the upgrade is not looked for again at the next start.
    await t.ctx.db.query('UPDATE declarations SET answers_sealed = NULL WHERE id = $1', [declared.body.id]);
    expect(await sealClearRowsOnce(t.ctx.db, t.ctx.keys.sealer)).toBe(0);
  });
});

describe('key files', () => {
  let dir: string;
  let db: FreshDatabase;
  const config = (env: Record<string, string> = {}) =>
    parseConfig({ DATA_DIR: '', KEYS_DIR: dir, ...(db.url ? { DATABASE_URL: db.url } : {}), ...env });
  const quiet = () => undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qr-keys-'));
    db = await freshDatabase();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('generates the first key as a 0600 file in KEYS_DIR, and refuses a node whose key differs', async () => {
    if (!db.url) return; // two nodes on one database need a server (PGlite in memory is one process)
    const first = await prepareContext(config(), undefined, quiet);
    await first.db.close();
    const files = await readdir(dir);
    expect(files.sort()).toEqual(['2.key', 'current']);
    expect((await stat(join(dir, '2.key'))).mode & 0o777).toBe(0o600);
    const otherDir = await mkdtemp(join(tmpdir(), 'qr-keys-other-'));
    try {
      await expect(prepareContext(config({ KEYS_DIR: otherDir }), undefined, quiet)).rejects.toThrow(
        /already uses signing key/,
      );
      await expect(
        prepareContext(
          config({ QR_SIGNING_KEY: randomBytes(32).toString('base64'), QR_SIGNING_KEY_ID: '2' }),
          undefined,
          quiet,
        ),
      ).rejects.toThrow(/differs/);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});

describe('an installation from before key files', () => {
  it('moves its generated key out of the database; posters it signed keep working', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qr-keys-legacy-'));
    const legacy = randomBytes(32);
    try {
      const venue = await registerVenue(t.app);
      const entrance = await t.ctx.db.query<{ publicId: string }>(
        'SELECT public_id AS "publicId" FROM venue_entrances WHERE venue_id = $1',
        [venue.id],
      );
      await t.ctx.db.query("INSERT INTO app_secrets (name, value) VALUES ('venue_code_key_1', $1)", [legacy]);
      const oldPoster = signVenueCode(entrance.rows[0]!.publicId, { id: '1', secret: legacy });
      const ring = await loadKeyRing(
        t.ctx.db,
        parseConfig({ DATA_DIR: '', KEYS_DIR: dir, QR_SIGNING_KEY: TEST_SIGNING_KEY }),
        () => undefined,
      );
      expect((await t.ctx.db.query('SELECT * FROM app_secrets')).rows).toEqual([]);
      expect(await readdir(dir)).toContain('1.legacy.key');
      const app = await buildApp({ ...t.ctx, keys: ring });
      const res = await call(app, 'GET', `/api/venues/by-code/${oldPoster}`);
      expect(res.status).toBe(200);
      // A legacy key verifies; it never signs anything new.
      expect(ring.venue_code.current.id).toBe('K');
      await app.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
