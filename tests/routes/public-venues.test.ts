/**
 * The public venue list (F22, API v1.1 "public"): anyone finds venues by name (marks optional), unit
 * and category, and sees status, live occupancy, the safety checklist and the map point; never a
 * phone, a contact name or a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let pho: Awaited<ReturnType<typeof registerVenue>>;
let market: Awaited<ReturnType<typeof registerVenue>>;
const list = (query: string) => call(t.app, 'GET', `/api/public/venues?${query}`);

beforeAll(async () => {
  // The answer is reused for PUBLIC_LIST_CACHE_SECONDS: the clock moves past it between reads.
  t = await startTestApp({ PUBLIC_LIST_CACHE_SECONDS: '5' });
  pho = await registerVenue(t.app, {
    name: 'Quán Phở Thìn',
    address: '13 Lò Đúc',
    contactName: 'Nguyễn Văn Thìn',
    capacity: 2,
    location: { lat: 21.0169, lng: 105.8559 },
  });
  market = await registerVenue(t.app, {
    name: 'Chợ Bến Thành',
    category: 'market',
    adminUnitCode: HCMC_COMMUNE,
    address: 'Lê Lợi, Quận 1',
    contactName: 'Trần Thị Chợ',
  });
});
afterAll(() => t.close());

describe('GET /api/public/venues', () => {
  it('finds a venue by its name or address without marks or case, with no login', async () => {
    for (const q of ['pho thin', 'PHỞ', 'lo duc', 'Phở Thìn']) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((v: { name: string }) => v.name)).toEqual(['Quán Phở Thìn']);
    }
    const res = await list('q=ben%20thanh');
    expect(res.body.items).toEqual([
      {
        id: market.id,
        name: 'Chợ Bến Thành',
        address: 'Lê Lợi, Quận 1',
        category: 'market',
        adminUnitCode: HCMC_COMMUNE,
        adminUnitName: 'Phường Bến Thành, Thành phố Hồ Chí Minh',
        status: 'active',
        occupancy: { inside: 0, capacity: null },
        safety: null,
        location: null,
      },
    ]);
    expect(res.headers['cache-control']).toBe('public, max-age=5');
  });

  it('finds by words in any order, the last one unfinished, never by a piece inside a word', async () => {
    const names = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}`)).body.items.map((v: { name: string }) => v.name);
    for (const q of ['thin pho', 'Phở Th', 'quan, pho-thin', '13 lò'])
      expect(await names(q), q).toEqual(['Quán Phở Thìn']);
    expect(await names('hin')).toEqual([]);
    expect(await names('ph thin')).toEqual([]);
  });

  it('lists venues by name with no filter at all, an empty search included', async () => {
    for (const query of ['', 'q=', 'q=%20']) {
      const res = await list(query);
      expect(res.status, query).toBe(200);
      expect(res.body.items.map((v: { name: string }) => v.name)).toEqual(['Chợ Bến Thành', 'Quán Phở Thìn']);
    }
  });

  it('finds nothing, never everything, for a search with no word in it (% or _)', async () => {
    expect((await list('q=%25')).body.items).toEqual([]);
    expect((await list('q=_')).body.items).toEqual([]);
  });

  it('filters by unit (a province, or an old code that resolves) and by category', async () => {
    const names = async (query: string) =>
      (await list(query)).body.items.map((v: { name: string }) => v.name).sort();
    expect(await names('adminUnit=79')).toEqual(['Chợ Bến Thành']);
    expect(await names('adminUnit=01')).toEqual(['Quán Phở Thìn']);
    expect(await names('category=market')).toEqual(['Chợ Bến Thành']);
    expect(await names('adminUnit=01&category=market')).toEqual([]);
  });

  it('answers 400 in the caller language for a wrong filter', async () => {
    const unknownUnit = await call(t.app, 'GET', '/api/public/venues?adminUnit=99999', {
      headers: { 'accept-language': 'en' },
    });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.error.code).toBe('admin_unit_not_found');
    expect((await list('category=casino')).status).toBe(400);
    expect((await list(`q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await list('limit=0')).status).toBe(400);
    expect((await list('limit=101')).status).toBe(400);
  });

  it('shows live occupancy against capacity: a full venue says so, within seconds', async () => {
    t.clock.advanceMinutes(1);
    expect((await list('q=pho%20thin')).body.items[0].occupancy).toEqual({ inside: 0, capacity: 2 });
    for (const phone of ['0912000001', '0912000002', '0912000003'])
      await call(t.app, 'POST', '/api/check-ins', {
        body: checkInBody(pho.code, { person: { fullName: 'Khách', phone } }),
      });
    // Within PUBLIC_LIST_CACHE_SECONDS the same answer comes back; after it, the figures are read
    // again even though the search itself is still reused.
    expect((await list('q=pho%20thin')).body.items[0].occupancy.inside).toBe(0);
    t.clock.now = new Date(t.clock.now.getTime() + 6_000);
    const [venue] = (await list('q=pho%20thin')).body.items;
    expect(venue.occupancy).toEqual({ inside: 3, capacity: 2 });
    expect(venue.location).toEqual({ lat: 21.0169, lng: 105.8559 });
  });

  it('shows a suspended venue as suspended', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    await call(t.app, 'POST', `/api/venues/${market.id}/suspend`, {
      cookie: admin,
      body: { reason: 'Có ca F0' },
    });
    t.clock.advanceMinutes(1);
    expect((await list('q=ben%20thanh')).body.items[0].status).toBe('suspended');
  });

  it('never carries a phone, a contact name or a person', async () => {
    const body = JSON.stringify((await list('limit=100')).body);
    for (const secret of [
      pho.body.contactPhone,
      market.body.contactPhone,
      'Nguyễn Văn Thìn',
      'Trần Thị Chợ',
      '0912000001',
      'Khách',
    ])
      expect(body).not.toContain(String(secret));
  });
});

describe('PUT /api/venues/:id/safety', () => {
  const checklist = { masks: true, distance: true, handSanitiser: false, ventilation: true };

  it('goes 401 → 400 → 404 (another manager) → 200 dated now, shown publicly and on the venue', async () => {
    const url = `/api/venues/${pho.id}/safety`;
    t.clock.advanceMinutes(1);
    expect((await list('q=pho%20thin')).body.items[0].safety).toBeNull(); // this search is now reused
    expect((await call(t.app, 'PUT', url, { body: checklist })).status).toBe(401);
    expect((await call(t.app, 'PUT', url, { cookie: pho.managerCookie, body: { masks: true } })).status).toBe(
      400,
    );
    expect((await call(t.app, 'PUT', url, { cookie: market.managerCookie, body: checklist })).status).toBe(
      404,
    );
    const confirmed = await call(t.app, 'PUT', url, { cookie: pho.managerCookie, body: checklist });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ ...checklist, confirmedAt: t.clock.now.toISOString() });

    // Past the answer's 5 s, within the search's 30 s: the venues are the search's, their safety is read again.
    t.clock.now = new Date(t.clock.now.getTime() + 6_000);
    expect((await list('q=pho%20thin')).body.items[0].safety).toEqual(confirmed.body);
    const detail = await call(t.app, 'GET', `/api/venues/${pho.id}`, { cookie: pho.managerCookie });
    expect(detail.body.safety).toEqual(confirmed.body);
  });

  it('lets the manager move the map point or take the venue off the map', async () => {
    const url = `/api/venues/${pho.id}`;
    const bad = await call(t.app, 'PATCH', url, {
      cookie: pho.managerCookie,
      body: { location: { lat: 91, lng: 0 } },
    });
    expect(bad.status).toBe(400);
    const moved = await call(t.app, 'PATCH', url, {
      cookie: pho.managerCookie,
      body: { location: { lat: 21.02, lng: 105.85 } },
    });
    expect(moved.body.location).toEqual({ lat: 21.02, lng: 105.85 });
    const off = await call(t.app, 'PATCH', url, { cookie: pho.managerCookie, body: { location: null } });
    expect(off.body.location).toBeNull();
    expect(off.body.capacity).toBe(2);
  });
});

describe('the order of a search by words', () => {
  it('lists venues with every word in their name before those with some in their address', async () => {
    await registerVenue(t.app, {
      name: 'Nhà sách Lò Đúc',
      address: '2 ngõ Phở Thìn',
      contactName: 'Lê Văn Sách',
    });
    t.clock.advanceMinutes(1); // past the answer cache
    const names = (await list('q=pho%20thin')).body.items.map((v: { name: string }) => v.name);
    expect(names).toEqual(['Quán Phở Thìn', 'Nhà sách Lò Đúc']);
  });
});

describe('a venue just registered', () => {
  it('is found once the answer cache has passed, though the search before it found nothing', async () => {
    const search = () => list('q=tiem%20banh%20moi%20mo');
    t.clock.advanceMinutes(1);
    expect((await search()).body.items).toEqual([]);
    await registerVenue(t.app, {
      name: 'Tiệm bánh Mới Mở',
      address: '9 Hàng Than',
      contactName: 'Đỗ Thị Bánh',
    });
    t.clock.now = new Date(t.clock.now.getTime() + 6_000); // past the 5 s answer, well within the search's 30 s
    expect((await search()).body.items.map((v: { name: string }) => v.name)).toEqual(['Tiệm bánh Mới Mở']);
  });
});

describe('the public list under a flood from one address', () => {
  it('answers 429 with Retry-After past the per-minute limit, in the caller language, and serves others', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '3000' });
    try {
      const from = '198.51.100.77';
      const get = (address: string) =>
        call(limited.app, 'GET', '/api/public/venues?q=pho', {
          from: address,
          headers: { 'accept-language': 'en' },
        });
      // The 3,001 requests (≈ 1 s, 11 s on a busy machine) fall in one window: the app's clock stands still.
      for (let i = 0; i < 3000; i++) expect((await get(from)).status).toBe(200);
      const refused = await get(from);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.error).toMatchObject({
        code: 'rate_limited',
        message: 'Too many requests, try again shortly.',
      });
      expect((await get('198.51.100.78')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
