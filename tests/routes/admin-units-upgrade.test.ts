/**
 * An installation running on the 2021 list (63 provinces, 3 levels) restarted with
 * ADMIN_UNITS_VERSION=vn-2025 (issue 13): venues, account scopes, areas, population figures and
 * statistics move to the 2025 units in one go, what the mapping had to choose is listed for review,
 * and figures over a range that crosses the switch add up per new unit; the days are sketched again
 * in the new units.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  declarationBody,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';
import { sketchClosedDays } from '../../src/server/services/people-sketches.js';

/** 2021 communes and where the 2025 mapping takes them. */
const KIEN_GIANG = { commune: '30733', ward: '30742' }; // P. Vĩnh Thanh, Rạch Giá → P. Rạch Giá, An Giang
const OLD_AN_GIANG = { commune: '30280', ward: '30307' }; // P. Mỹ Bình, Long Xuyên → P. Long Xuyên, An Giang
const TRA_VINH = { commune: '29239', ward: '29242' }; // P. 1, TP Trà Vinh → P. Trà Vinh, Vĩnh Long
const SPLIT = { commune: '00166', wards: ['00166', '00160'] }; // P. Dịch Vọng → Cầu Giấy or Nghĩa Đô
const NEW_AN_GIANG = '91'; // (91 was Kiên Giang in 2021; old An Giang was 89)
const NEW_VINH_LONG = '86';
const DAY_1 = new Date('2026-11-30T03:00:00Z'); // 10:00 in Vietnam

interface Child {
  code: string;
  checkIns: { total: number };
  uniquePeople: number;
}
interface Review {
  id: number;
  subject: string;
  subjectName: string;
}

let t: TestApp;
let admin: string;
const venues: Record<string, { id: number; code: string }> = {};
const days = { first: '2026-11-30', second: '2026-12-01' };

async function checkIn(app: TestApp, venue: string, phone: string) {
  const body = checkInBody(venues[venue]!.code, { person: { fullName: 'Người Thử', phone } });
  const res = await call(app.app, 'POST', '/api/check-ins', { body });
  expect(res.status).toBe(201);
}

async function stats(app: TestApp, unit: string, from = days.first, to = days.second) {
  const res = await call(app.app, 'GET', `/api/stats?adminUnit=${unit}&from=${from}&to=${to}`, {
    cookie: admin,
  });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp({}, DAY_1);
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  for (const [key, commune] of Object.entries({
    kienGiang: KIEN_GIANG.commune,
    anGiang: OLD_AN_GIANG.commune,
    traVinh: TRA_VINH.commune,
    split: SPLIT.commune,
  }))
    venues[key] = await registerVenue(t.app, { adminUnitCode: commune, name: `Quán ${key}` });
  for (const [username, adminUnitCode] of [
    ['so-y-te-kien-giang', '91'],
    ['ttyt-rach-gia', '899'],
  ] as const) {
    const res = await call(t.app, 'POST', '/api/users', {
      cookie: admin,
      body: { username, password: 'official-pass-1', role: 'official', adminUnitCode },
    });
    expect(res.status).toBe(201);
  }
  await call(t.app, 'PUT', '/api/admin-units/91/population', {
    cookie: admin,
    body: { population: 1_700_000 },
  });
  await call(t.app, 'PUT', '/api/admin-units/89/population', {
    cookie: admin,
    body: { population: 1_900_000 },
  });
  // Day 1, still on the 2021 list: two people in Kiên Giang, one of them also in (old) An Giang.
  await checkIn(t, 'kienGiang', '0911000001');
  await checkIn(t, 'kienGiang', '0911000002');
  await checkIn(t, 'anGiang', '0911000001');
  await checkIn(t, 'traVinh', '0911000003');
  expect((await stats(t, '91', days.first, days.first)).checkIns.total).toBe(2);
  // Someone arrives from abroad to stay in Rạch Giá (a 2021 commune).
  const arrival = await call(t.app, 'POST', '/api/declarations', {
    body: declarationBody({
      kind: 'arrival',
      person: { fullName: 'Kim Min-jun', phone: '0931000009' },
      arrival: {
        fromCountry: 'KR',
        arrivalDate: days.first,
        transport: 'VN 417',
        stayAddress: '5 Nguyễn Trung Trực',
        stayAdminUnitCode: KIEN_GIANG.commune,
      },
    }),
  });
  expect(arrival.status).toBe(201);
  // Day 2: the province restarts on the 2025 list, and people keep checking in.
  t.clock.advanceMinutes(24 * 60);
  t = await t.restart({ ADMIN_UNITS_VERSION: 'vn-2025' });
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  await checkIn(t, 'kienGiang', '0911000004');
});
afterAll(() => t.close());

