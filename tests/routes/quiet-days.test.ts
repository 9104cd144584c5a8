/**
 * Ended days on which no one checked in (a new installation, a quiet week) are rolled up and sketched
 * together in one transaction each (rollUpQuietDays, sketchQuietDays) instead of one by one; the days
 * with check-ins still are, one by one. A paper form typed in later for a quiet day makes it an
 * ordinary day: its roll-up and sketch are forgotten and the next round builds them with the new person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUpCountry } from '../../src/server/services/country-rollup.js';
import { sketchClosedDays } from '../../src/server/services/people-sketches.js';
import {
  ADMIN,
  call,
  checkInBody,
  HANOI_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  typePaperForm,
  type TestApp,
} from '../support/app.js';

const DAY_MINUTES = 24 * 60;

let t: TestApp;
let venue: Awaited<ReturnType<typeof registerVenue>>;

async function countryStats() {
  const cookie = await login(t.app, ADMIN.username, ADMIN.password);
  const res = await call(t.app, 'GET', '/api/stats?adminUnit=VN&from=2026-11-20&to=2026-11-23', { cookie });
  expect(res.status).toBe(200);
  return res.body;
}

async function daysOf(table: 'check_in_rollup_days' | 'people_sketch_days', where = 'true') {
  const { rows } = await t.ctx.db.query<{ day: string }>(
    `SELECT day::text AS day FROM ${table} WHERE ${where} AND day >= '2026-11-20' ORDER BY day`,
  );
  return rows.map((r) => r.day);
}

async function unitRowsOf(day: string) {
  const { rows } = await t.ctx.db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM province_day_check_ins WHERE day = $1)
          + (SELECT count(*) FROM unit_day_people_sketches WHERE day = $1) AS n`,
    [day],
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  // 10:00 in Hà Nội on 2026-11-20; 2026-11-21 and 2026-11-22 pass without a check-in.
  t = await startTestApp(
    { RETENTION_DAYS: '21', COUNTRY_LIVE_VENUE_DAYS: '0' },
    new Date('2026-11-20T03:00:00Z'),
  );
  venue = await registerVenue(t.app, { name: 'Quán Hà Nội', adminUnitCode: HANOI_COMMUNE });
  const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
  expect(res.status).toBe(201);
  t.clock.advanceMinutes(3 * DAY_MINUTES); // 2026-11-23 10:00
});
afterAll(() => t.close());

describe('quiet days', () => {
  it('are rolled up and sketched with the busy day in the same round, with no unit rows', async () => {
    expect(await rollUpCountry(t.ctx)).toEqual(
      expect.arrayContaining(['2026-11-20', '2026-11-21', '2026-11-22']),
    );
    expect(await sketchClosedDays(t.ctx)).toEqual(
      expect.arrayContaining(['2026-11-20', '2026-11-21', '2026-11-22']),
    );
    expect(await daysOf('check_in_rollup_days', 'complete')).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(await daysOf('people_sketch_days')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(await unitRowsOf('2026-11-20')).toBeGreaterThan(0);
    expect(await unitRowsOf('2026-11-21')).toBe(0);
    // Nothing left for the next round.
    expect(await rollUpCountry(t.ctx)).toEqual([]);
    expect(await sketchClosedDays(t.ctx)).toEqual([]);
    expect(await countryStats()).toMatchObject({ checkIns: { total: 1 }, uniquePeople: 1 });
  });

  it('become ordinary days when a paper form is typed in for one, and are built again with it', async () => {
    const late = await typePaperForm(t.app, venue, '2026-11-21T15:00:00+07:00', {
      fullName: 'Người khai giấy',
      phone: '0911000021',
    });
    expect(late.status).toBe(201);
    expect(await daysOf('people_sketch_days')).toEqual(['2026-11-20', '2026-11-22']);
    const live = await countryStats();
    expect(live).toMatchObject({ todayCountedAt: null, checkIns: { total: 2, paper: 1 }, uniquePeople: 2 });

    expect(await rollUpCountry(t.ctx)).toEqual(['2026-11-21', '2026-11-22']);
    expect(await sketchClosedDays(t.ctx)).toEqual(['2026-11-21']);
    expect(await unitRowsOf('2026-11-21')).toBeGreaterThan(0);
    const rolled = await countryStats();
    expect(rolled.todayCountedAt).toEqual(expect.any(String));
    expect(rolled).toMatchObject({ checkIns: { total: 2, paper: 1 }, uniquePeople: 2 });
    expect(rolled.days.map((d: { activeVenues: number }) => d.activeVenues)).toEqual([1, 1, 0, 0]);
  });
});
