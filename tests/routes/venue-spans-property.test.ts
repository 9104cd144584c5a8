/**
 * The per-venue table read from the venues' spans of ended days (queries/venue-count-spans.ts) equals
 * the one added up from the venue-days: random activity of venues in three provinces over 20 days is
 * rolled up, the job sums the spans it can, and for random ranges, for the country and each province,
 * both readings agree. A day whose counts change afterwards forgets the spans over it (and only
 * those), and a span forgotten between choosing it and reading it is read from its days. A venue
 * moved to another ward of its province forgets every roll-up and span (they counted it in the old one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_COLUMNS } from '../../src/server/db/queries/aggregates.js';
import { forgetRollupDays, rolledDays, rollUpDay } from '../../src/server/db/queries/country-rollup.js';
import { venueFigures, type Scope } from '../../src/server/db/queries/stats.js';
import { moveVenue } from '../../src/server/db/queries/unit-reviews.js';
import { storedVenueSpans } from '../../src/server/db/queries/venue-count-spans.js';
import { addDays, eachDay } from '../../src/server/domain/local-day.js';
import { buildVenueSpans, venueSpansCovering } from '../../src/server/services/country-rollup.js';
import { copyVenues } from '../support/bulk-venues.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { rng } from '../support/random.js';

const FIRST_DAY = '2026-08-01';
const DAYS = 20;
const LAST_DAY = addDays(FIRST_DAY, DAYS - 1);
const PROVINCES = ['01', '79', '48'];

let t: TestApp;
let scopes: Scope[];

beforeAll(async () => {
  t = await startTestApp();
  const version = t.ctx.config.adminUnitsVersion;
  const { rows: wards } = await t.ctx.db.query<{ code: string; province: string }>(
    `SELECT code, parent_code AS province FROM admin_units
      WHERE version = $1 AND parent_code = ANY($2::text[]) ORDER BY code`,
    [version, PROVINCES],
  );
  const twoWardsEach = PROVINCES.flatMap((p) => wards.filter((w) => w.province === p).slice(0, 2));
  await copyVenues(
    t.ctx.db,
    version,
    Array.from({ length: 18 }, (_, i) => ({
      name: `Điểm ${i}`,
      category: ['restaurant', 'market', 'school'][i % 3]!,
      unitPath: [twoWardsEach[i % 6]!.province, twoWardsEach[i % 6]!.code],
      address: `${i} Đường Thử`,
      contactPhone: `09${String(i).padStart(8, '0')}`,
    })),
    new Date('2026-07-01T00:00:00Z'),
  );
  const { rows: venues } = await t.ctx.db.query<{ id: number; path: string[]; category: string }>(
    "SELECT id::int AS id, admin_unit_path AS path, category FROM venues WHERE address LIKE '% Đường Thử'",
  );
  // Each venue active on each day with its own probability, 0–3 check-ins per channel.
  const random = rng(2027);
  const rows: unknown[][] = [];
  for (const v of venues) {
    const busy = random();
    for (const day of eachDay(FIRST_DAY, LAST_DAY)) {
      if (random() > busy) continue;
      const counts = COUNT_COLUMNS.map(() => Math.floor(random() * 4));
      const at = new Date(`${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00+07:00`);
      rows.push([v.id, day, v.path[0], v.path[1], null, v.category, ...counts, at]);
    }
  }
  await t.ctx.db.copyRows(
    'venue_day_counts',
    ['venue_id', 'day', 'path_1', 'path_2', 'path_3', 'category', ...COUNT_COLUMNS, 'last_check_in_at'],
    rows,
  );
  await rollUpEveryDay();
  scopes = [{ level: 0, code: 'VN', levels: 2 }, ...PROVINCES.map((code) => ({ level: 1, code, levels: 2 }))];
});
afterAll(() => t.close());

/** Every day of the stretch rolled up (again), as the job does. */
async function rollUpEveryDay() {
  for (const day of eachDay(FIRST_DAY, LAST_DAY)) await t.ctx.db.tx((q) => rollUpDay(q, day, true));
}

/** The table both ways, for the scope and range; and how many spans the first reading used. */
async function bothWays(scope: Scope, from: string, to: string) {
  const spans = await venueSpansCovering(t.ctx.db, scope, from, to);
  return {
    spans: spans.length,
    fromSpans: await venueFigures(t.ctx.db, scope, from, to, 1000, spans),
    fromDays: await venueFigures(t.ctx.db, scope, from, to, 1000),
  };
}

