/**
 * The country's check-ins rolled up per day, province and venue category (migration 0020), so the
 * national admin's view reads a few thousand rows instead of every venue-day of the range.
 *
 * Active venues over a range are counted from `venues_new_after`: for k = 0 … ROLLUP_WINDOW_DAYS - 1,
 * the venues active on the day that were active on none of the k days before. Over [from, to], the day
 * d contributes venues_new_after[d - from + 1]: the venues whose first active day in the range is d.
 *
 * The job rolls a day up under LOCKS.checkInRollup (exclusive, one day per transaction, or every day
 * without a venue-day at once); whatever changes past counts takes the same lock shared and forgets
 * the days it touched (forgetRollupDays), so a roll-up never misses a committed change.
 */
import { LOCKS } from '../locks.js';
import type { Queryable } from '../db.js';
import { CHANNELS } from '../../../shared/channels.js';
import { COUNT_COLUMNS } from './aggregates.js';
import { forgetVenueSpans } from './venue-count-spans.js';
import { SUMS, type CheckInGroup } from './stats.js';

/** How far back "new" looks: ranges of the country view up to this many days are read from roll-ups. */
export const ROLLUP_WINDOW_DAYS = 64;

/** One count per k = 0 … 63: the venue-days whose venue was active on none of the k days before (gap > k). */
const NEW_AFTER = `ARRAY[${Array.from({ length: ROLLUP_WINDOW_DAYS }, (_, k) => `count(*) FILTER (WHERE gap > ${k})`).join(', ')}]::int[]`;

/** A roll-up row's figures, and how they are made from a group of venue-days. */
const ROLLED_UP_COLUMNS = `${COUNT_COLUMNS.join(', ')}, last_check_in_at, venues_new_after`;
const ROLLED_UP_VALUES = `${COUNT_COLUMNS.map((c) => `sum(${c})`).join(', ')}, max(last_check_in_at), ${NEW_AFTER}`;

/**
 * Rolls `day` up from venue_day_counts (replacing what was there), per province and category and per
 * province, child unit and category: complete once the day has ended, a snapshot while it is in
 * progress. Each venue-day looks up the venue's previous active day in the window by the primary key
 * (path_1, venue_id, day); none found counts as the whole window.
 */
export async function rollUpDay(q: Queryable, day: string, complete: boolean): Promise<boolean> {
  await q.query(`SELECT pg_advisory_xact_lock(${LOCKS.checkInRollup})`);
  // The statement's estimated cost (a subquery per venue-day) has PostgreSQL compile it with JIT:
  // 3 s of compiling for 1 s of work on a day of 100,000 venues.
  await q.query('SET LOCAL jit = off');
  // Another node may have rolled the ended day up while this one waited for the lock.
  const { rows: done } = await q.query<{ complete: boolean }>(
    'SELECT complete FROM check_in_rollup_days WHERE day = $1',
    [day],
  );
  if (complete && done[0]?.complete) return false;
  await q.query('DELETE FROM check_in_rollup_days WHERE day = $1', [day]);
  await q.query('INSERT INTO check_in_rollup_days (day, complete) VALUES ($1, $2)', [day, complete]);
  await q.query(
    // MATERIALIZED: each venue-day's gap is looked up once, not once per element of NEW_AFTER.
    `WITH venue_days AS MATERIALIZED (
       SELECT c.*, COALESCE(
                (SELECT $1::date - max(p.day) FROM venue_day_counts p
                  WHERE p.path_1 = c.path_1 AND p.venue_id = c.venue_id
                    AND p.day >= $1::date - ${ROLLUP_WINDOW_DAYS - 1} AND p.day < $1::date),
                ${ROLLUP_WINDOW_DAYS}) AS gap
         FROM venue_day_counts c WHERE c.day = $1
     )
     , per_child_unit AS (
       INSERT INTO child_unit_day_check_ins (day, province, child_unit, category, ${ROLLED_UP_COLUMNS})
       SELECT $1, path_1, COALESCE(path_2, ''), category, ${ROLLED_UP_VALUES}
         FROM venue_days GROUP BY path_1, path_2, category
     )
     INSERT INTO province_day_check_ins (day, province, category, ${ROLLED_UP_COLUMNS})
     SELECT $1, path_1, category, ${ROLLED_UP_VALUES}
       FROM venue_days GROUP BY path_1, category`,
    [day],
  );
  return true;
}

/**
 * Rolls up at once the ended days of `days` without a single venue-day (a new installation, a quiet
 * week): their roll-up is the day's row alone. Checked under the lock, as rollUpDay does, so a change
 * committed before is seen. Answers the days rolled up; the others are left to rollUpDay, one by one.
 */
