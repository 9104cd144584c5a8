/** What the server's jobs leave in the database, done at once after a bulk load. */
import { rebuildCheckInAggregates } from '../../src/server/db/queries/rebuild-aggregates.js';
import { sketchClosedDays } from '../../src/server/services/people-sketches.js';
import { type BulkWorld, seconds, settle } from './bulk.js';

/**
 * After a bulk load (COPY writes no aggregate): the check-in aggregates of the 21 days rebuilt from the
 * rows, declarations per unit and day (so the dashboard reads those tables at their size too), the
 * database settled, and the ended days' people sketches as the jobs would have left them.
 */
export async function aggregateAsTheJobsWould(world: BulkWorld) {
  const { db, config, ctx, today, firstDay } = world;
  const t0 = performance.now();
  await rebuildCheckInAggregates(db, firstDay, today, config.timeZone);
  await db.query(
    `INSERT INTO unit_day_declarations (unit_code, day, declarations, flagged, cards_issued)
     SELECT u.code, d::date, 20, 1, 5 FROM admin_units u CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d WHERE u.version = $3
     ON CONFLICT DO NOTHING`,
    [firstDay, today, config.adminUnitsVersion],
  );
  await settle(world);
  const { rows: sizes } = await db.query<{ venueDays: number; personDays: number }>(
    `SELECT (SELECT count(*)::int FROM venue_day_counts) AS "venueDays", (SELECT count(*)::int FROM person_unit_days) AS "personDays"`,
  );
  console.log(
    `aggregates built in ${seconds(t0)} s: ${sizes[0]!.venueDays.toLocaleString()} venue-days, ${sizes[0]!.personDays.toLocaleString()} person-unit-days`,
  );
  const t1 = performance.now();
  const sketched = await sketchClosedDays({ ...ctx, db });
  console.log(
    `people sketches of ${sketched.length} ended days built in ${seconds(t1)} s (today stays exact)`,
  );
}
