/**
 * Arrival declarations (F21, API v1.1 declarations): someone arriving from abroad or another province
 * declares the journey and the stay, gets the same card and colour, and the officials over the ward of
 * stay see the arrival in a daily figure, a daily list and the chairman's report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/server/domain/local-day.js';
import {
  ADMIN,
  call,
  declarationBody,
  HANOI_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';
import { pdfProse } from '../support/documents.js';

let t: TestApp;
let hanoi: string;
let hcmc: string;
let today: string;
const arrivalFrom = (from: Record<string, string>, more: Record<string, unknown> = {}) => ({
  ...from,
  arrivalDate: today,
  transport: 'VN 417',
  stayAddress: '12 Phúc Xá',
  stayAdminUnitCode: HANOI_COMMUNE,
  ...more,
});
const declare = (arrival: unknown, overrides: Record<string, unknown> = {}) =>
  call(t.app, 'POST', '/api/declarations', {
    body: declarationBody({ kind: 'arrival', arrival, ...overrides }),
  });

beforeAll(async () => {
  t = await startTestApp();
  today = localDate(t.clock.now, t.ctx.config.timeZone);
  const admin = await login(t.app, ADMIN.username, ADMIN.password);
  for (const [username, unit] of [
    ['ubnd-ha-noi', '01'],
    ['ubnd-hcm', '79'],
  ])
    await call(t.app, 'POST', '/api/users', {
      cookie: admin,
      body: { username, password: `${username}-pass`, role: 'official', adminUnitCode: unit },
    });
  hanoi = await login(t.app, 'ubnd-ha-noi', 'ubnd-ha-noi-pass');
  hcmc = await login(t.app, 'ubnd-hcm', 'ubnd-hcm-pass');
});
afterAll(() => t.close());

describe('POST /api/declarations with kind "arrival"', () => {
  it('records an arrival from abroad and issues the same card', async () => {
    const res = await declare(arrivalFrom({ fromCountry: 'kr' }), {
      person: { fullName: 'Kim Min-jun', phone: '0931000001', nationality: 'KR', idNumber: 'M12345678' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statusColour: 'green', card: { fullName: 'Kim Min-jun' } });
    expect(res.body.card.qr).toMatch(/^https:\/\/qr\.example\.vn\/card\//);
  });

  it('records an arrival from another province (an old code resolves)', async () => {
    const res = await declare(arrivalFrom({ fromProvinceCode: '79' }, { transport: 'SE2' }), {
      person: { fullName: 'Trần Văn Về', phone: '0931000002' },
    });
    expect(res.status).toBe(201);
  });

  it('answers 400 with the field for facts that do not hold together', async () => {
    const wrong: [unknown, Record<string, unknown>, string][] = [
      [undefined, {}, 'arrival'],
      [arrivalFrom({ fromCountry: 'KR' }), { kind: 'domestic' }, 'arrival'],
      [arrivalFrom({ fromCountry: 'KR', fromProvinceCode: '79' }), {}, 'arrival.fromCountry'],
      [arrivalFrom({}), {}, 'arrival.fromCountry'],
      [arrivalFrom({ fromCountry: 'VN' }), {}, 'arrival.fromCountry'],
      [arrivalFrom({ fromCountry: 'KR' }, { stayAddress: ' ' }), {}, 'arrival.stayAddress'],
      [arrivalFrom({ fromCountry: 'KR' }, { arrivalDate: '2020-01-01' }), {}, 'arrival.arrivalDate'],
      [arrivalFrom({ fromCountry: 'KR' }, { stayAdminUnitCode: '01' }), {}, 'arrival.stayAdminUnitCode'],
      [arrivalFrom({ fromProvinceCode: HANOI_COMMUNE }), {}, 'arrival.fromProvinceCode'],
      [arrivalFrom({ fromCountry: 'KR' }, { transport: 'x'.repeat(61) }), {}, 'arrival.transport'],
    ];
    for (const [arrival, overrides, path] of wrong) {
      const res = await declare(arrival, overrides);
      expect(res.status, JSON.stringify(arrival)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });
});

describe('GET /api/arrivals', () => {
  it('lists the day’s arrivals to the officials over the ward of stay, and to no one else', async () => {
    const list = await call(t.app, 'GET', `/api/arrivals?adminUnit=01&date=${today}`, { cookie: hanoi });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    // Both were declared at the same instant of the test clock: their order between them is not pinned.
    const byName = [...list.body.items].sort((a: { fullName: string }, b: { fullName: string }) =>
      a.fullName.localeCompare(b.fullName),
    );
    expect(byName).toMatchObject([
      {
        fullName: 'Kim Min-jun',
        phone: '0931000001',
        nationality: 'KR',
        fromCountry: 'KR',
        fromProvinceName: null,
        transport: 'VN 417',
        stayAddress: '12 Phúc Xá',
        stayAdminUnitCode: HANOI_COMMUNE,
        stayAdminUnitName: 'Phường Phúc Xá',
        statusColour: 'green',
        arrivalDate: today,
      },
      { fullName: 'Trần Văn Về', fromCountry: null, fromProvinceName: 'Thành phố Hồ Chí Minh' },
    ]);
    expect((await call(t.app, 'GET', '/api/arrivals', { cookie: hanoi })).body.total).toBe(2);

    expect((await call(t.app, 'GET', '/api/arrivals?adminUnit=01', { cookie: hcmc })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/arrivals', { cookie: hcmc })).body.items).toEqual([]);
    expect((await call(t.app, 'GET', '/api/arrivals')).status).toBe(401);
    const venue = await registerVenue(t.app);
    expect((await call(t.app, 'GET', '/api/arrivals', { cookie: venue.managerCookie })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/arrivals?date=2026-13-01', { cookie: hanoi })).status).toBe(400);
  });

  it('counts arrivals on the dashboard (per day too) and in the chairman’s report', async () => {
    const stats = await call(t.app, 'GET', `/api/stats?adminUnit=01&from=${today}&to=${today}`, {
      cookie: hanoi,
    });
    expect(stats.body.declarations).toMatchObject({ total: 2, arrivals: 2 });
    expect(stats.body.days[0].declarations.arrivals).toBe(2);
    const elsewhere = await call(t.app, 'GET', '/api/stats', { cookie: hcmc });
    expect(elsewhere.body.declarations.arrivals).toBe(0);

    const report = await call(
      t.app,
      'GET',
      `/api/reports/unit?adminUnit=01&from=${today}&to=${today}&format=pdf`,
      {
        cookie: hanoi,
      },
    );
    expect(pdfProse(report.body)).toContain('khai báo y tế khi đến (trong nước và nhập cảnh): 2');
  });
});

describe('declarations in no province', () => {
  it('are shown to the national admin as unassigned, not lost', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const country = async () =>
      (await call(t.app, 'GET', `/api/stats?adminUnit=VN&from=${today}&to=${today}`, { cookie: admin })).body
        .declarations;
    expect((await country()).unassigned).toBe(0);
    await call(t.app, 'POST', '/api/declarations', { body: declarationBody() });
    await call(t.app, 'POST', '/api/declarations', {
      body: declarationBody({
        person: { fullName: 'Lê Thị Nhà', phone: '0931000009', adminUnitCode: HANOI_COMMUNE },
      }),
    });
    expect(await country()).toMatchObject({ total: 4, unassigned: 1 });
    const province = await call(t.app, 'GET', '/api/stats?adminUnit=01', { cookie: hanoi });
    expect(province.body.declarations.unassigned).toBeUndefined();
  });
});
