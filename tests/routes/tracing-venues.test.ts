/**
 * A tracer finds the venue of an exposure by its name or address within their own area (issue 16:
 * the per-venue exposure panel no longer asks for an internal number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let tracer: string;
let admin: string;
let hanoiPho: Awaited<ReturnType<typeof registerVenue>>;
let saigonPho: Awaited<ReturnType<typeof registerVenue>>;
const search = (cookie: string | undefined, q: string) =>
  call(t.app, 'GET', `/api/tracing/venues?q=${encodeURIComponent(q)}`, cookie ? { cookie } : {});

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  await call(t.app, 'POST', '/api/users', {
    cookie: admin,
    body: { username: 'truy-vet-ha-noi', password: 'tracer-pass-1', role: 'tracer', adminUnitCode: '01' },
  });
  tracer = await login(t.app, 'truy-vet-ha-noi', 'tracer-pass-1');
  hanoiPho = await registerVenue(t.app, { name: 'Quán Phở Thìn', address: '13 Lò Đúc' });
  saigonPho = await registerVenue(t.app, { name: 'Phở Hòa Pasteur', adminUnitCode: HCMC_COMMUNE });
});
afterAll(() => t.close());

describe('GET /api/tracing/venues', () => {
  it('finds venues of the tracer’s area by name or address, with or without marks', async () => {
    for (const q of ['pho', 'Phở', 'lo duc']) {
      const res = await search(tracer, q);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          id: hanoiPho.id,
          name: 'Quán Phở Thìn',
          address: '13 Lò Đúc',
          place: expect.stringContaining('Thành phố Hà Nội'),
          status: 'active',
        },
      ]);
    }
  });

  it('gives the national admin the whole country, and never a person', async () => {
    const res = await search(admin, 'pho');
    expect(res.body.items.map((v: { id: number }) => v.id).sort()).toEqual(
      [hanoiPho.id, saigonPho.id].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/contact|phone|09\d{8}/i);
  });

  it('is for tracers and officials: 401 without a login, 403 for a venue manager, 400 without words', async () => {
    expect((await search(undefined, 'pho')).status).toBe(401);
    expect((await search(hanoiPho.managerCookie, 'pho')).status).toBe(403);
    const empty = await search(tracer, '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe('q');
    expect((await search(tracer, 'x'.repeat(101))).status).toBe(400);
  });
});
