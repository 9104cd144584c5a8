import { addDays, localDate } from '../../src/server/domain/local-day.js';
import { deliverDueSms } from '../../src/server/services/sms.js';
import { statsApi } from '../../src/shared/api/stats.js';
import { venueFigures } from '../../src/server/db/queries/stats.js';
import { venueCategoryName } from '../../src/shared/venue-categories.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  declare,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

/** Phường Trúc Bạch (Ba Đình, Hà Nội) and Phường Phúc Tân (Hoàn Kiếm, Hà Nội). */
const TRUC_BACH = '00004';
const PHUC_TAN = '00037';

let t: TestApp;
let admin: string;
let hanoi: string;
let baDinh: string;
let hcmc: string;
let tracer: string;
let venues: Record<'pho' | 'school' | 'market' | 'silent', Awaited<ReturnType<typeof registerVenue>>>;
let today: string;

async function official(username: string, unit: string, role = 'official') {
  const res = await call(t.app, 'POST', '/api/users', {
    cookie: admin,
    body: { username, password: 'official-pass-1', role, adminUnitCode: unit },
  });
  expect(res.status).toBe(201);
  return login(t.app, username, 'official-pass-1');
}

async function checkIn(code: string, fullName: string, phone: string) {
  const res = await call(t.app, 'POST', '/api/check-ins', {
    body: checkInBody(code, { person: { fullName, phone } }),
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** Sessions last 12 hours: after the clock jumps days, everyone logs in again. */
async function loginEveryone() {
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  hanoi = await login(t.app, 'official-hanoi', 'official-pass-1');
  baDinh = await login(t.app, 'official-badinh', 'official-pass-1');
  hcmc = await login(t.app, 'official-hcmc', 'official-pass-1');
  for (const v of Object.values(venues))
    v.managerCookie = await login(t.app, String(v.body.contactPhone), 'manager-pass-1');
}

beforeAll(async () => {
  // 10:00 in Hà Nội on 2026-11-20.
  t = await startTestApp({}, new Date('2026-11-20T03:00:00Z'));
  today = '2026-11-20';
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  hanoi = await official('official-hanoi', '01');
  baDinh = await official('official-badinh', '001');
  hcmc = await official('official-hcmc', '79');
  tracer = await official('tracer-hanoi', '01', 'tracer');
  venues = {
    pho: await registerVenue(t.app, {
      name: 'Phở Thìn',
      category: 'restaurant',
      adminUnitCode: HANOI_COMMUNE,
    }),
    school: await registerVenue(t.app, {
      name: 'Trường THCS Trúc Bạch',
      category: 'school',
      adminUnitCode: TRUC_BACH,
    }),
    market: await registerVenue(t.app, {
      name: 'Chợ Đồng Xuân',
      category: 'market',
      adminUnitCode: PHUC_TAN,
    }),
    silent: await registerVenue(t.app, {
      name: 'Quán không quét',
      category: 'restaurant',
      adminUnitCode: HANOI_COMMUNE,
    }),
  };
  await registerVenue(t.app, { name: 'Chợ Bến Thành', category: 'market', adminUnitCode: HCMC_COMMUNE });
  await checkIn(venues.pho.code, 'Lê Văn Minh', '0912345678');
  t.clock.advanceMinutes(30);
  await checkIn(venues.school.code, 'Lê Văn Minh', '0912345678');
  await checkIn(venues.pho.code, 'Trần Thị Hoa', '0987654321');
  await checkIn(venues.market.code, 'Phạm Văn Đức', '0911111111');
  await checkIn(venues.market.code, 'Lê Văn Minh', '0912345678');
  const paper = await call(t.app, 'POST', `/api/venues/${venues.pho.id}/check-ins`, {
    cookie: venues.pho.managerCookie,
    body: {
      clientId: crypto.randomUUID(),
      channel: 'paper',
      person: { fullName: 'Bà Nguyễn Thị Tư', phone: '0922222222' },
      at: '2026-11-20T02:00:00Z',
    },
  });
  expect(paper.status).toBe(201);
  await declare(t.app, {
    person: { fullName: 'Đỗ Văn Sốt', phone: '0933333333', adminUnitCode: TRUC_BACH },
    symptoms: {
      fever: true,
      cough: false,
      breathlessness: false,
      pneumonia: false,
      soreThroat: false,
      fatigue: false,
    },
  });
  await declare(t.app, { person: { fullName: 'Vũ Thị Khỏe', phone: '0944444444', adminUnitCode: PHUC_TAN } });
});
afterAll(() => t.close());

describe('GET /api/stats', () => {
  it('asks for a login (401), refuses venue managers (403) and tracers (403)', async () => {
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=01')).status).toBe(401);
    const manager = await call(t.app, 'GET', '/api/stats?adminUnit=01', { cookie: venues.pho.managerCookie });
    expect(manager.status).toBe(403);
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=01', { cookie: tracer })).status).toBe(403);
  });

  it('rejects a reversed or too long range and a malformed code with 400', async () => {
    const reversed = await call(t.app, 'GET', '/api/stats?adminUnit=01&from=2026-11-20&to=2026-11-01', {
      cookie: hanoi,
      lang: 'en',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe('invalid_date_range');
    expect(
      (await call(t.app, 'GET', '/api/stats?adminUnit=01&from=2024-01-01&to=2026-11-20', { cookie: hanoi }))
        .status,
    ).toBe(400);
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=abc', { cookie: hanoi })).status).toBe(400);
    // A range that begins after today: nothing can have been recorded, so a 400 that says so, not zeros.
    const tomorrow = addDays(localDate(t.clock.now, 'Asia/Ho_Chi_Minh'), 1);
    const future = await call(t.app, 'GET', `/api/stats?adminUnit=01&from=${tomorrow}`, { cookie: hanoi });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('invalid_date_range');
    expect(future.body.error.details).toEqual([{ path: 'from', code: 'in_future' }]);
    expect(future.body.error.message).toContain('hôm nay');
    expect(
      (await call(t.app, 'GET', '/api/stats?adminUnit=01&from=2026-13-01', { cookie: hanoi })).status,
    ).toBe(400);
  });

  it('answers 404 for a sibling unit, as if it did not exist', async () => {
    const sibling = await call(t.app, 'GET', '/api/stats?adminUnit=79', { cookie: hanoi });
    expect(sibling.status).toBe(404);
    expect(sibling.body.error.code).toBe('unit_not_found');
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=002', { cookie: baDinh })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=01', { cookie: baDinh })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=VN', { cookie: hanoi })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=99', { cookie: admin })).status).toBe(404);
  });

  it("counts a province's venues, check-ins by channel, unique people, declarations and per-child figures", async () => {
    const res = await call(t.app, 'GET', `/api/stats?adminUnit=01&from=${today}&to=${today}`, {
      cookie: hanoi,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      adminUnit: '01',
      from: today,
      to: today,
      venues: { registered: 4, active: 3 },
      checkIns: {
        total: 6,
        electronic: 5,
        paper: 1,
        byChannel: { qr_self: 5, qr_staff: 0, kiosk: 0, paper: 1, on_behalf: 0 },
      },
      uniquePeople: 4,
      declarations: { total: 2, flagged: 1 },
      cards: { issued: 2, issuedToDate: 2, population: null, issuanceRate: null },
    });
    const baDinhRow = res.body.children.find((c: { code: string }) => c.code === '001');
    const hoanKiem = res.body.children.find((c: { code: string }) => c.code === '002');
    expect(baDinhRow).toMatchObject({
      name: 'Quận Ba Đình',
      venues: { registered: 3, active: 2 },
      checkIns: { total: 4, paper: 1 },
      uniquePeople: 3,
    });
    expect(hoanKiem).toMatchObject({
      venues: { registered: 1, active: 1 },
      checkIns: { total: 2, paper: 0 },
      uniquePeople: 2,
    });
    expect(res.body.children).toHaveLength(30);
    expect(res.body.categories.find((c: { code: string }) => c.code === 'restaurant')).toMatchObject({
      name: 'Cơ sở ăn uống tại chỗ',
      venues: { registered: 2, active: 1 },
      checkIns: { total: 3 },
    });
    expect(res.body.days).toEqual([
      expect.objectContaining({
        date: today,
        activeVenues: 3,
        checkIns: expect.objectContaining({ total: 6 }),
      }),
    ]);
  });

  it('answers for a commune, which has venues but no units below', async () => {
    const res = await call(t.app, 'GET', `/api/stats?adminUnit=${HANOI_COMMUNE}&from=${today}&to=${today}`, {
      cookie: baDinh,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      level: 3,
      venues: { registered: 2, active: 1 },
      checkIns: { total: 3, paper: 1 },
      children: [],
    });
  });

  it('lets the national admin see the country, with provinces as children', async () => {
    const res = await call(t.app, 'GET', `/api/stats?adminUnit=VN&from=${today}`, { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      level: 0,
      venues: { registered: 5, active: 3 },
      checkIns: { total: 6 },
      uniquePeople: 4,
    });
    expect(res.body.children).toHaveLength(63);
  });

  it('computes the card issuance rate from the population officials enter', async () => {
    expect(
      (
        await call(t.app, 'PUT', '/api/admin-units/79/population', {
          cookie: hanoi,
          body: { population: 100 },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(t.app, 'PUT', '/api/admin-units/00004/population', {
          cookie: hanoi,
          body: { population: -1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(t.app, 'PUT', '/api/admin-units/00004/population', {
          cookie: hanoi,
          body: { population: 4 },
        })
      ).status,
    ).toBe(200);
    const res = await call(t.app, 'GET', `/api/stats?adminUnit=001`, { cookie: baDinh });
    expect(res.body.children.find((c: { code: string }) => c.code === TRUC_BACH).cards).toEqual({
      issued: 1,
      issuedToDate: 1,
      population: 4,
      issuanceRate: 0.25,
    });
  });

  it('keeps the figures of earlier days apart', async () => {
    const res = await call(t.app, 'GET', '/api/stats?adminUnit=01&from=2026-11-18&to=2026-11-19', {
      cookie: hanoi,
    });
    expect(res.body).toMatchObject({
      venues: { registered: 0, active: 0 },
      checkIns: { total: 0 },
      uniquePeople: 0,
    });
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-18', '2026-11-19']);
  });
});

describe('GET /api/stats/venues', () => {
  it('lists every venue of the unit with totals, silent venues with zero', async () => {
    expect((await call(t.app, 'GET', '/api/stats/venues?adminUnit=79', { cookie: baDinh })).status).toBe(404);
    const res = await call(t.app, 'GET', `/api/stats/venues?adminUnit=001&from=${today}&to=${today}`, {
      cookie: baDinh,
    });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((v: { name: string; total: number; electronic: number; paper: number }) => [
        v.name,
        v.total,
        v.electronic,
        v.paper,
      ]),
    ).toEqual([
      ['Phở Thìn', 3, 2, 1],
      ['Trường THCS Trúc Bạch', 1, 1, 0],
      ['Quán không quét', 0, 0, 0],
    ]);
    expect(res.body.items[0]).toMatchObject({
      venueId: venues.pho.id,
      category: 'restaurant',
      lastCheckInAt: expect.any(String),
    });
    expect(res.body.items[2].lastCheckInAt).toBeNull();
    // Exactly the contract: no field more (the table is sent without a run-time schema check).
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(statsApi.venues.responses[200].parse(res.body)).toEqual(res.body);
  });

  it('writes the rows as the typed table has them, instants in ISO UTC, category names in the reader’s language', async () => {
    const url = `/api/stats/venues?adminUnit=001&from=${today}&to=${today}`;
    const vi = await call(t.app, 'GET', url, { cookie: baDinh });
    const en = await call(t.app, 'GET', url, { cookie: baDinh, headers: { 'accept-language': 'en' } });
    const typed = await venueFigures(t.ctx.db, { level: 2, code: '001', levels: 3 }, today, today, 100);
    expect(vi.body.items).toEqual(
      typed.map((v) => ({
        ...v,
        categoryName: venueCategoryName(v.category, 'vi'),
        createdAt: new Date(v.createdAt).toISOString(),
        lastCheckInAt: v.lastCheckInAt === null ? null : new Date(v.lastCheckInAt).toISOString(),
      })),
    );
    expect(vi.body.items[0].categoryName).toBe('Cơ sở ăn uống tại chỗ');
    expect(en.body.items[0].categoryName).toBe('Restaurant, eatery');
  });
});

describe('suspension', () => {
  it('lets an official over the venue suspend it; check-ins then get 409 and are not counted', async () => {
    expect(
      (
        await call(t.app, 'POST', `/api/venues/${venues.market.id}/suspend`, {
          cookie: baDinh,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    const res = await call(t.app, 'POST', `/api/venues/${venues.market.id}/suspend`, {
      cookie: hanoi,
      body: { reason: 'Không quét mã QR' },
    });
    expect(res.status).toBe(200);
    const refused = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venues.market.code) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('venue_suspended');
    const stats = await call(t.app, 'GET', `/api/stats?adminUnit=002`, { cookie: hanoi });
    expect(stats.body).toMatchObject({ venues: { registered: 1, suspended: 1 }, checkIns: { total: 2 } });
    expect(
      (
        await call(t.app, 'POST', `/api/venues/${venues.market.id}/reinstate`, {
          cookie: hanoi,
          body: { reason: 'Đã khắc phục' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venues.market.code) })).status,
    ).toBe(201);
  });
});

describe('compliance', () => {
  it('lists venues silent for N days and units below the target share of active venues', async () => {
    expect((await call(t.app, 'GET', '/api/compliance?adminUnit=01')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/compliance?adminUnit=79', { cookie: hanoi })).status).toBe(404);
    expect(
      (await call(t.app, 'GET', '/api/compliance?adminUnit=01&silentDays=-1', { cookie: hanoi })).status,
    ).toBe(400);
    const silentNames = async (days: number) =>
      (
        await call(t.app, 'GET', `/api/compliance?adminUnit=001&silentDays=${days}`, { cookie: baDinh })
      ).body.silentVenues.map((v: { name: string }) => v.name);
    // On the day they registered: "0 days" names the venue that has not scanned yet, "1 day" nobody.
    expect(await silentNames(0)).toEqual(['Quán không quét']);
    expect(await silentNames(1)).toEqual([]);
    t.clock.advanceMinutes(4 * 24 * 60);
    await loginEveryone();
    const res = await call(t.app, 'GET', '/api/compliance?adminUnit=001&silentDays=3', { cookie: baDinh });
    expect(res.status).toBe(200);
    expect(res.body.silentVenues.map((v: { name: string }) => v.name).sort()).toEqual([
      'Phở Thìn',
      'Quán không quét',
      'Trường THCS Trúc Bạch',
    ]);
    expect(res.body.unitsBelowTarget.map((u: { code: string }) => u.code)).toContain(HANOI_COMMUNE);
  });

  it("reminds a venue's manager on the venue page and by SMS (log-only gateway)", async () => {
    const outside = await call(t.app, 'POST', '/api/compliance/reminders', {
      cookie: baDinh,
      body: { venueIds: [venues.market.id], message: 'x' },
    });
    expect(outside.status).toBe(404);
    const bad = await call(t.app, 'POST', '/api/compliance/reminders', {
      cookie: baDinh,
      body: { venueIds: [], message: '' },
    });
    expect(bad.status).toBe(400);
    const sent = await call(t.app, 'POST', '/api/compliance/reminders', {
      cookie: baDinh,
      body: { venueIds: [venues.silent.id], message: 'Đề nghị triển khai quét mã QR trước ngày 10/11.' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ reminded: 1, texted: 1 });
    const seen = await call(t.app, 'GET', `/api/venues/${venues.silent.id}/reminders`, {
      cookie: venues.silent.managerCookie,
    });
    expect(seen.body.items).toEqual([
      expect.objectContaining({
        message: 'Đề nghị triển khai quét mã QR trước ngày 10/11.',
        sentBy: 'official-badinh',
        readAt: null,
      }),
    ]);
    expect(
      (
        await call(t.app, 'GET', `/api/venues/${venues.silent.id}/reminders`, {
          cookie: venues.pho.managerCookie,
        })
      ).status,
    ).toBe(404);
    // The text is queued with the reminder and goes out after commit, through the job.
    const texts = () =>
      t.ctx.db.query<{ phone: string; status: string }>('SELECT phone, status FROM sms_messages');
    expect((await texts()).rows).toEqual([{ phone: venues.silent.body.contactPhone, status: 'queued' }]);
    expect(await deliverDueSms(t.ctx)).toEqual({ sent: 0, logged: 1, retrying: 0, failed: 0 });
    expect((await texts()).rows).toEqual([{ phone: venues.silent.body.contactPhone, status: 'logged' }]);
  });

  it('tracks a registration deadline per category', async () => {
    const bad = await call(t.app, 'POST', '/api/registration-deadlines', {
      cookie: hanoi,
      body: { adminUnitCode: '01', category: 'casino', deadline: '2026-11-10' },
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await call(t.app, 'POST', '/api/registration-deadlines', {
          cookie: baDinh,
          body: { adminUnitCode: '79', deadline: '2026-11-10' },
        })
      ).status,
    ).toBe(404);
    const made = await call(t.app, 'POST', '/api/registration-deadlines', {
      cookie: hanoi,
      body: { adminUnitCode: '01', category: 'school', deadline: '2026-11-10', note: 'Công văn 2029/UBND' },
    });
    expect(made.status).toBe(201);
    const res = await call(t.app, 'GET', '/api/compliance?adminUnit=001', { cookie: baDinh });
    expect(res.body.deadlines).toEqual([
      expect.objectContaining({
        id: made.body.id,
        category: 'school',
        deadline: '2026-11-10',
        passed: true,
        registeredOnTime: 0,
        registeredLate: 1,
        silentSinceDeadline: 0,
      }),
    ]);
    expect(
      (await call(t.app, 'DELETE', `/api/registration-deadlines/${made.body.id}`, { cookie: hcmc })).status,
    ).toBe(404);
    expect(
      (await call(t.app, 'DELETE', `/api/registration-deadlines/${made.body.id}`, { cookie: hanoi })).status,
    ).toBe(204);
  });
});
