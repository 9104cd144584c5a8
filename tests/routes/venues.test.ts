import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  venueBody,
  type TestApp,
} from '../support/app.js';
import { pdfInfo, pdfProse, pdfRectangles } from '../support/documents.js';

let t: TestApp;
let adminCookie: string;
let hanoiOfficial: string;
let hcmcOfficial: string;

beforeAll(async () => {
  t = await startTestApp();
  adminCookie = await login(t.app, ADMIN.username, ADMIN.password);
  for (const [username, unit] of [
    ['official-hanoi', '01'],
    ['official-hcmc', '79'],
  ]) {
    const res = await call(t.app, 'POST', '/api/users', {
      cookie: adminCookie,
      body: { username, password: 'official-pass-1', role: 'official', adminUnitCode: unit },
    });
    expect(res.status).toBe(201);
  }
  hanoiOfficial = await login(t.app, 'official-hanoi', 'official-pass-1');
  hcmcOfficial = await login(t.app, 'official-hcmc', 'official-pass-1');
});
afterAll(() => t.close());

describe('POST /api/venues', () => {
  it('rejects a missing name, an unknown category and a bad phone with 400 and the field paths', async () => {
    const res = await call(t.app, 'POST', '/api/venues', {
      body: venueBody({ name: '', category: 'casino', contactPhone: '123' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'category',
      'contactPhone',
      'name',
    ]);
  });

  it('requires a commune-level unit that exists', async () => {
    const district = await call(t.app, 'POST', '/api/venues', { body: venueBody({ adminUnitCode: '001' }) });
    expect(district.status).toBe(400);
    expect(district.body.error.code).toBe('admin_unit_not_lowest_level');
    const unknown = await call(t.app, 'POST', '/api/venues', { body: venueBody({ adminUnitCode: '99999' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('admin_unit_not_found');
  });

  it('requires a manager password for self-registration', async () => {
    const res = await call(t.app, 'POST', '/api/venues', { body: venueBody({ managerPassword: undefined }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('manager_password_required');
  });

  it('self-registers a venue that takes check-ins at once, with a manager account named by the phone', async () => {
    const res = await call(t.app, 'POST', '/api/venues', {
      body: venueBody({ contactPhone: '+84901234567' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('active');
    expect(res.body.checkInUrl).toBe(`https://qr.example.vn/c/${res.body.code}`);
    const cookie = await login(t.app, '0901234567', 'manager-pass-1');
    const me = await call(t.app, 'GET', '/api/auth/me', { cookie });
    expect(me.body.user).toMatchObject({
      username: '0901234567',
      role: 'venue_manager',
      venueIds: [res.body.id],
    });
    const checkIn = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(res.body.code) });
    expect(checkIn.status).toBe(201);
  });

  it('never attaches a venue to an existing account from a public request; the logged-in owner adds it', async () => {
    const phone = '0902223333';
    await call(t.app, 'POST', '/api/venues', { body: venueBody({ contactPhone: phone }) });
    // Right or wrong password: the same 409, so registration tells nothing about the password.
    for (const managerPassword of ['manager-pass-1', 'another-pass-9']) {
      const again = await call(t.app, 'POST', '/api/venues', {
        body: venueBody({ contactPhone: phone, name: 'Chi nhánh 2', managerPassword }),
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('phone_has_account');
    }
    const owner = await login(t.app, phone, 'manager-pass-1');
    const second = await call(t.app, 'POST', '/api/venues', {
      cookie: owner,
      body: venueBody({ contactPhone: phone, name: 'Chi nhánh 2', managerPassword: undefined }),
    });
    expect(second.status).toBe(201);
    const me = await call(t.app, 'GET', '/api/auth/me', { cookie: owner });
    expect(me.body.user.venueIds).toHaveLength(2);
  });

  it('lets an official register a venue in their area without a manager account, not outside it', async () => {
    const inside = await call(t.app, 'POST', '/api/venues', {
      cookie: hanoiOfficial,
      body: venueBody({ managerPassword: undefined, category: 'checkpoint' }),
    });
    expect(inside.status).toBe(201);
    const outside = await call(t.app, 'POST', '/api/venues', {
      cookie: hanoiOfficial,
      body: venueBody({ managerPassword: undefined, adminUnitCode: HCMC_COMMUNE }),
    });
    expect(outside.status).toBe(403);
  });
});

describe('GET /api/venues/by-code/:code', () => {
  it('shows anyone the venue behind a valid code, and 404 for a forged one', async () => {
    const venue = await registerVenue(t.app, { name: 'Bến xe Giáp Bát', category: 'transport_station' });
    const res = await call(t.app, 'GET', `/api/venues/by-code/${venue.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Bến xe Giáp Bát',
      category: 'transport_station',
      status: 'active',
    });
    expect(res.body.adminUnitName).toBe('Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội');
    expect(res.body).not.toHaveProperty('contactPhone');
    const forged = await call(t.app, 'GET', `/api/venues/by-code/${venue.code.slice(0, 11)}AAAAAAAAAAAA`);
    expect(forged.status).toBe(404);
    expect(forged.body.error.code).toBe('venue_not_found');
  });
});

describe('GET /api/venues/:id and its QR documents', () => {
  it('needs a login (401), hides other venues (404), and shows the venue to its manager and officials over it', async () => {
    const venue = await registerVenue(t.app);
    const other = await registerVenue(t.app);
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}`)).status).toBe(401);
    expect(
      (await call(t.app, 'GET', `/api/venues/${venue.id}`, { cookie: other.managerCookie })).status,
    ).toBe(404);
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}`, { cookie: hcmcOfficial })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/venues/abc', { cookie: adminCookie })).status).toBe(404);
    for (const cookie of [venue.managerCookie, hanoiOfficial, adminCookie]) {
      const res = await call(t.app, 'GET', `/api/venues/${venue.id}`, { cookie });
      expect(res.status).toBe(200);
      expect(res.body.entrances[0].code).toBe(venue.code);
    }
  });

  it('serves the poster as PDF and the QR as PNG and SVG to the manager only', async () => {
    const venue = await registerVenue(t.app);
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}/poster.pdf`)).status).toBe(401);
    const pdf = await call(t.app, 'GET', `/api/venues/${venue.id}/poster.pdf`, {
      cookie: venue.managerCookie,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // One A4 page: both languages, the entrance, the national hotline (no province one is set).
    expect(pdfInfo(pdf.body)).toMatchObject({ pages: 1 });
    const text = pdfProse(pdf.body);
    for (const words of [
      'QUÉT MÃ QR KHI RA, VÀO',
      'SCAN THE QR CODE WHEN YOU COME IN AND GO OUT',
      'Cổng chính · Entrance',
      'Hướng dẫn',
      'How to check in',
      'Không có điện thoại: đưa thẻ QR cá nhân hoặc CCCD gắn chip cho nhân viên quét.',
      'Đường dây nóng y tế · Health hotline: 1900 9095',
    ])
      expect(text).toContain(words);
    // The QR, quiet zone included, is 16 cm square (the product asks at least 15 cm).
    expect(pdfRectangles(pdf.body)).toContainEqual({ width: 453.5, height: 453.5 });
    const png = await call(t.app, 'GET', `/api/venues/${venue.id}/qr.png`, { cookie: venue.managerCookie });
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    const svg = await call(t.app, 'GET', `/api/venues/${venue.id}/qr.svg`, { cookie: venue.managerCookie });
    expect((svg.body as Buffer).toString()).toContain('<svg');
    const noEntrance = await call(t.app, 'GET', `/api/venues/${venue.id}/qr.png?entrance=999999`, {
      cookie: venue.managerCookie,
    });
    expect(noEntrance.status).toBe(404);
  });
});

describe('suspending and reinstating a venue', () => {
  it('goes 401 → 400 → 403 (its manager) → 404 (other province) → 200 (official over it)', async () => {
    const venue = await registerVenue(t.app);
    const url = `/api/venues/${venue.id}/suspend`;
    expect((await call(t.app, 'POST', url, { body: { reason: 'x' } })).status).toBe(401);
    expect((await call(t.app, 'POST', url, { body: {}, cookie: hanoiOfficial })).status).toBe(400);
    expect(
      (await call(t.app, 'POST', url, { body: { reason: 'x' }, cookie: venue.managerCookie })).status,
    ).toBe(403);
    expect((await call(t.app, 'POST', url, { body: { reason: 'x' }, cookie: hcmcOfficial })).status).toBe(
      404,
    );
    const ok = await call(t.app, 'POST', url, {
      body: { reason: 'Chưa bố trí người kiểm tra' },
      cookie: hanoiOfficial,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'suspended', statusReason: 'Chưa bố trí người kiểm tra' });
  });

  it('rejects check-ins at a suspended venue with 409 until it is reinstated', async () => {
    const venue = await registerVenue(t.app);
    await call(t.app, 'POST', `/api/venues/${venue.id}/suspend`, {
      body: { reason: 'Vi phạm' },
      cookie: hanoiOfficial,
    });
    const refused = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('venue_suspended');
    expect((await call(t.app, 'GET', `/api/venues/by-code/${venue.code}`)).body.status).toBe('suspended');
    await call(t.app, 'POST', `/api/venues/${venue.id}/reinstate`, {
      body: { reason: 'Đã khắc phục' },
      cookie: hanoiOfficial,
    });
    expect((await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) })).status).toBe(201);
  });

  it('keeps the history of suspensions and reinstatements, with reasons and who decided', async () => {
    const venue = await registerVenue(t.app);
    for (const [action, reason] of [
      ['suspend', 'Không quét mã 7 ngày'],
      ['reinstate', 'Đã cam kết thực hiện'],
    ] as const) {
      t.clock.advanceMinutes(1);
      await call(t.app, 'POST', `/api/venues/${venue.id}/${action}`, {
        body: { reason },
        cookie: hanoiOfficial,
      });
    }
    const detail = await call(t.app, 'GET', `/api/venues/${venue.id}`, { cookie: venue.managerCookie });
    expect(detail.body.status).toBe('active');
    expect(detail.body.statusHistory).toEqual([
      expect.objectContaining({ status: 'active', reason: 'Đã cam kết thực hiện' }),
      expect.objectContaining({ status: 'suspended', reason: 'Không quét mã 7 ngày' }),
    ]);
    expect(detail.body.statusHistory[0].by).toMatch(/\w/);
  });
});

describe('GET /api/venues/:id/today', () => {
  it('is for the venue people only', async () => {
    const venue = await registerVenue(t.app, { adminUnitCode: HANOI_COMMUNE });
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}/today`)).status).toBe(401);
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: hcmcOfficial })).status).toBe(
      404,
    );
    expect(
      (await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: venue.managerCookie })).status,
    ).toBe(200);
  });
});
