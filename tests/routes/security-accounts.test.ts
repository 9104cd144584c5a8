/**
 * Accounts and devices under attack (issue 11): no lock-outs, no password oracle in registration,
 * kiosks confined to recording, visitors' phones masked for venue operators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  login,
  registerVenue,
  startTestApp,
  uniquePhone,
  venueBody,
  type TestApp,
} from '../support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000', LOGIN_DELAY_CAP_MS: '300' });
});
afterAll(() => t.close());

const attacker = '203.0.113.66';
const owner = '198.51.100.20';

const loginAs = (username: string, password: string, from: string) =>
  call(t.app, 'POST', '/api/auth/login', { body: { username, password }, from });

describe('wrong passwords', () => {
  it('stop the guessing address, never the national admin from another address', async () => {
    const statuses = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await loginAs(ADMIN.username, `guess-${i}`, attacker)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const limited = await loginAs(ADMIN.username, ADMIN.password, attacker);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The owner's right password still works from another address, after a short capped wait.
    const started = Date.now();
    expect((await loginAs(ADMIN.username, ADMIN.password, owner)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    // From an address the account logged in from before, there is no wait at all.
    const again = Date.now();
    expect((await loginAs(ADMIN.username, ADMIN.password, owner)).status).toBe(200);
    expect(Date.now() - again).toBeLessThan(250);
    // The guessing address waits out the 15-minute window, then may try again.
    t.clock.advanceMinutes(16);
    expect((await loginAs(ADMIN.username, ADMIN.password, attacker)).status).toBe(200);
  });

  it('are answered 409 phone_has_account by registration, right password or not, even while throttled', async () => {
    const phone = uniquePhone();
    const first = await registerVenue(t.app, { contactPhone: phone });
    for (let i = 0; i < 12; i++) await loginAs(phone, `guess-${i}`, attacker);
    for (const managerPassword of ['manager-pass-1', 'wrong-pass-99']) {
      const res = await call(t.app, 'POST', '/api/venues', {
        body: venueBody({ contactPhone: phone, managerPassword }),
        from: attacker,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('phone_has_account');
    }
    const me = await call(t.app, 'GET', '/api/auth/me', { cookie: first.managerCookie });
    expect(me.body.user.venueIds).toEqual([first.id]);
  });

  it('make a deactivated-looking answer for unknown users too (no account oracle)', async () => {
    const unknown = await loginAs('nobody-here', 'whatever-1', '192.0.2.50');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_credentials');
  });
});

describe('kiosks', () => {
  it('record check-ins at their own venue only and read nothing, until revoked', async () => {
    const venue = await registerVenue(t.app);
    const other = await registerVenue(t.app);
    const enrolled = await call(t.app, 'POST', `/api/venues/${venue.id}/kiosks`, {
      cookie: venue.managerCookie,
      body: { name: 'Máy quét cổng A' },
    });
    expect(enrolled.status).toBe(201);
    const kiosk = { authorization: `Kiosk ${enrolled.body.deviceToken}` };
    const scan = (venueId: number, channel = 'kiosk') =>
      call(t.app, 'POST', `/api/venues/${venueId}/check-ins`, {
        headers: kiosk,
        body: {
          clientId: crypto.randomUUID(),
          channel,
          person: { fullName: 'Đỗ Văn Tám', phone: uniquePhone() },
        },
      });
    expect((await scan(venue.id)).status).toBe(201);
    expect((await scan(venue.id, 'paper')).status).toBe(403);
    expect((await scan(other.id)).status).toBe(403);
    for (const url of [
      `/api/venues/${venue.id}`,
      `/api/venues/${venue.id}/today`,
      '/api/auth/me',
      '/api/admin-units',
    ]) {
      const res = await call(t.app, 'GET', url, { headers: kiosk });
      expect(res.status, url).toBe(403);
    }
    const listed = await call(t.app, 'GET', `/api/venues/${venue.id}/kiosks`, {
      cookie: venue.managerCookie,
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ name: 'Máy quét cổng A', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(enrolled.body.deviceToken);
    const revoked = await call(t.app, 'DELETE', `/api/venues/${venue.id}/kiosks/${enrolled.body.id}`, {
      cookie: venue.managerCookie,
    });
    expect(revoked.status).toBe(204);
    expect((await scan(venue.id)).status).toBe(401);
  });
});

describe("visitors' phones", () => {
  it('are masked for venue managers and staff, whole for officials, in lists and exports', async () => {
    const venue = await registerVenue(t.app);
    const phone = '0987654321';
    await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'Trần Thị Chín', phone } }),
    });
    const managerView = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, {
      cookie: venue.managerCookie,
    });
    expect(managerView.body.items[0].phone).toBe('09******21');
    const csv = await call(t.app, 'GET', `/api/venues/${venue.id}/visits?format=csv`, {
      cookie: venue.managerCookie,
    });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('09******21');
    expect(String(csv.body)).not.toContain(phone);
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const officialView = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: admin });
    expect(officialView.body.items[0].phone).toBe(phone);
    const officialCsv = await call(t.app, 'GET', `/api/venues/${venue.id}/visits?format=csv`, {
      cookie: admin,
    });
    expect(String(officialCsv.body)).toContain(phone);
  });
});
