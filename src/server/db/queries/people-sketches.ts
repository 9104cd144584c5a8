/**
 * Day sketches of unique people (domain/people-sketch.ts) in the database: which days are sketched,
 * the registers of a set of units from their person keys, and the stored sketches.
 *
 * A day is sketched once, after it ends; a check-in recorded later for that day forgets the day's
 * sketches. An advisory lock per day keeps the two apart: the job builds a day under the exclusive
 * lock, a late check-in takes the shared lock before it forgets the day and writes, so a sketch never
 * misses a committed key. Merged spans of days (domain/sketch-spans.ts) are built under the locks of all
 * their days, and forgetting a day forgets the spans over it (a trigger, migration 0018).
 */
import { LOCKS } from '../locks.js';
import type { Queryable } from '../db.js';
import { lastDayOf, type DaySpan } from '../../domain/sketch-spans.js';

/** Arbitrary constant naming the per-day locks (the day is the second key). */
const SKETCH_LOCK = LOCKS.sketchDay;
/** The second key of a day's lock: the day's number since 2000-01-01 (as domain/sketch-spans.ts counts). */
const dayNumberOf = (day: string) => `(${day}::date - DATE '2000-01-01')`;
const dayNumber = dayNumberOf('$1');

/** A register (index) and a rank per person key of a unit; a sketch keeps each register's highest rank. */
export interface UnitRegisters {
  code: string;
  indexes: number[];
  ranks: number[];
}

/**
 * Every person key of `days` in each unit of `codes` as its register and rank, one JSON of them all.
 * Not grouped by register in SQL: a province's day of ≈ 24,000 keys falls in ≈ 23,600 of its 168
 * wards × 4,096 registers, so hashing them there cost more than it saved (≈ 35 → 18 ms, app included).
 */
export async function registersFromKeys(
  q: Queryable,
  codes: readonly string[],
  days: readonly string[],
): Promise<UnitRegisters[]> {
  if (!codes.length || !days.length) return [];
  const { rows } = await q.query<{ units: [string, number[], number[]][] | null }>(
    `SELECT json_agg(json_build_array(code, indexes, ranks)) AS units
       FROM (SELECT unit_code AS code, array_agg((person_key & 4095)::int) AS indexes,
                    array_agg(people_sketch_rank(person_key)) AS ranks
               FROM person_unit_days WHERE unit_code = ANY($1::text[]) AND day = ANY($2::date[])
              GROUP BY unit_code) u`,
    [codes, days],
  );
  return (rows[0]?.units ?? []).map(([code, indexes, ranks]) => ({ code, indexes, ranks }));
}

export async function sketchedDays(q: Queryable, from: string, to: string): Promise<string[]> {
  const { rows } = await q.query<{ day: string }>(
    'SELECT day::text AS day FROM people_sketch_days WHERE day BETWEEN $1 AND $2 ORDER BY day',
    [from, to],
  );
  return rows.map((r) => r.day);
}

/** The days (as spans of 1) and the merged spans stored wholly inside [from, to]. */
export async function storedSpans(q: Queryable, from: string, to: string): Promise<DaySpan[]> {
  const { rows } = await q.query<DaySpan>(
    `SELECT day::text AS "firstDay", 1 AS days FROM people_sketch_days WHERE day BETWEEN $1 AND $2
     UNION ALL
     SELECT first_day::text, days FROM people_sketch_spans WHERE first_day >= $1 AND first_day + days - 1 <= $2`,
    [from, to],
  );
  return rows;
}

/** The stored sketches of `spans` (days or merged spans), for the units of `codes` or for every unit (null). */
export async function storedSketches(
  q: Queryable,
  codes: readonly string[] | null,
  spans: readonly DaySpan[],
) {
  if (codes?.length === 0 || !spans.length) return [];
  const days = spans.filter((s) => s.days === 1).map((s) => s.firstDay);
  const merged = spans.filter((s) => s.days > 1);
  const ofUnits = (column: string) => (codes ? `${column} = ANY($1::text[])` : '$1::text[] IS NULL');
  const { rows } = await q.query<{ code: string; registers: Uint8Array }>(
    `SELECT unit_code AS code, registers FROM unit_day_people_sketches WHERE ${ofUnits('unit_code')} AND day = ANY($2::date[])
     UNION ALL
     SELECT s.unit_code, s.registers FROM unnest($3::date[], $4::int[]) AS m(first_day, days)
       JOIN unit_span_people_sketches s ON s.first_day = m.first_day AND s.days = m.days
      WHERE ${ofUnits('s.unit_code')}`,
    [codes, days, merged.map((s) => s.firstDay), merged.map((s) => s.days)],
  );
  return rows;
}

