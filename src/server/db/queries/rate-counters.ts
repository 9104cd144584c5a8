/** Shared per-address request counters (services/rate-counters.ts). */
import { columnArrays, type Queryable } from '../db.js';

export interface CounterIncrement {
  key: string;
  windowEnds: number;
  by: number;
}

/** Adds the increments and answers each counter's total across every node. */
export async function addToCounters(q: Queryable, increments: readonly CounterIncrement[]) {
  const { rows } = await q.query<{ key: string; windowEnds: number; count: number }>(
    `INSERT INTO rate_counters AS c (key, window_ends, count)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[])
     ON CONFLICT (key, window_ends) DO UPDATE SET count = c.count + excluded.count
     RETURNING key, window_ends AS "windowEnds", count`,
    columnArrays(increments, ['key', 'windowEnds', 'by']),
    'add_to_rate_counters',
  );
  return rows;
}

/** Forgets windows that ended before `beforeMs`. */
export async function dropEndedCounters(q: Queryable, beforeMs: number) {
  await q.query('DELETE FROM rate_counters WHERE window_ends < $1', [beforeMs]);
}