describe("venues' spans of days", () => {
  it('are built by the job from rolled-up days, up to the longest that fits', async () => {
    expect(await buildVenueSpans(t.ctx.db, FIRST_DAY, LAST_DAY)).toBeGreaterThan(0);
    const spans = await storedVenueSpans(t.ctx.db, FIRST_DAY, LAST_DAY);
    // 2026-08-01 is day 9,709 since 2000-01-01: 20 days hold aligned spans of 2, 4, 8 and 16 days.
    expect(new Set(spans.map((s) => s.days))).toEqual(new Set([2, 4, 8, 16]));
    expect(await buildVenueSpans(t.ctx.db, FIRST_DAY, LAST_DAY)).toBe(0);
  });

  it('give the per-venue table of the venue-days for every range, country and provinces', async () => {
    const random = rng(7);
    const days = eachDay(FIRST_DAY, LAST_DAY);
    const pick = () => days[Math.floor(random() * days.length)]!;
    let usedSpans = 0;
    for (const [from, to] of [
      [FIRST_DAY, LAST_DAY],
      ...Array.from({ length: 12 }, () => [pick(), pick()].sort()),
    ])
      for (const scope of scopes) {
        const read = await bothWays(scope, from!, to!);
        expect(read.fromSpans, `${scope.code} ${from}…${to}`).toEqual(read.fromDays);
        expect(read.fromDays.length).toBeGreaterThan(0);
        usedSpans += read.spans;
      }
    expect(usedSpans).toBeGreaterThan(20);
  });

  it('are forgotten over a day whose counts change, and a span gone meanwhile is read from its days', async () => {
    const day = addDays(FIRST_DAY, 5);
    const before = await venueSpansCovering(t.ctx.db, scopes[0]!, FIRST_DAY, LAST_DAY);
    await t.ctx.db.tx(async (q) => {
      await forgetRollupDays(q, [day]);
      await q.query('UPDATE venue_day_counts SET paper = paper + 5 WHERE day = $1', [day]);
    });
    const left = await storedVenueSpans(t.ctx.db, FIRST_DAY, LAST_DAY);
    expect(left.some((s) => s.firstDay <= day && addDays(s.firstDay, s.days) > day)).toBe(false);
    expect(left.some((s) => s.firstDay > day)).toBe(true);
    for (const scope of scopes) {
      // The spans chosen before the change, some of them gone: their days are read instead.
      const stale = await venueFigures(t.ctx.db, scope, FIRST_DAY, LAST_DAY, 1000, before);
      expect(stale).toEqual(await venueFigures(t.ctx.db, scope, FIRST_DAY, LAST_DAY, 1000));
      const read = await bothWays(scope, FIRST_DAY, LAST_DAY);
      expect(read.fromSpans).toEqual(read.fromDays);
    }
  });

  it('are forgotten, with every roll-up, when a venue moves to another ward of its province', async () => {
    await rollUpEveryDay();
    expect(await buildVenueSpans(t.ctx.db, FIRST_DAY, LAST_DAY)).toBeGreaterThan(0);
    const { rows } = await t.ctx.db.query<{ id: number; path: string[]; otherWard: string }>(
      `SELECT v.id::int AS id, v.admin_unit_path AS path,
              (SELECT code FROM admin_units w WHERE w.version = v.admin_unit_version AND w.parent_code = v.admin_unit_path[1]
                  AND w.code <> v.admin_unit_code ORDER BY code LIMIT 1) AS "otherWard"
         FROM venues v WHERE address LIKE '% Đường Thử' ORDER BY id LIMIT 1`,
    );
    const venue = rows[0]!;
    await t.ctx.db.tx((q) =>
      moveVenue(q, venue.id, t.ctx.config.adminUnitsVersion, venue.otherWard, [
        venue.path[0]!,
        venue.otherWard,
      ]),
    );
    expect(await storedVenueSpans(t.ctx.db, FIRST_DAY, LAST_DAY)).toEqual([]);
    expect((await rolledDays(t.ctx.db, FIRST_DAY, LAST_DAY)).filter((d) => d.complete)).toEqual([]);
  });
});