export async function rollUpQuietDays(q: Queryable, days: readonly string[]): Promise<string[]> {
  await q.query(`SELECT pg_advisory_xact_lock(${LOCKS.checkInRollup})`);
  const { rows } = await q.query<{ day: string }>(
    `SELECT d::text AS day FROM unnest($1::date[]) d
      WHERE NOT EXISTS (SELECT 1 FROM check_in_rollup_days r WHERE r.day = d AND r.complete)
        AND NOT EXISTS (SELECT 1 FROM venue_day_counts c WHERE c.day = d)`,
    [days],
  );
  const quiet = rows.map((r) => r.day).sort();
  // A snapshot taken while the day was in progress goes, with whatever it held.
  await q.query('DELETE FROM check_in_rollup_days WHERE day = ANY($1::date[])', [quiet]);
  await q.query('INSERT INTO check_in_rollup_days (day, complete) SELECT d, true FROM unnest($1::date[]) d', [
    quiet,
  ]);
  return quiet;
}

/**
 * The snapshot of the day in progress still holds when it counted as many check-ins as the day's
 * venue-days hold now (counts only grow; whatever else changes them forgets the roll-up): it is then
 * only dated again, instead of being built again. Answers whether it was.
 */
export async function confirmSnapshot(q: Queryable, day: string): Promise<boolean> {
  await q.query(`SELECT pg_advisory_xact_lock(${LOCKS.checkInRollup})`);
  const total = CHANNELS.map((c) => `COALESCE(sum(${c}), 0)`).join(' + ');
  const { rowCount } = await q.query(
    `UPDATE check_in_rollup_days SET built_at = now()
      WHERE day = $1 AND NOT complete
        AND EXISTS (SELECT 1 FROM province_day_people_snapshots WHERE day = $1)
        AND (SELECT ${total} FROM province_day_check_ins WHERE day = $1)
          = (SELECT ${total} FROM venue_day_counts WHERE day = $1)`,
    [day],
  );
  return rowCount === 1;
}

/** Replaces the people snapshot of the day in progress (one sketch per province). */
export async function savePeopleSnapshot(
  q: Queryable,
  day: string,
  sketches: readonly { code: string; registers: Uint8Array }[],
) {
  if (!sketches.length) return;
  await q.query(
    `INSERT INTO province_day_people_snapshots (day, province, registers)
     SELECT $1, code, registers FROM unnest($2::text[], $3::bytea[]) AS s(code, registers)`,
    [day, sketches.map((s) => s.code), sketches.map((s) => Buffer.from(s.registers))],
  );
}

export async function peopleSnapshot(q: Queryable, day: string, codes: readonly string[]) {
  const { rows } = await q.query<{ code: string; registers: Uint8Array }>(
    `SELECT province AS code, registers FROM province_day_people_snapshots
      WHERE day = $1 AND province = ANY($2::text[])`,
    [day, codes],
  );
  return rows;
}

export interface RolledDay {
  day: string;
  complete: boolean;
  builtAt: Date;
}

export async function rolledDays(q: Queryable, from: string, to: string): Promise<RolledDay[]> {
  const { rows } = await q.query<RolledDay>(
    `SELECT day::text AS day, complete, built_at AS "builtAt" FROM check_in_rollup_days
      WHERE day BETWEEN $1 AND $2 ORDER BY day`,
    [from, to],
  );
  return rows;
}

/** Ended days in [from, to] with no complete roll-up, oldest first. */
export async function daysToRollUp(q: Queryable, from: string, to: string): Promise<string[]> {
  const { rows } = await q.query<{ day: string }>(
    `SELECT d::date::text AS day FROM generate_series($1::date, $2::date, interval '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM check_in_rollup_days r WHERE r.day = d::date AND r.complete)
      ORDER BY 1`,
    [from, to],
  );
  return rows.map((r) => r.day);
}

/**
 * Before (in the same transaction as) a change to the counts of `days`: forgets their roll-ups and
 * those of the window after each (they counted venues "new" against it), and the venues' spans over
 * them. `days` null: every day (a venue moved to another province or ward, the units upgraded).
 */
