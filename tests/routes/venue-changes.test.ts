/**
 * Changing a venue after registration (issue 14, API v1.1 venues): its details, and entrances with
 * their own codes, check-in URLs and posters; an inactive entrance checks nobody in.
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
import { pdfText } from '../support/documents.js';

let t: TestApp;
let venue: Awaited<ReturnType<typeof registerVenue>>;
let other: Awaited<ReturnType<typeof registerVenue>>;
let official: string;
beforeAll(async () => {
  t = await startTestApp({ HEALTH_HOTLINES: '01=024 3998 5765' });
  venue = await registerVenue(t.app, { name: 'Nhà hàng Sen' });
  other = await registerVenue(t.app, { adminUnitCode: HCMC_COMMUNE });
  const admin = await login(t.app, ADMIN.username, ADMIN.password);
  await call(t.app, 'POST', '/api/users', {
    cookie: admin,
    body: { username: 'ubnd-ha-noi', password: 'ubnd-ha-noi-1', role: 'official', adminUnitCode: '01' },
  });
  official = await login(t.app, 'ubnd-ha-noi', 'ubnd-ha-noi-1');
});
afterAll(() => t.close());

describe('PATCH /api/venues/:id', () => {
  it('goes 401 → 400 → 404 (another manager) → 200 (its manager, an official over it)', async () => {
    const url = `/api/venues/${venue.id}`;
    expect((await call(t.app, 'PATCH', url, { body: { name: 'X' } })).status).toBe(401);
    expect((await call(t.app, 'PATCH', url, { cookie: venue.managerCookie, body: {} })).status).toBe(400);
    expect(
      (await call(t.app, 'PATCH', url, { cookie: venue.managerCookie, body: { capacity: 0 } })).status,
    ).toBe(400);
    expect(
      (await call(t.app, 'PATCH', url, { cookie: other.managerCookie, body: { name: 'X' } })).status,
    ).toBe(404);
    const changed = await call(t.app, 'PATCH', url, {
      cookie: venue.managerCookie,
      body: { name: 'Nhà hàng Sen Hồ Tây', capacity: 80, contactPhone: '0987 654 321' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Nhà hàng Sen Hồ Tây',
      capacity: 80,
      contactPhone: '0987654321',
    });
    const byOfficial = await call(t.app, 'PATCH', url, { cookie: official, body: { capacity: null } });
    expect(byOfficial.body).toMatchObject({ name: 'Nhà hàng Sen Hồ Tây', capacity: null });
  });
});

describe('entrances', () => {
  it('adds an entrance with its own code, check-in URL and poster', async () => {
    const url = `/api/venues/${venue.id}/entrances`;
    expect((await call(t.app, 'POST', url, { body: { name: 'Cổng sau' } })).status).toBe(401);
    expect((await call(t.app, 'POST', url, { cookie: venue.managerCookie, body: { name: '' } })).status).toBe(
      400,
    );
    expect(
      (await call(t.app, 'POST', url, { cookie: other.managerCookie, body: { name: 'X' } })).status,
    ).toBe(404);
    const added = await call(t.app, 'POST', url, { cookie: venue.managerCookie, body: { name: 'Cổng sau' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Cổng sau', active: true });
    expect(added.body.code).not.toBe(venue.code);
    expect(added.body.checkInUrl).toBe(`https://qr.example.vn/c/${added.body.code}`);

    const list = await call(t.app, 'GET', url, { cookie: venue.managerCookie });
    expect(list.body.items.map((e: { name: string }) => e.name)).toEqual(['Cổng chính', 'Cổng sau']);
    const poster = await call(t.app, 'GET', `${url}/${added.body.id}/poster.pdf`, {
      cookie: venue.managerCookie,
    });
    expect(poster.status).toBe(200);
    expect(pdfText(poster.body)).toContain('Cổng sau');
    // The venue is in Hà Nội: its poster gives Hà Nội's hotline.
    expect(pdfText(poster.body)).toContain('Health hotline: 024 3998 5765');
    const checkIn = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(added.body.code) });
    expect(checkIn.status).toBe(201);
  });

  it('renames and deactivates an entrance: its code then checks nobody in; the last one stays active', async () => {
    const url = `/api/venues/${venue.id}/entrances`;
    const [main, back] = (await call(t.app, 'GET', url, { cookie: official })).body.items;
    const renamed = await call(t.app, 'PATCH', `${url}/${back.id}`, {
      cookie: venue.managerCookie,
      body: { name: 'Cổng bãi xe' },
    });
    expect(renamed.body).toMatchObject({ name: 'Cổng bãi xe', active: true });
    const off = await call(t.app, 'PATCH', `${url}/${back.id}`, {
      cookie: official,
      body: { active: false },
    });
    expect(off.body.active).toBe(false);
    const refused = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(back.code) });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('venue_not_found');
    expect((await call(t.app, 'GET', `/api/venues/by-code/${back.code}`)).status).toBe(404);
    expect(
      (await call(t.app, 'GET', `${url}/${back.id}/poster.pdf`, { cookie: venue.managerCookie })).status,
    ).toBe(404);

    const last = await call(t.app, 'PATCH', `${url}/${main.id}`, {
      cookie: venue.managerCookie,
      body: { active: false },
    });
    expect(last.status).toBe(400);
    expect(last.body.error.details[0]).toMatchObject({ path: 'active', code: 'last_active_entrance' });
    expect(
      (await call(t.app, 'PATCH', `${url}/999999`, { cookie: venue.managerCookie, body: { name: 'X' } }))
        .status,
    ).toBe(404);
    expect((await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(main.code) })).status).toBe(201);
  });
});
