/**
 * The venues' trigger keeps the registered and suspended counts per unit, child unit and category
 * right (migration 0021): after random registrations, suspensions, re-categorisations and moves to
 * other units, the dashboards' "registered" groups for the country, a province, a district and a
 * commune, by now and by an earlier instant, equal those counted from the venues themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredVenueGroups } from '../../src/server/db/queries/venue-counts.js';
import { HANOI_COMMUNE, HCMC_COMMUNE, registerVenue, startTestApp, type TestApp } from '../support/app.js';
import { rng } from '../support/random.js';

/** Phường Phúc Tân, Hoàn Kiếm (Hà Nội). */
const PHUC_TAN = '00037';
const CATEGORIES = ['restaurant', 'market', 'school'];
const SCOPES = [
  { level: 0, code: 'VN' },
  { level: 1, code: '01' },
  { level: 2, code: '001' },
  { level: 3, code: HANOI_COMMUNE },
].map((s) => ({ ...s, levels: 3 }));

let t: TestApp;
let paths: string[][];
let venueIds: number[];

beforeAll(async () => {
  t = await startTestApp();
  const units = [HANOI_COMMUNE, PHUC_TAN, HCMC_COMMUNE];
  venueIds = [];
  for (let i = 0; i < 9; i++)
    venueIds.push(
      (await registerVenue(t.app, { adminUnitCode: units[i % 3], category: CATEGORIES[i % 3] })).id,
    );
  paths = (
    await t.ctx.db.query<{ path: string[] }>(
      'SELECT DISTINCT admin_unit_path AS path FROM venues WHERE id = ANY($1::bigint[])',
      [venueIds],
    )
  ).rows.map((r) => r.path);
});
afterAll(() => t.close());

/** The groups counted from the venues themselves, as registeredVenueGroups answers them. */
async function countedFromVenues(scope: (typeof SCOPES)[number], before: Date) {
  const { rows } = await t.ctx.db.query<{ path: string[]; category: string; status: string }>(
    'SELECT admin_unit_path AS path, category, status FROM venues WHERE created_at < $1',
    [before],
  );
  const inScope = rows.filter((v) => scope.level === 0 || v.path[scope.level - 1] === scope.code);
  const groups = new Map<string, { registered: number; suspended: number }>();
  const add = (key: string, v: { status: string }) => {
    const g = groups.get(key) ?? { registered: 0, suspended: 0 };
    g.registered += 1;
    if (v.status === 'suspended') g.suspended += 1;
    groups.set(key, g);
  };
  for (const v of inScope) {
    add('total', v);
    add(`category ${v.category}`, v);
    if (scope.level < scope.levels) add(`child ${v.path[scope.level]}`, v);
  }
  if (!groups.has('total')) groups.set('total', { registered: 0, suspended: 0 });
  return Object.fromEntries([...groups].sort());
}

async function fromCounts(scope: (typeof SCOPES)[number], before: Date) {
  const groups = await registeredVenueGroups(t.ctx.db, scope, before);
  return Object.fromEntries(
    groups
      .map(
        (g) =>
          [
            g.key === null ? g.breakdown : `${g.breakdown} ${g.key}`,
            { registered: g.registered, suspended: g.suspended },
          ] as const,
      )
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('registered venues per unit', () => {
  it('stay equal to the venues counted one by one through random changes', async () => {
    const random = rng(21);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    // Spread the registrations over an hour, so an earlier instant leaves some out.
    await t.ctx.db.query(
      `UPDATE venues SET created_at = now() - (id % 6) * interval '10 minutes' WHERE id = ANY($1::bigint[])`,
      [venueIds],
    );
    for (let step = 0; step < 24; step++) {
      const id = pick(venueIds);
      const change = pick(['status', 'category', 'path', 'nothing'] as const);
      if (change === 'status')
        await t.ctx.db.query(
          `UPDATE venues SET status = CASE status WHEN 'active' THEN 'suspended' ELSE 'active' END WHERE id = $1`,
          [id],
        );
      else if (change === 'category')
        await t.ctx.db.query('UPDATE venues SET category = $2 WHERE id = $1', [id, pick(CATEGORIES)]);
      else if (change === 'path')
        await t.ctx.db.query('UPDATE venues SET admin_unit_path = $2, admin_unit_code = $3 WHERE id = $1', [
          id,
          ...((p) => [p, p.at(-1)])(pick(paths)),
        ]);
      else await t.ctx.db.query('UPDATE venues SET status = status, category = category WHERE id = $1', [id]);
      if (step % 6 !== 5) continue;
      for (const scope of SCOPES)
        for (const minutesAgo of [-1, 25]) {
          const before = new Date(Date.now() - minutesAgo * 60_000);
          expect(await fromCounts(scope, before), `${scope.code}, ${minutesAgo} min ago`).toEqual(
            await countedFromVenues(scope, before),
          );
        }
    }
  });
});
