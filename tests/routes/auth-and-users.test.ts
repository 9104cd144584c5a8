import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, login, registerVenue, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
  adminCookie = await login(t.app, ADMIN.username, ADMIN.password);
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('creates the configured admin on start and logs it in with an HttpOnly cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin', adminUnitCode: null });
    const cookie = res.cookies.find((c) => c.name === 'sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBe(true);
  });

  it('answers a wrong password and an unknown user alike with 401 invalid_credentials', async () => {
    for (const payload of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: 'wrong-password' },
    ]) {
      const res = await call(t.app, 'POST', '/api/auth/login', { body: payload });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
    }
  });

  it('ends the session on logout', async () => {
    const cookie = await login(t.app, ADMIN.username, ADMIN.password);
    expect((await call(t.app, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/auth/logout')).status).toBe(401);
  });
});

describe('POST /api/users', () => {
  const official = (unit: string, username = `o-${unit}-${Math.random().toString(36).slice(2, 8)}`) => ({
    username,
    password: 'official-pass-1',
    role: 'official',
    adminUnitCode: unit,
  });

  it('needs a login (401), a valid body (400), and the right role and area (403)', async () => {
    expect((await call(t.app, 'POST', '/api/users', { body: official('01') })).status).toBe(401);
    const invalid = await call(t.app, 'POST', '/api/users', {
      cookie: adminCookie,
      body: { username: 'x', role: 'king' },
    });
    expect(invalid.status).toBe(400);
    const noUnit = await call(t.app, 'POST', '/api/users', {
      cookie: adminCookie,
      body: { ...official('01'), adminUnitCode: undefined },
    });
    expect(noUnit.status).toBe(400);

    await call(t.app, 'POST', '/api/users', {
      cookie: adminCookie,
      body: official('001', 'district-ba-dinh'),
    });
    const district = await login(t.app, 'district-ba-dinh', 'official-pass-1');
    expect(
      (await call(t.app, 'POST', '/api/users', { cookie: district, body: official('002') })).status,
    ).toBe(403);
    expect((await call(t.app, 'POST', '/api/users', { cookie: district, body: official('01') })).status).toBe(
      403,
    );
    expect(
      (
        await call(t.app, 'POST', '/api/users', {
          cookie: district,
          body: { ...official('001'), role: 'admin' },
        })
      ).status,
    ).toBe(403);
    const venue = await registerVenue(t.app);
    expect(
      (await call(t.app, 'POST', '/api/users', { cookie: venue.managerCookie, body: official('00001') }))
        .status,
    ).toBe(403);
  });

  it('lets an official create accounts below their unit and staff for venues in it', async () => {
    await call(t.app, 'POST', '/api/users', { cookie: adminCookie, body: official('01', 'province-hanoi') });
    const province = await login(t.app, 'province-hanoi', 'official-pass-1');
    const commune = await call(t.app, 'POST', '/api/users', { cookie: province, body: official('00001') });
    expect(commune.status).toBe(201);
    expect(commune.body.id).toEqual(expect.any(Number));

    const venue = await registerVenue(t.app);
    const staff = await call(t.app, 'POST', '/api/users', {
      cookie: province,
      body: {
        username: 'staff-gate-1',
        password: 'staff-pass-12',
        role: 'venue_staff',
        venueIds: [venue.id],
      },
    });
    expect(staff.status).toBe(201);
    const me = await call(t.app, 'GET', '/api/auth/me', {
      cookie: await login(t.app, 'staff-gate-1', 'staff-pass-12'),
    });
    expect(me.body.user.venueIds).toEqual([venue.id]);
    const dup = await call(t.app, 'POST', '/api/users', {
      cookie: province,
      body: {
        username: 'staff-gate-1',
        password: 'staff-pass-12',
        role: 'venue_staff',
        venueIds: [venue.id],
      },
    });
    expect(dup.status).toBe(409);
  });
});

describe('login rate limit', () => {
  it('limits logins from one address with 429 and Retry-After', async () => {
    const limited = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '5', LOGIN_MAX_FAILURES: '50' });
    try {
      const attempt = (ip: string) =>
        call(limited.app, 'POST', '/api/auth/login', {
          body: { username: 'spray', password: 'x' },
          from: ip,
        });
      for (let i = 0; i < 5; i++) expect((await attempt('203.0.113.9')).status).toBe(401);
      const blocked = await attempt('203.0.113.9');
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt('203.0.113.10')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
