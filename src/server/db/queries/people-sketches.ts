/**
 * Day sketches of unique people (domain/people-sketch.ts) in the database: which days are sketched,
 * the registers of a set of units from their person keys, and the stored sketches.
 *
 * A day is sketched once, after it ends; a check-in recorded later for that day forgets the day's
 * sketches. An advisory lock per day keeps the two apart: the job builds a day under the exclusive
 * lock, a late check-in takes the shared lock before it forgets the day and writes, so a sketch never
 * misses a committed key.
 */
import { LOCKS } from '../locks.js';
import type { Queryable } from '../db.js';

/** Arbitrary constant naming the per-day locks (the day is the second key). */
const SKETCH_LOCK = LOCKS.sketchDay;
const dayNumber = `($1::date - DATE '2000-01-01')`;

/** Registers (index → highest rank) per unit from the person keys of `days`. */
export interface UnitRegisters {
  code: string;
  indexes: number[];
  ranks: number[];
}

export async function registersFromKeys(
  q: Queryable,
  codes: readonly string[],
  days: readonly string[],
): Promise<UnitRegisters[]> {
  if (!codes.length || !days.length) return [];
  const { rows } = await q.query<UnitRegisters>(
    `SELECT unit_code AS code, array_agg(idx) AS indexes, array_agg(rank) AS ranks
       FROM (SELECT unit_code, (person_key & 4095)::int AS idx, max(people_sketch_rank(person_key)) AS rank
               FROM person_unit_days WHERE unit_code = ANY($1::text[]) AND day = ANY($2::date[])
              GROUP BY 1, 2) r
      GROUP BY unit_code`,
    [codes, days],
  );
  return rows;
}

export async function sketchedDays(q: Queryable, from: string, to: string): Promise<string[]> {
  const { rows } = await q.query<{ day: string }>(
    'SELECT day::text AS day FROM people_sketch_days WHERE day BETWEEN $1 AND $2 ORDER BY day',
    [from, to],
  );
  return rows.map((r) => r.day);
}

export async function storedSketches(q: Queryable, codes: readonly string[], days: readonly string[]) {
  if (!codes.length || !days.length) return [];
  const { rows } = await q.query<{ code: string; registers: Uint8Array }>(
    `SELECT unit_code AS code, registers FROM unit_day_people_sketches
      WHERE unit_code = ANY($1::text[]) AND day = ANY($2::date[])`,
    [codes, days],
  );
  return rows;
}

/** Under the day's exclusive lock (wait for late check-ins of that day to commit first). */
export async function lockDayForSketching(q: Queryable, day: string) {
  await q.query(`SELECT pg_advisory_xact_lock(${SKETCH_LOCK}, ${dayNumber})`, [day]);
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
