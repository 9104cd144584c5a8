/**
 * The country view from the job's roll-ups (services/country-rollup.ts): until the job has run, the
 * country is counted from the venue-days; afterwards the same figures come from the roll-ups of the
 * ended days and a snapshot of today, with the instant today was counted. Check-ins made since show in
 * their province at once and in the country at the next round; a paper form typed in later for an
 * ended day forgets the roll-ups from that day on and is counted at once. A range of few venue-days
 * (COUNTRY_LIVE_VENUE_DAYS) is counted live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUpCountry } from '../../src/server/services/country-rollup.js';
import {
  ADMIN,
  call,
  checkInBody,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  typePaperForm,
  type TestApp,
} from '../support/app.js';

const DAY_MINUTES = 24 * 60;
const RANGE = 'from=2026-11-20&to=2026-11-22';

let t: TestApp;
let hanoiRestaurant: Awaited<ReturnType<typeof registerVenue>>;
let hanoiMarket: Awaited<ReturnType<typeof registerVenue>>;
let saigonRestaurant: Awaited<ReturnType<typeof registerVenue>>;

async function checkIn(venueCode: string, phone: string) {
  const res = await call(t.app, 'POST', '/api/check-ins', {
    body: checkInBody(venueCode, { person: { fullName: `Người ${phone.slice(-2)}`, phone } }),
  });
  expect(res.status).toBe(201);
}

async function stats(unit: string, range = RANGE) {
  const cookie = await login(t.app, ADMIN.username, ADMIN.password);
  const res = await call(t.app, 'GET', `/api/stats?adminUnit=${unit}&${range}`, { cookie });
  expect(res.status).toBe(200);
  return res.body;
}

/** What the two ways of counting must agree on (the roll-ups mark people as a sketch estimate). */
const figures = (body: Record<string, unknown>) => ({
  ...body,
  todayCountedAt: undefined,
  uniquePeopleEstimated: undefined,
});

beforeAll(async () => {
  // 10:00 in Hà Nội on 2026-11-20.
  // Roll-ups however small the range (the default counts a range this small live).
  t = await startTestApp(
    { RETENTION_DAYS: '21', COUNTRY_LIVE_VENUE_DAYS: '0' },
    new Date('2026-11-20T03:00:00Z'),
  );
  hanoiRestaurant = await registerVenue(t.app, { name: 'Quán Hà Nội', adminUnitCode: HANOI_COMMUNE });
  hanoiMarket = await registerVenue(t.app, {
    name: 'Chợ Hà Nội',
    category: 'market',
    adminUnitCode: HANOI_COMMUNE,
  });
  saigonRestaurant = await registerVenue(t.app, { name: 'Quán Sài Gòn', adminUnitCode: HCMC_COMMUNE });
  await checkIn(hanoiRestaurant.code, '0911000001');
  await checkIn(hanoiRestaurant.code, '0911000002');
  await checkIn(saigonRestaurant.code, '0911000003');
  t.clock.advanceMinutes(DAY_MINUTES); // 2026-11-21
  await checkIn(hanoiRestaurant.code, '0911000001');
  await checkIn(hanoiMarket.code, '0911000004');
  t.clock.advanceMinutes(DAY_MINUTES); // 2026-11-22 10:00
  await checkIn(saigonRestaurant.code, '0911000003');
  await checkIn(hanoiMarket.code, '0911000005');
});
afterAll(() => t.close());

