/**
 * The SQL of tracing agrees with the overlap rule in domain/exposure.ts: random visits (several
 * venues, people seen twice, missing check-outs, stays left open for days, touching windows) go into
 * the real check_ins table; the database's answer and the pure function's answer must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentDuring, subjectStays } from '../../src/server/db/queries/tracing.js';
import { exposures, type Stay } from '../../src/server/domain/exposure.js';
import { uuidv7 } from '../../src/server/ids.js';
import { registerVenue, startTestApp, type TestApp } from '../support/app.js';
import { rng } from '../support/random.js';
import { windowsOf } from '../../src/server/services/tracing.js';

const START = Date.parse('2026-11-18T00:00:00Z');
const HOUR = 3_600_000;
const RUNS = 40;

let t: TestApp;
const venueIds: number[] = [];
let entranceOf = new Map<number, number>();

/** Random stays, in whole seconds and on a 15-minute grid half the time, so windows often touch. */
function randomStays(random: () => number): Stay[] {
  const stays: Stay[] = [];
  const people = 2 + Math.floor(random() * 7);
  for (let p = 0; p < people; p++) {
    const visits = 1 + Math.floor(random() * 4);
    for (let v = 0; v < visits; v++) {
      const onGrid = random() < 0.5;
      const start =
        START + (onGrid ? Math.floor(random() * 96) * 15 * 60_000 : Math.floor(random() * 24 * 3600) * 1000);
      const kind = random();
      const length = onGrid
        ? Math.floor(random() * 16) * 15 * 60_000
        : Math.floor(random() * 5 * 3600) * 1000;
      stays.push({
        venueId: venueIds[Math.floor(random() * venueIds.length)]!,
        personKey: `09000000${p}0 người ${p}`,
        checkedInAt: start,
        // no check-out, a normal one, or one left open for days
        checkedOutAt: kind < 0.3 ? null : kind < 0.9 ? start + length : start + 2 * 24 * HOUR + length,
        stayMinutes: [30, 60, 240][Math.floor(random() * 3)]!,
      });
    }
  }
  return stays;
}

async function load(stays: readonly Stay[]) {
  await t.ctx.db.query('DELETE FROM check_ins');
  await t.ctx.db.copyRows(
    'check_ins',
    [
      'id',
      'venue_id',
      'entrance_id',
      'checked_in_at',
      'checked_out_at',
      'stay_minutes',
      'channel',
      'person_phone',
      'person_full_name',
      'person_name_key',
    ],
    stays.map((s) => {
      const [phone, ...name] = s.personKey.split(' ');
      return [
        uuidv7(s.checkedInAt),
        s.venueId,
        entranceOf.get(s.venueId),
        new Date(s.checkedInAt),
        s.checkedOutAt === null ? null : new Date(s.checkedOutAt),
        s.stayMinutes,
        'qr_self',
        phone,
        name.join(' '),
        name.join(' '),
      ];
    }),
  );
}

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-20T03:00:00Z'));
  for (let i = 0; i < 3; i++) {
    const v = await registerVenue(t.app, { name: `Quán ${i}` });
    venueIds.push(v.id);
  }
  const { rows } = await t.ctx.db.query<{ venueId: number; id: number }>(
    'SELECT venue_id AS "venueId", id FROM venue_entrances',
  );
  entranceOf = new Map(rows.map((r) => [r.venueId, r.id]));
});
afterAll(() => t.close());

describe('tracing SQL agrees with the overlap rule', () => {
  it(`on ${RUNS} random sets of visits, with and without a margin`, async () => {
    const random = rng(20211108);
    let compared = 0;
    for (let run = 0; run < RUNS; run++) {
      const stays = randomStays(random);
      await load(stays);
      const marginMs = [0, 15 * 60_000, 30 * 60_000][run % 3]!;
      const caseKey = stays[0]!.personKey;
      const [phone, ...name] = caseKey.split(' ');
      const caseStays = stays.filter((s) => s.personKey === caseKey);

      const fromDb = await subjectStays(
        t.ctx.db,
        { phone: phone!, nameKey: name.join(' ') },
        new Date(START - 24 * HOUR),
        new Date(START + 10 * 24 * HOUR),
        null,
      );
      expect(fromDb).toHaveLength(caseStays.length);
      const windows = windowsOf(fromDb, marginMs);
      const sql = (await presentDuring(t.ctx.db, windows, [caseKey]))
        .map((c) => ({
          personKey: `${c.phone} ${c.nameKey}`,
          venueId: c.venueId,
          overlapSeconds: c.overlapSeconds,
        }))
        .sort(
          (a, b) =>
            a.venueId - b.venueId ||
            b.overlapSeconds - a.overlapSeconds ||
            a.personKey.localeCompare(b.personKey),
        );
      const rule = exposures(caseStays, stays, marginMs);
      expect(sql, `run ${run}`).toEqual(rule);
      compared += rule.length;
    }
    // The runs must actually contain contacts to compare, not only empty answers.
    expect(compared).toBeGreaterThan(RUNS);
  });
});