describe('upgrading an installation from the 2021 to the 2025 admin units', () => {
  it('lists the 34 provinces and keeps the 2021 list readable', async () => {
    expect((await call(t.app, 'GET', '/api/admin-units')).body).toMatchObject({
      version: 'vn-2025',
      levels: 2,
    });
    expect((await call(t.app, 'GET', '/api/admin-units')).body.items).toHaveLength(34);
    const old = await call(t.app, 'GET', '/api/admin-units?version=vn-gso-2021');
    expect(old.body).toMatchObject({ version: 'vn-gso-2021', levels: 3 });
    expect(old.body.items).toHaveLength(63);
    expect((await call(t.app, 'GET', '/api/admin-units?version=vn-1999')).status).toBe(404);
  });

  it('moves a Kiên Giang venue to An Giang and a Trà Vinh venue to Vĩnh Long', async () => {
    const kg = await call(t.app, 'GET', `/api/venues/${venues.kienGiang!.id}`, { cookie: admin });
    expect(kg.body).toMatchObject({
      adminUnitCode: KIEN_GIANG.ward,
      adminUnitName: 'Phường Rạch Giá, Tỉnh An Giang',
    });
    const tv = await call(t.app, 'GET', `/api/venues/${venues.traVinh!.id}`, { cookie: admin });
    expect(tv.body).toMatchObject({ adminUnitCode: TRA_VINH.ward });
    expect((await stats(t, NEW_VINH_LONG)).checkIns.total).toBe(1);
  });

  it("counts the old provinces' check-ins in the new province, across the switch, people once", async () => {
    const anGiang = await stats(t, NEW_AN_GIANG);
    expect(anGiang.checkIns.total).toBe(4); // 3 on day 1 (two old provinces), 1 on day 2
    const day1 = await stats(t, NEW_AN_GIANG, days.first, days.first);
    const day2 = await stats(t, NEW_AN_GIANG, days.second, days.second);
    expect(day1.checkIns.total + day2.checkIns.total).toBe(anGiang.checkIns.total);
    expect(day1.uniquePeople).toBe(2); // 0911000001 was in both old provinces
    const wards = Object.fromEntries(anGiang.children.map((c: Child) => [c.code, c.checkIns.total]));
    expect(wards).toMatchObject({ [KIEN_GIANG.ward]: 3, [OLD_AN_GIANG.ward]: 1 });
    expect(anGiang.children).toHaveLength(102); // wards directly below the province
    expect(anGiang.cards.population).toBe(3_600_000); // Kiên Giang's and An Giang's figures
  });

  it('scopes an official of old Kiên Giang to the new An Giang; an old district official narrows to a ward, for review', async () => {
    const kg = await login(t.app, 'so-y-te-kien-giang', 'official-pass-1');
    const own = await call(t.app, 'GET', `/api/stats?from=${days.first}&to=${days.second}`, { cookie: kg });
    expect(own.body).toMatchObject({ adminUnit: NEW_AN_GIANG, adminUnitName: 'Tỉnh An Giang' });
    const district = await login(t.app, 'ttyt-rach-gia', 'official-pass-1');
    const me = await call(t.app, 'GET', '/api/auth/me', { cookie: district });
    expect(me.body.user.adminUnitCode).toBe(KIEN_GIANG.ward);
    expect(
      (await call(t.app, 'GET', `/api/stats?adminUnit=${NEW_AN_GIANG}`, { cookie: district })).status,
    ).toBe(404);
  });

  it('moves an arrival declared on the 2021 list to the ward of stay, seen by the new province', async () => {
    const kg = await login(t.app, 'so-y-te-kien-giang', 'official-pass-1');
    const list = await call(t.app, 'GET', `/api/arrivals?date=${days.first}`, { cookie: kg });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ adminUnit: NEW_AN_GIANG, total: 1 });
    expect(list.body.items[0]).toMatchObject({
      fullName: 'Kim Min-jun',
      stayAdminUnitCode: KIEN_GIANG.ward,
      stayAdminUnitName: 'Phường Rạch Giá',
    });
    expect((await stats(t, NEW_AN_GIANG, days.first, days.first)).declarations.arrivals).toBe(1);
  });

  it('reads codes people still write through the mapping: an old province is its new one, an old district is ambiguous', async () => {
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=89', { cookie: admin })).body.adminUnit).toBe(
      NEW_AN_GIANG,
    );
    const district = await call(t.app, 'GET', '/api/stats?adminUnit=899', { cookie: admin });
    expect(district.status).toBe(400);
    expect(district.body.error.code).toBe('admin_unit_ambiguous');
    expect(district.body.error.details.length).toBeGreaterThan(1);
  });

  it('lists what the mapping had to choose, and an official corrects a venue with its figures', async () => {
    const list = await call(t.app, 'GET', '/api/admin-units/reviews', { cookie: admin });
    expect(list.status).toBe(200);
    expect(list.body.upgrades[0]).toMatchObject({ fromVersion: 'vn-gso-2021', toVersion: 'vn-2025' });
    expect(list.body.upgrades[0].moved).toMatchObject({ venues: 4, accounts: 2 });
    const venue = list.body.items.find((r: Review) => r.subject === 'venue');
    expect(venue).toMatchObject({
      subjectName: 'Quán split',
      old: { code: SPLIT.commune, name: 'Phường Dịch Vọng' },
      chosen: { code: SPLIT.wards[0] },
      reason: 'split',
    });
    expect(venue.candidates.map((c: { code: string }) => c.code)).toEqual(SPLIT.wards);
    expect(list.body.items.find((r: Review) => r.subject === 'account')).toMatchObject({
      subjectName: 'ttyt-rach-gia',
      reason: 'district',
    });
    // An official of An Giang sees only the review in An Giang.
    const kg = await login(t.app, 'so-y-te-kien-giang', 'official-pass-1');
    const theirs = await call(t.app, 'GET', '/api/admin-units/reviews', { cookie: kg });
    expect(theirs.body.items.map((r: Review) => r.subjectName)).toEqual(['ttyt-rach-gia']);
    expect(
      (
        await call(t.app, 'POST', `/api/admin-units/reviews/${venue.id}`, {
          cookie: kg,
          body: { adminUnitCode: '00160' },
        })
      ).status,
    ).toBe(404);

    await checkIn(t, 'split', '0911000005');
    const fixed = await call(t.app, 'POST', `/api/admin-units/reviews/${venue.id}`, {
      cookie: admin,
      body: { adminUnitCode: SPLIT.wards[1] },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ chosen: { code: SPLIT.wards[1], name: 'Phường Nghĩa Đô' } });
    expect(fixed.body.resolvedAt).not.toBeNull();
    const hanoi = await stats(t, '01', days.second, days.second);
    const wards = Object.fromEntries(hanoi.children.map((c: Child) => [c.code, c.checkIns.total]));
    expect(wards).toMatchObject({ [SPLIT.wards[0]!]: 0, [SPLIT.wards[1]!]: 1 });
    const notLowest = await call(t.app, 'POST', `/api/admin-units/reviews/${venue.id}`, {
      cookie: admin,
      body: { adminUnitCode: '01' },
    });
    expect(notLowest.status).toBe(400);
    expect((await call(t.app, 'GET', '/api/admin-units/reviews', { cookie: admin })).body.items).toHaveLength(
      1,
    );
  });

  it('sketches the days again in the new units, and counts a person seen in two old provinces once', async () => {
    t.clock.advanceMinutes(24 * 60); // day 3: days 1 and 2 have ended
    admin = await login(t.app, ADMIN.username, ADMIN.password);
    expect(await sketchClosedDays(t.ctx)).toEqual(expect.arrayContaining([days.first, days.second]));
    const { rows } = await t.ctx.db.query<{ days: number }>(
      'SELECT days FROM people_sketch_spans WHERE first_day = $1',
      [days.first],
    );
    expect(rows).toEqual([{ days: 2 }]); // 2026-11-30 is day 9,830 since 2000: two days merge
    const anGiang = await stats(t, NEW_AN_GIANG);
    expect(anGiang).toMatchObject({ uniquePeople: 3, uniquePeopleEstimated: true });
    const wards = Object.fromEntries(anGiang.children.map((c: Child) => [c.code, c.uniquePeople]));
    expect(wards).toMatchObject({ [KIEN_GIANG.ward]: 3, [OLD_AN_GIANG.ward]: 1 });
  });

  it('stays on the 2025 list at the next start, and refuses to go back', async () => {
    t = await t.restart({ ADMIN_UNITS_VERSION: undefined });
    expect((await call(t.app, 'GET', '/api/admin-units')).body.version).toBe('vn-2025');
    await expect(t.restart({ ADMIN_UNITS_VERSION: 'vn-gso-2021' })).rejects.toThrow(/moving back/);
  });
});
