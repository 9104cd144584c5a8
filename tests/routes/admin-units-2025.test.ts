/**
 * The 2025 map of Vietnam (issue 13): a new database runs on the `vn-2025` list, loaded beside the
 * 2021 one and its mapping, and the product works on two levels, province → ward/commune.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  declare,
  login,
  registerVenue,
  startTestApp,
  venueBody,
  type TestApp,
} from '../support/app.js';
import { countingStatements } from '../support/database.js';
import { unitFor } from '../../src/server/services/access.js';

let t: TestApp;
beforeAll(async () => {
  // Nothing configured: a new database starts on the 2025 list.
  t = await startTestApp({ ADMIN_UNITS_VERSION: undefined });
});
afterAll(() => t.close());

describe('the vn-2025 administrative units', () => {
  it("reads an official's unit and its path in one statement; an older list's code still names its unit", async () => {
    const statements: string[] = [];
    const counted = countingStatements(t.ctx.db, statements);
    const version = t.ctx.config.adminUnitsVersion;
    const official = {
      userId: 9,
      username: 'canbo',
      role: 'official',
      adminUnitCode: '00070',
      venueIds: [],
    } as const;
    expect(await unitFor(counted, official, version, undefined, 'read_stats')).toEqual({
      code: '00070',
      name: 'Phường Hoàn Kiếm',
      path: ['01', '00070'],
    });
    expect(statements).toHaveLength(1);
    // Old An Giang (89 in 2021) is part of the new An Giang (91).
    const admin = { ...official, role: 'admin', adminUnitCode: null } as const;
    expect(await unitFor(counted, admin, version, '89', 'read_stats')).toMatchObject({
      code: '91',
      path: ['91'],
    });
  });

  it('lists the 34 provinces of 1 July 2025', async () => {
    const res = await call(t.app, 'GET', '/api/admin-units');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(34);
    expect(res.body.items.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining(['Thành phố Hà Nội', 'Tỉnh An Giang', 'Tỉnh Vĩnh Long', 'Thành phố Huế']),
    );
    expect(res.body.items.map((u: { name: string }) => u.name)).not.toContain('Tỉnh Kiên Giang');
  });

  it("answers a province's children with its wards and communes, directly below it", async () => {
    const res = await call(t.app, 'GET', '/api/admin-units?parent=01');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(126);
    expect(res.body.items[0]).toMatchObject({ level: 2, parentCode: '01' });
    expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Phường Hồng Hà');
    const total = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM admin_units WHERE version = 'vn-2025' AND level = 2`,
    );
    expect(total.rows[0]!.n).toBe(3321);
  });

  it('ships the old-commune → new-unit mapping as data: Kiên Giang to An Giang, Trà Vinh to Vĩnh Long', () => {
    const dir = new URL('../../reference-data/admin-units/', import.meta.url);
    const rows = (file: string) =>
      readFileSync(new URL(file, dir), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
    const units = new Map(rows('vn-2025.tsv').map((r) => [r[0]!, r]));
    const old = new Map(rows('vn-gso-2021.tsv').map((r) => [r[0]!, r]));
    const provinceOf = (code: string) => {
      let unit = old.get(code);
      while (unit?.[1]) unit = old.get(unit[1]);
      return unit![4];
    };
    const newProvinces = (oldProvince: string) =>
      new Set(
        rows('vn-gso-2021-to-vn-2025.tsv')
          .filter((r) => r[2] === '1' && provinceOf(r[0]!) === oldProvince)
          .map((r) => units.get(units.get(r[1]!)![1]!)![4]),
      );
    expect(newProvinces('Tỉnh Kiên Giang')).toEqual(new Set(['Tỉnh An Giang']));
    expect(newProvinces('Tỉnh Trà Vinh')).toEqual(new Set(['Tỉnh Vĩnh Long']));
    expect(newProvinces('Tỉnh Kon Tum')).toEqual(new Set(['Tỉnh Quảng Ngãi']));
  });

  it('resolves a code people still write: a 2021 commune, district or province to where it went', async () => {
    const commune = await call(t.app, 'GET', '/api/admin-units/resolve?code=00001');
    expect(commune.status).toBe(200);
    expect(commune.body).toMatchObject({ code: '00001', version: 'vn-gso-2021', name: 'Phường Phúc Xá' });
    expect(commune.body.units[0]).toMatchObject({
      name: 'Phường Hồng Hà',
      level: 2,
      parentCode: '01',
      rank: 1,
    });

    // Kiên Giang (91 in 2021) is the new An Giang's code too: a current code names itself.
    const current = await call(t.app, 'GET', '/api/admin-units/resolve?code=91');
    expect(current.body).toMatchObject({ version: 'vn-2025', name: 'Tỉnh An Giang' });
    expect(current.body.units).toEqual([
      { code: '91', name: 'Tỉnh An Giang', level: 1, parentCode: null, rank: 1 },
    ]);

    // Trà Vinh (84) is no longer a province: it went to Vĩnh Long.
    const traVinh = await call(t.app, 'GET', '/api/admin-units/resolve?code=84');
    expect(traVinh.body).toMatchObject({ version: 'vn-gso-2021', name: 'Tỉnh Trà Vinh' });
    expect(traVinh.body.units.map((u: { name: string }) => u.name)).toEqual(['Tỉnh Vĩnh Long']);

    // A 2021 district (Quận Ba Đình, 001) lists the wards its communes went to.
    const district = await call(t.app, 'GET', '/api/admin-units/resolve?code=001');
    expect(district.body.units.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining(['Phường Ba Đình', 'Phường Ngọc Hà', 'Phường Giảng Võ']),
    );
    expect(district.body.units.every((u: { level: number }) => u.level === 2)).toBe(true);
  });

  it('answers a code no list knows with 404, and a malformed one with 400', async () => {
    const unknown = await call(t.app, 'GET', '/api/admin-units/resolve?code=99999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'code', code: 'unknown' })]);
    const bad = await call(t.app, 'GET', '/api/admin-units/resolve?code=abc');
    expect(bad.status).toBe(400);
  });

  it('takes an old commune code in a venue registration to the ward it became, and asks when it became several', async () => {
    // Phường Phúc Xá (00001, 2021) is part of Phường Hồng Hà (00097) since 2025.
    const venue = await registerVenue(t.app, { adminUnitCode: '00001' });
    const detail = await call(t.app, 'GET', `/api/venues/${venue.id}`, { cookie: venue.managerCookie });
    expect(detail.body).toMatchObject({
      adminUnitCode: '00097',
      adminUnitName: 'Phường Hồng Hà, Thành phố Hà Nội',
    });

    // Phường Dịch Vọng Hậu (00167) was shared between Phường Cầu Giấy and Phường Nghĩa Đô.
    const split = await call(t.app, 'POST', '/api/venues', { body: venueBody({ adminUnitCode: '00167' }) });
    expect(split.status).toBe(400);
    expect(split.body.error.code).toBe('admin_unit_ambiguous');
    expect(split.body.error.details.map((d: { message: string }) => d.message)).toEqual([
      '00166 Phường Cầu Giấy',
      '00160 Phường Nghĩa Đô',
    ]);
  });

  it('works on two levels: a province official drills to wards, governs them, marks a ward as hotspot, imports venues by ward', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    await call(t.app, 'POST', '/api/users', {
      cookie: admin,
      body: {
        username: 'so-y-te-vinh-long',
        password: 'official-pass-1',
        role: 'official',
        adminUnitCode: '86',
      },
    });
    const official = await login(t.app, 'so-y-te-vinh-long', 'official-pass-1');
    const ward = '29242'; // Phường Trà Vinh, Vĩnh Long
    const venue = await registerVenue(t.app, { adminUnitCode: ward, name: 'Chợ Trà Vinh' });
    await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });

    const province = await call(t.app, 'GET', '/api/stats', { cookie: official });
    expect(province.body).toMatchObject({ adminUnit: '86', level: 1, checkIns: { total: 1 } });
    expect(province.body.children.find((c: { code: string }) => c.code === ward).checkIns.total).toBe(1);
    const wardStats = await call(t.app, 'GET', `/api/stats?adminUnit=${ward}`, { cookie: official });
    expect(wardStats.body).toMatchObject({ level: 2, children: [], checkIns: { total: 1 } });
    // An old code (Trà Vinh province, 84) reads as the province it merged into.
    expect((await call(t.app, 'GET', '/api/stats?adminUnit=84', { cookie: official })).body.adminUnit).toBe(
      '86',
    );

    t.clock.advanceMinutes(1); // the test clock stands still: the venue was registered at this very instant
    const compliance = await call(t.app, 'GET', '/api/compliance?adminUnit=86&target=0.5', {
      cookie: official,
    });
    expect(compliance.status).toBe(200);
    const below = compliance.body.unitsBelowTarget.map((u: { code: string }) => u.code);
    expect(below).not.toContain(ward); // its one venue scans
    expect(below).toContain('29263'); // a ward without any registered venue is below any target

    const hotspot = await call(t.app, 'POST', '/api/hotspots', {
      cookie: official,
      body: { adminUnitCode: ward, from: '2026-11-15', to: '2026-11-22' },
    });
    expect(hotspot.status).toBe(201);
    expect((await declare(t.app, { visitedAreas: [ward] })).flagged).toBe(true);
    expect((await declare(t.app, { visitedAreas: ['29263'] })).flagged).toBe(false); // another ward

    const csv = [
      'name,category,adminUnitCode,address,contactName,contactPhone',
      `Trường Tiểu học,school,${ward},1 Lê Lợi,Cô Hiệu trưởng,0913111222`,
    ].join('\n');
    const started = await call(t.app, 'POST', '/api/imports/venues', { cookie: official, body: { csv } });
    let job = await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: official });
    for (let i = 0; i < 100 && job.body.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: official });
    }
    expect(job.body.status).toBe('done');
    const after = await call(t.app, 'GET', `/api/stats?adminUnit=${ward}`, { cookie: official });
    expect(after.body.venues.registered).toBe(2);
  });
});