export async function forgetRollupDays(q: Queryable, days: readonly string[] | null): Promise<number> {
  await q.query(`SELECT pg_advisory_xact_lock_shared(${LOCKS.checkInRollup})`);
  if (days?.length === 0) return 0;
  await forgetVenueSpans(q, days);
  const { rows } = await q.query<{ forgotten: number }>(
    `WITH gone AS (
       DELETE FROM check_in_rollup_days r
        WHERE $1::date[] IS NULL
           OR EXISTS (SELECT 1 FROM unnest($1::date[]) AS d(day) WHERE r.day >= d.day AND r.day < d.day + ${ROLLUP_WINDOW_DAYS})
       RETURNING 1)
     SELECT count(*)::int AS forgotten FROM gone`,
    [days],
  );
  return rows[0]!.forgotten;
}

/**
 * The country view's check-in groups (as stats.checkInGroups gives them) from the roll-ups of
 * [from, to]: in total, per province, per category (active venues counted once, on their first active
 * day in the range), and per day (every venue of the day).
 */
export async function rolledUpCheckInGroups(q: Queryable, from: string, to: string) {
  const { rows } = await q.query<CheckInGroup>(
    `SELECT CASE WHEN GROUPING(category) = 0 THEN 'category' WHEN GROUPING(province) = 0 THEN 'child' ELSE 'total' END AS breakdown,
            CASE WHEN GROUPING(category) = 0 THEN category WHEN GROUPING(province) = 0 THEN province END AS key,
            sum(venues_new_after[day - $1::date + 1])::int AS active, ${SUMS}
       FROM province_day_check_ins WHERE day BETWEEN $1 AND $2
      GROUP BY GROUPING SETS ((), (category), (province))
     UNION ALL
     SELECT 'day', day::text, sum(venues_new_after[1])::int, ${SUMS}
       FROM province_day_check_ins WHERE day BETWEEN $1 AND $2 GROUP BY day`,
    [from, to],
  );
  return rows;
}

/**
 * A province's check-in groups of [from, to] (as stats.checkInGroups gives them: in total, per child
 * unit, per category, active venues counted once; and per day) in one statement: the days with a
 * complete roll-up from the roll-ups per child unit, every other day (today, or a day forgotten by a
 * late change) from its venue-days, each of those venues counted active over the range unless it was
 * active on an earlier day of it (looked up by the primary key, as the roll-up does). One statement
 * sees the roll-ups and the venue-days at one instant, so a day forgotten meanwhile is read from its
 * venue-days, never missed.
 */
export async function rolledUpProvinceGroups(q: Queryable, province: string, from: string, to: string) {
  // In a transaction: PostgreSQL cannot tell how many days the venue-days' part reads (an array made in
  // the statement), prices it high and compiles it with JIT: 65 ms of a 170 ms statement at 10 M.
  await q.query('SET LOCAL jit = off');
  const { rows } = await q.query<CheckInGroup>(
    `WITH rolled AS (SELECT day FROM check_in_rollup_days WHERE day BETWEEN $1 AND $2 AND complete),
     parts AS (
       SELECT day, child_unit AS child_key, category, ${COUNT_COLUMNS.join(', ')}, last_check_in_at,
              venues_new_after[day - $1::date + 1] AS new_venues, venues_new_after[1] AS day_venues
         FROM child_unit_day_check_ins WHERE province = $3 AND day IN (SELECT day FROM rolled)
       UNION ALL
       SELECT c.day, COALESCE(c.path_2, ''), c.category, ${COUNT_COLUMNS.map((col) => `c.${col}`).join(', ')}, c.last_check_in_at,
              CASE WHEN EXISTS (SELECT 1 FROM venue_day_counts p
                                 WHERE p.path_1 = $3 AND p.venue_id = c.venue_id
                                   AND p.day >= $1 AND p.day < c.day) THEN 0 ELSE 1 END, 1
         FROM venue_day_counts c
        WHERE c.path_1 = $3
          AND c.day = ANY (ARRAY(SELECT d::date FROM generate_series($1::date, $2::date, interval '1 day') d
                                  WHERE d::date NOT IN (SELECT day FROM rolled)))
     )
     SELECT CASE WHEN GROUPING(day) = 0 THEN 'day' WHEN GROUPING(category) = 0 THEN 'category'
                 WHEN GROUPING(child_key) = 0 THEN 'child' ELSE 'total' END AS breakdown,
            CASE WHEN GROUPING(day) = 0 THEN day::text WHEN GROUPING(category) = 0 THEN category
                 WHEN GROUPING(child_key) = 0 THEN child_key END AS key,
            COALESCE(CASE WHEN GROUPING(day) = 0 THEN sum(day_venues) ELSE sum(new_venues) END, 0)::int AS active,
            ${SUMS}
       FROM parts GROUP BY GROUPING SETS ((), (category), (child_key), (day))`,
    [from, to, province],
  );
  return rows;
}
