/**
 * Hot reads of day partitions run with their generic plans (Db.readsWithGenericPlans): on PostgreSQL on
 * connections opened with plan_cache_mode=force_generic_plan, while every other statement keeps
 * PostgreSQL's own choice. (PGlite runs its prepared statements' generic plans already.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/db.js';
import { openPostgres } from '../../src/server/db/postgres.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';

let fresh: FreshDatabase;
let db: Db | undefined;
beforeAll(async () => {
  fresh = await freshDatabase();
  if (fresh.url) db = await openPostgres(fresh.url, { poolSize: 4 });
});
afterAll(async () => {
  await db?.close();
  await fresh.drop();
});

const planMode = async (q: Pick<Db, 'query'>) =>
  (await q.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0]!.plan_cache_mode;

describe.skipIf(!process.env.TEST_DATABASE_URL)('reads with generic plans on PostgreSQL', () => {
  it('runs them on connections that force the generic plan, and nothing else there', async () => {
    expect(await db!.readsWithGenericPlans(planMode)).toBe('force_generic_plan');
    expect(await planMode(db!)).toBe('auto');
    await db!.tx(async (q) => expect(await planMode(q)).toBe('auto'));
    // Many at once share the small pool, each still with its setting.
    const modes = await Promise.all(Array.from({ length: 12 }, () => db!.readsWithGenericPlans(planMode)));
    expect(new Set(modes)).toEqual(new Set(['force_generic_plan']));
  });
});
