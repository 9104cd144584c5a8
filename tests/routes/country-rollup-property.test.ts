/**
 * The country roll-ups agree with the venue-day counts they come from: random activity (venues of
 * three provinces and three categories, active on random days, some after long pauses) goes into
 * venue_day_counts, every day is rolled up, and for random ranges of those days the roll-up's groups
 * (in total, per province, per category, per day, active venues counted once) equal the ones counted
 * from the venue-days themselves; so do a province's groups in total, per ward, per category and per
 * day, with random days of the range not rolled up (read from the venue-days, as today is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_COLUMNS } from '../../src/server/db/queries/aggregates.js';
import {
  ROLLUP_WINDOW_DAYS,
  rolledUpCheckInGroups,
  rolledUpProvinceGroups,
  rollUpDay,
} from '../../src/server/db/queries/country-rollup.js';
import { checkInGroups, type CheckInGroup } from '../../src/server/db/queries/stats.js';
import { addDays, eachDay } from '../../src/server/domain/local-day.js';
import type { Queryable } from '../../src/server/db/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { rng } from '../support/random.js';

const FIRST_DAY = '2026-09-01';
const DAYS = 10;
const RUNS = 5;
const RANGES_PER_RUN = 8;
const PROVINCES = ['01', '79', '48'];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Venue-day rows of random venues: each venue active on each day with its own probability. */
function randomVenueDays(random: () => number, firstDay: string) {
  const rows: unknown[][] = [];
  for (let venue = 1; venue <= 25; venue++) {
    const province = PROVINCES[venue % 3]!;
    const category = ['restaurant', 'market', 'school'][Math.floor(venue / 3) % 3]!;
    const busy = random();
    for (const day of eachDay(firstDay, addDays(firstDay, DAYS - 1))) {
      if (random() > busy) continue;
      const counts = COUNT_COLUMNS.map(() => Math.floor(random() * 4));
      const at = new Date(`${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00+07:00`);
      rows.push([venue, day, province, `${province}w${venue % 4}`, null, category, ...counts, at]);
    }
  }
  return rows;
}

/** `read` in a transaction where `days` have no complete roll-up, rolled back afterwards. */
async function withDaysUnrolled<T>(days: readonly string[], read: (q: Queryable) => Promise<T>): Promise<T> {
  let answer: T | undefined;
  const undo = new Error('roll back');
  await t.ctx.db
    .tx(async (q) => {
      await q.query('UPDATE check_in_rollup_days SET complete = false WHERE day = ANY($1::date[])', [days]);
      answer = await read(q);
      throw undo;
    })
    .catch((err: unknown) => {
      if (err !== undo) throw err;
    });
  return answer!;
}

const byKey = (groups: CheckInGroup[]) =>
  groups
    .map((g) => ({ ...g, lastCheckInAt: g.lastCheckInAt && new Date(g.lastCheckInAt).getTime() }))
    .sort((a, b) => `${a.breakdown} ${a.key}`.localeCompare(`${b.breakdown} ${b.key}`));

describe('country roll-ups', () => {
  it('look back over a window long enough for a two-month range', () => {
    expect(ROLLUP_WINDOW_DAYS).toBeGreaterThanOrEqual(62);
  });

  it('give the same groups as the venue-days for every range, over random activity', async () => {
    const random = rng(2026);
    for (let run = 0; run < RUNS; run++) {
      // A new stretch of days each run: what earlier runs left lies outside every range looked at.
      const firstDay = addDays(FIRST_DAY, run * (ROLLUP_WINDOW_DAYS + DAYS));
      const days = eachDay(firstDay, addDays(firstDay, DAYS - 1));
      await t.ctx.db.copyRows(
        'venue_day_counts',
        ['venue_id', 'day', 'path_1', 'path_2', 'path_3', 'category', ...COUNT_COLUMNS, 'last_check_in_at'],
        randomVenueDays(random, firstDay),
      );
      for (const day of days) await t.ctx.db.tx((q) => rollUpDay(q, day, true));
      const pick = () => days[Math.floor(random() * days.length)]!;
      const ranges = Array.from({ length: RANGES_PER_RUN }, () => [pick(), pick()].sort());
      for (const [from, to] of [[days[0]!, days.at(-1)!], ...ranges]) {
        const live = await checkInGroups(t.ctx.db, { level: 0, code: 'VN', levels: 2 }, from!, to!);
        expect(byKey(await rolledUpCheckInGroups(t.ctx.db, from!, to!)), `${from}…${to}`).toEqual(
          byKey(live),
        );
        // A province's groups (in total, per ward, per category, per day) from the roll-ups of its
        // days, with random days not rolled up (today, a day forgotten meanwhile) read from the venue-days.
        const province = PROVINCES[Math.floor(random() * PROVINCES.length)]!;
        const liveProvince = await checkInGroups(
          t.ctx.db,
          { level: 1, code: province, levels: 2 },
          from!,
          to!,
        );
        const unrolled = eachDay(from!, to!).filter(() => random() < 0.4);
        const rolled = await withDaysUnrolled(unrolled, (q) =>
          rolledUpProvinceGroups(q, province, from!, to!),
        );
        expect(byKey(rolled), `${province} ${from}…${to} without ${unrolled.join(' ')}`).toEqual(
          byKey(liveProvince),
        );
      }
    }
  });
});
