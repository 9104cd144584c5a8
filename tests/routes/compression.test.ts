/**
 * Long API answers go compressed to a client that accepts it (brotli, else gzip) and as they are to
 * one that does not; short answers are never compressed.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_FROM_BYTES } from '../../src/server/http/plugins/compression.js';
import {
  ADMIN,
  call,
  checkInBody,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';
import { copyVenues } from '../support/bulk-venues.js';

let t: TestApp;
let cookie: string;
const TABLE = '/api/stats/venues?adminUnit=01';

beforeAll(async () => {
  t = await startTestApp();
  cookie = await login(t.app, ADMIN.username, ADMIN.password);
  // 150 venues in one Hà Nội commune: a per-venue table of about 35 KB.
  await copyVenues(
    t.ctx.db,
    t.ctx.config.adminUnitsVersion,
    Array.from({ length: 150 }, (_, i) => ({
      name: `Quán số ${i}`,
      category: 'restaurant',
      unitPath: ['01', '001', '00001'],
      address: `${i} Phố Huế`,
      contactPhone: `09${30_000_000 + i}`,
    })),
  );
});
afterAll(() => t.close());

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
  });

describe('compressed answers', () => {
  it('sends a long answer in brotli, else gzip, the same JSON once decompressed', async () => {
    const plain = await get(TABLE);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    expect(plain.json().items).toHaveLength(150);

    const br = await get(TABLE, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await get(TABLE, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it("compresses a long answer written as UTF-8 bytes (the door's list) as it does a string", async () => {
    const venue = await registerVenue(t.app, { name: 'Chợ Đồng Xuân' });
    const first = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
    expect(first.status).toBe(201);
    // 150 more entries today, copies of the first with their own id and a Vietnamese name (≈ 30 KB).
    await t.ctx.db.query(
      `INSERT INTO check_ins
       SELECT (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'person_full_name', 'Nguyễn Thị Ánh ' || g))).*
         FROM check_ins c, generate_series(1, 150) g WHERE c.id = $1`,
      [first.body.id],
    );
    const url = `/api/venues/${venue.id}/today`;
    const plain = await get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.rawPayload.length);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    expect(plain.json().items).toHaveLength(151);
    const names = (plain.json().items as { fullName: string }[]).map((e) => e.fullName);
    expect(names.filter((name) => /^Nguyễn Thị Ánh \d+$/.test(name))).toHaveLength(150);

    const br = await get(url, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
  });

  it('sends a short answer as it is', async () => {
    const me = await get('/api/auth/me', 'gzip, deflate, br');
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json()).toMatchObject({ user: { username: ADMIN.username } });
  });
});