/**
 * Under the exclusive locks of every day of `span` (late check-ins of those days wait): whether its
 * halves are still stored and the span itself is not.
 */
export async function lockSpanForMerging(q: Queryable, span: DaySpan, halves: readonly DaySpan[]) {
  await q.query(
    `SELECT pg_advisory_xact_lock(${SKETCH_LOCK}, ${dayNumberOf('d')})
       FROM generate_series($1::date, $2::date, interval '1 day') d ORDER BY d`,
    [span.firstDay, lastDayOf(span)],
  );
  const stored = await storedSpans(q, span.firstDay, lastDayOf(span));
  const has = (s: DaySpan) => stored.some((x) => x.firstDay === s.firstDay && x.days === s.days);
  return halves.every(has) && !has(span);
}

export async function saveSpanSketches(
  q: Queryable,
  span: DaySpan,
  sketches: readonly { code: string; registers: Uint8Array }[],
) {
  await q.query('INSERT INTO people_sketch_spans (first_day, days) VALUES ($1, $2)', [
    span.firstDay,
    span.days,
  ]);
  if (!sketches.length) return;
  await q.query(
    `INSERT INTO unit_span_people_sketches (unit_code, first_day, days, registers)
     SELECT code, $1, $2, registers FROM unnest($3::text[], $4::bytea[]) AS s(code, registers)`,
    [span.firstDay, span.days, sketches.map((s) => s.code), sketches.map((s) => Buffer.from(s.registers))],
  );
}

/** Under the days' exclusive locks, taken in day order (wait for late check-ins of those days to commit first). */
export async function lockDaysForSketching(q: Queryable, days: readonly string[]) {
  await q.query(
    `SELECT pg_advisory_xact_lock(${SKETCH_LOCK}, ${dayNumberOf('d')}) FROM unnest($1::date[]) d ORDER BY d`,
    [days],
  );
}

/**
 * Sketches at once the ended days of `days` that no one checked in on (a new installation, a quiet
 * week): a day without keys is sketched as sketched, with no unit's sketch. Under each day's lock, as
 * a day is sketched one by one, so a late check-in committed before is seen. Answers the days sketched.
 */
export async function sketchQuietDays(q: Queryable, days: readonly string[]): Promise<string[]> {
  await lockDaysForSketching(q, days);
  const { rows } = await q.query<{ day: string }>(
    `INSERT INTO people_sketch_days (day)
     SELECT d FROM unnest($1::date[]) d
      WHERE NOT EXISTS (SELECT 1 FROM people_sketch_days s WHERE s.day = d)
        AND NOT EXISTS (SELECT 1 FROM person_unit_days k WHERE k.day = d)
     RETURNING day::text AS day`,
    [days],
  );
  return rows.map((r) => r.day).sort();
}

export async function saveDaySketches(
  q: Queryable,
  day: string,
  sketches: readonly { code: string; registers: Uint8Array }[],
) {
  await q.query('DELETE FROM people_sketch_days WHERE day = $1', [day]);
  await q.query('INSERT INTO people_sketch_days (day) VALUES ($1)', [day]);
  if (!sketches.length) return;
  await q.query(
    `INSERT INTO unit_day_people_sketches (unit_code, day, registers)
     SELECT code, $1, registers FROM unnest($2::text[], $3::bytea[]) AS s(code, registers)`,
    [day, sketches.map((s) => s.code), sketches.map((s) => Buffer.from(s.registers))],
  );
}

/**
 * Before check-ins of past days are written (same transaction): wait for a sketch being built for
 * those days, then forget their sketches, which would miss the new people.
 */
export async function forgetSketchesOfLateDays(q: Queryable, days: readonly string[]) {
  for (const day of [...days].sort())
    await q.query(`SELECT pg_advisory_xact_lock_shared(${SKETCH_LOCK}, ${dayNumber})`, [day]);
  await q.query('DELETE FROM people_sketch_days WHERE day = ANY($1::date[])', [days]);
}

/** Days in [from, to] without sketches. */
export async function daysToSketch(q: Queryable, from: string, to: string): Promise<string[]> {
  const { rows } = await q.query<{ day: string }>(
    `SELECT d::date::text AS day FROM generate_series($1::date, $2::date, interval '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM people_sketch_days s WHERE s.day = d::date)
      ORDER BY 1`,
    [from, to],
  );
  return rows.map((r) => r.day);
}

export async function unitCodesOfLevels(q: Queryable, version: string, levels: readonly number[]) {
  const { rows } = await q.query<{ code: string }>(
    'SELECT code FROM admin_units WHERE version = $1 AND level = ANY($2::int[]) ORDER BY code',
    [version, levels],
  );
  return rows.map((r) => r.code);
}