describe('the country view from roll-ups', () => {
  let live: Record<string, unknown>;
  let hanoi: Record<string, unknown>;

  it('is counted from the venue-days until the job has rolled the range up', async () => {
    live = await stats('VN');
    hanoi = await stats('01');
    expect(live).toMatchObject({
      todayCountedAt: null,
      venues: { active: 3 },
      checkIns: { total: 7 },
      uniquePeople: 5,
    });
  });

  it('after the job, gives the same figures from the roll-ups and says when today was counted', async () => {
    expect(await rollUpCountry(t.ctx)).toEqual(expect.arrayContaining(['2026-11-20', '2026-11-21']));
    expect(await rollUpCountry(t.ctx)).toEqual([]);
    const rolled = await stats('VN');
    expect(rolled.todayCountedAt).toEqual(expect.any(String));
    expect(figures(rolled)).toEqual(figures(live));
    // Each venue once over the range, in its province and category; every venue of each day.
    expect(rolled.children.find((c: { code: string }) => c.code === '01').venues.active).toBe(2);
    expect(
      rolled.categories.map((c: { code: string; venues: { active: number } }) => [c.code, c.venues.active]),
    ).toEqual(
      expect.arrayContaining([
        ['restaurant', 2],
        ['market', 1],
      ]),
    );
    expect(rolled.days.map((d: { activeVenues: number }) => d.activeVenues)).toEqual([2, 2, 2]);
    // A province's ended days come from the roll-ups too: the same answer.
    expect(await stats('01')).toEqual(hanoi);
  });

  it('reads today alone from the snapshot, and a range longer than the roll-ups look back live', async () => {
    expect(await stats('VN', 'from=2026-11-22&to=2026-11-22')).toMatchObject({
      todayCountedAt: expect.any(String),
      checkIns: { total: 2 },
      venues: { active: 2 },
      uniquePeople: 2,
    });
    expect(await stats('VN', 'from=2026-09-01&to=2026-11-22')).toMatchObject({
      todayCountedAt: null,
      checkIns: { total: 7 },
    });
  });

  it("shows today's new check-ins in their province at once and in the country at the next round", async () => {
    await checkIn(saigonRestaurant.code, '0911000006');
    expect(await stats('79')).toMatchObject({ checkIns: { total: 3 }, todayCountedAt: null });
    expect(await stats('VN')).toMatchObject({ checkIns: { total: 7 } });
    await rollUpCountry(t.ctx);
    expect(await stats('VN')).toMatchObject({ checkIns: { total: 8 }, uniquePeople: 6 });
  });

  it('counts a paper form typed in later for an ended day at once, then rolls those days up again', async () => {
    const late = await typePaperForm(t.app, hanoiMarket, '2026-11-20T15:00:00+07:00', {
      fullName: 'Người 07',
      phone: '0911000007',
    });
    expect(late.status).toBe(201);
    const counted = await stats('VN');
    expect(counted).toMatchObject({ todayCountedAt: null, checkIns: { total: 9, paper: 1 } });
    expect(counted.days[0]).toMatchObject({ activeVenues: 3 });
    expect(await rollUpCountry(t.ctx)).toEqual(['2026-11-20', '2026-11-21']);
    expect(figures(await stats('VN'))).toEqual(figures(counted));
  });

  it('dates the snapshot again, without building it, when no check-in came since', async () => {
    const snapshotRow = async () =>
      (
        await t.ctx.db.query<{ version: string }>(
          "SELECT xmin::text AS version FROM province_day_people_snapshots WHERE day = '2026-11-22' AND province = '79'",
        )
      ).rows[0]!.version;
    const built = { row: await snapshotRow(), at: (await stats('VN')).todayCountedAt as string };
    await new Promise((r) => setTimeout(r, 5));
    await rollUpCountry(t.ctx);
    const again = await stats('VN');
    expect(await snapshotRow()).toBe(built.row);
    expect(Date.parse(again.todayCountedAt)).toBeGreaterThan(Date.parse(built.at));
    expect(figures(again)).toEqual(figures(await stats('VN')));
    // A new check-in: the next round builds it again.
    await checkIn(hanoiMarket.code, '0911000009');
    await rollUpCountry(t.ctx);
    expect(await snapshotRow()).not.toBe(built.row);
    expect(await stats('VN')).toMatchObject({ checkIns: { total: 10 }, uniquePeople: 8 });
  });

  it('counts a range of few venue-days live, exact to the second, whatever the job left', async () => {
    t = await t.restart({ COUNTRY_LIVE_VENUE_DAYS: '8' });
    await checkIn(hanoiRestaurant.code, '0911000008');
    expect(await stats('VN')).toMatchObject({ todayCountedAt: null, checkIns: { total: 11 } });
  });
});
