/**
 * Dashboard figures (F9), read from the daily aggregates (queries/aggregates.ts), never from the
 * check-ins themselves, so they stay fast as data grows and survive retention.
 *
 * A scope is a unit at `level` (1 province, 2 district or ward, 3 commune; 0 the whole country): its rows are
 * `path_<level> = code`, and its children are told apart by `path_<level + 1>`.
 */
import { ELECTRONIC_CHANNELS, type Channel } from '../../../shared/channels.js';
import type { Db, Queryable } from '../db.js';
import { COUNT_COLUMNS } from './aggregates.js';
import { EPOCH_MS } from './check-ins.js';
import type { DaySpan } from '../../domain/sketch-spans.js';

export interface Scope {
  level: number;
  code: string;
  /** Levels of the list in use (3: province, district, commune; 2: province, ward): the lowest has no children. */
  levels: number;
}

export type ChannelCounts = Record<Channel, number>;

export interface CheckInGroup extends ChannelCounts {
  /** Which breakdown the row belongs to. */
  breakdown: 'total' | 'child' | 'category' | 'day';
  key: string | null;
  active: number;
  flagged: number;
  lastCheckInAt: Date | null;
}

/** Memory to sort and hash in: a province over 21 days is a few hundred thousand rows and keys. */
const WORK_MEM = '64MB';

/** One statement with room to work in memory (SET LOCAL lasts for its own transaction only). */
async function roomy<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return db.tx(async (q) => {
    await q.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    return (await q.query<T>(sql, params)).rows;
  });
}

const pathColumn = (level: number) => `path_${Math.max(1, Math.min(3, Math.trunc(level)))}`;

function scopeCondition(scope: Scope, param: string) {
  return scope.level === 0 ? 'TRUE' : `${pathColumn(scope.level)} = ${param}`;
}

/** Totals of the count columns (0 over no rows) and the latest check-in, named as the row's fields. */
export const SUMS = `${COUNT_COLUMNS.map((c) => `COALESCE(sum(${c}), 0)::int AS ${c}`).join(', ')}, max(last_check_in_at) AS "lastCheckInAt"`;
/** The same per venue, under the column names, for the second roll-up to sum again. */
const VENUE_SUMS = `${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}, max(last_check_in_at) AS last_check_in_at`;

/**
 * Check-ins per channel and active venues in [from, to]: in total, per child unit, per category, per
 * day. Venues are rolled up first (one row each), so "active" is a plain count and every step can
 * hash in little memory; days come from a second statement (one row per venue and day: count = active).
 */
export async function checkInGroups(db: Db, scope: Scope, from: string, to: string): Promise<CheckInGroup[]> {
  const params = scope.level === 0 ? [from, to] : [from, to, scope.code];
  const inRange = `day BETWEEN $1 AND $2 AND ${scopeCondition(scope, '$3')}`;
  // A commune has no child units: its roll-up has no per-child grouping set.
  const hasChildren = scope.level < scope.levels;
  const childKey = hasChildren ? pathColumn(scope.level + 1) : 'NULL::text';
  const groupingSets = ['()', '(category)', ...(hasChildren ? ['(child_key)'] : [])].join(', ');
  // Which grouping set a row of the roll-up belongs to, decoded once, in SQL.
  const isChildRow = hasChildren ? 'GROUPING(child_key) = 0' : 'FALSE';
  const breakdown = `CASE WHEN GROUPING(category) = 0 THEN 'category' WHEN ${isChildRow} THEN 'child' ELSE 'total' END`;
  const key = `CASE WHEN GROUPING(category) = 0 THEN category${hasChildren ? ` WHEN ${isChildRow} THEN child_key` : ''} END`;
  const [rolled, days] = await Promise.all([
    roomy<CheckInGroup>(
      db,
      `WITH per_venue AS (
         SELECT venue_id, ${childKey} AS child_key, category, ${VENUE_SUMS}
           FROM venue_day_counts WHERE ${inRange} GROUP BY venue_id, ${childKey}, category
       )
       SELECT ${breakdown} AS breakdown, ${key} AS key, count(*)::int AS active, ${SUMS}
         FROM per_venue GROUP BY GROUPING SETS (${groupingSets})`,
      params,
    ),
    roomy<CheckInGroup>(
      db,
      `SELECT 'day' AS breakdown, day::text AS key, count(*)::int AS active, ${SUMS}
         FROM venue_day_counts WHERE ${inRange} GROUP BY day`,
      params,
    ),
  ]);
  return [...rolled, ...days];
}

/**
 * Distinct people seen in [from, to] in each unit of `codes`, and in all of them together. Every
 * check-in is remembered at each level of its path, so the people of a unit's children together are
 * the people of the unit. Two statements on two connections, each with room to hash in memory.
 */
export async function uniquePeopleExact(db: Db, codes: readonly string[], from: string, to: string) {
  const withMemory = <T>(sql: string) => roomy<T>(db, sql, [codes, from, to]);
  const where = 'unit_code = ANY($1::text[]) AND day BETWEEN $2 AND $3';
  const [all, each] = await Promise.all([
    withMemory<{ people: number }>(
      `SELECT count(*)::int AS people FROM (SELECT DISTINCT person_key FROM person_unit_days WHERE ${where}) d`,
    ),
    codes.length > 1
      ? withMemory<{ code: string; people: number }>(
          `SELECT unit_code AS code, count(*)::int AS people FROM (SELECT DISTINCT unit_code, person_key FROM person_unit_days WHERE ${where}) d GROUP BY unit_code`,
        )
      : Promise.resolve([]),
  ]);
  const total = all[0]!.people;
  const perUnit = new Map(each.map((r) => [r.code, r.people]));
  if (codes.length === 1) perUnit.set(codes[0]!, total);
  return { all: total, perUnit };
}

export interface DeclarationDay {
  code: string;
  day: string;
  declarations: number;
  flagged: number;
  cardsIssued: number;
  /** Arrival declarations (F21) of people staying in the unit, by arrival day. */
  arrivals: number;
}

export async function declarationDays(q: Queryable, codes: readonly string[], from: string, to: string) {
  const { rows } = await q.query<DeclarationDay>(
    `SELECT COALESCE(d.unit_code, a.unit_code) AS code, COALESCE(d.day, a.day)::text AS day,
            COALESCE(d.declarations, 0) AS declarations, COALESCE(d.flagged, 0) AS flagged,
            COALESCE(d.cards_issued, 0) AS "cardsIssued", COALESCE(a.arrivals, 0) AS arrivals
       FROM (SELECT * FROM unit_day_declarations
              WHERE unit_code = ANY($1::text[]) AND day BETWEEN $2 AND $3) d
       FULL JOIN (SELECT * FROM unit_day_arrivals
                   WHERE unit_code = ANY($1::text[]) AND day BETWEEN $2 AND $3) a
         ON a.unit_code = d.unit_code AND a.day = d.day`,
    [codes, from, to],
  );
  return rows;
}

/** First cards issued up to and including `to`, per unit: the numerator of the issuance rate. */
export async function cardsIssuedUpTo(q: Queryable, codes: readonly string[], to: string) {
  const { rows } = await q.query<{ code: string; cards: number }>(
    `SELECT unit_code AS code, sum(cards_issued)::int AS cards FROM unit_day_declarations
      WHERE unit_code = ANY($1::text[]) AND day <= $2 GROUP BY unit_code`,
    [codes, to],
  );
  return new Map(rows.map((r) => [r.code, r.cards]));
}

export async function populations(q: Queryable, version: string, codes: readonly string[]) {
  const { rows } = await q.query<{ code: string; population: number }>(
    `SELECT admin_unit_code AS code, population FROM admin_unit_population
      WHERE admin_unit_version = $1 AND admin_unit_code = ANY($2::text[])`,
    [version, codes],
  );
  return new Map(rows.map((r) => [r.code, r.population]));
}

export async function setPopulation(
  q: Queryable,
  version: string,
  code: string,
  population: number,
  userId: number,
) {
  await q.query(
    `INSERT INTO admin_unit_population (admin_unit_version, admin_unit_code, population, updated_by_user_id)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (admin_unit_version, admin_unit_code) DO UPDATE
       SET population = excluded.population, updated_by_user_id = excluded.updated_by_user_id, updated_at = now()`,
    [version, code, population, userId],
  );
}

export interface VenueFigures {
  venueId: number;
  name: string;
  category: string;
  adminUnitCode: string;
  status: 'active' | 'suspended';
  /** Milliseconds since 1970 (the API writes them with isoInstant). */
  createdAt: number;
  total: number;
  electronic: number;
  paper: number;
  lastCheckInAt: number | null;
}

/** The table's columns in one JSON text, row order kept: ids, names, categories, units, statuses, … */
type VenueColumns = [
  number[],
  string[],
  string[],
  string[],
  VenueFigures['status'][],
  number[],
  number[],
  number[],
  number[],
  (number | null)[],
];

/**
 * Every venue of the scope with its check-ins in [from, to] (zero for silent venues), busiest first.
 * `spans`: stored spans of venue sums (queries/venue-count-spans.ts) inside the range, read instead of
 * their days' venue-days; one forgotten meanwhile is read from its venue-days (the statement sees
 * the spans and the days at one instant). Read as one JSON of column arrays (aggregated in the listed
 * order): thousands of rows of typed columns cost the app ≈ 4 µs a row to parse, the JSON ≈ 0.5 µs.
 */
export async function venueFigures(
  db: Db,
  scope: Scope,
  from: string,
  to: string,
  limit: number,
  spans: readonly DaySpan[] = [],
) {
  const params: unknown[] = [from, to, limit];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const code = scope.level === 0 ? null : param(scope.code, 'text');
  const inScope = scopeCondition(scope, code ?? '');
  const dayRows = (days: string) =>
    `SELECT venue_id, ${ELECTRONIC_CHANNELS.join(' + ')} AS electronic, paper, last_check_in_at FROM venue_day_counts WHERE ${days} AND ${inScope}`;
  let visits = dayRows('day BETWEEN $1 AND $2');
  if (spans.length) {
    const stored = `SELECT first_day, days FROM venue_count_spans
                     WHERE (first_day, days) IN (SELECT * FROM unnest(${param(
                       spans.map((x) => x.firstDay),
                       'date[]',
                     )}, ${param(
                       spans.map((x) => x.days),
                       'int[]',
                     )}))`;
    visits = `${dayRows(`day = ANY (ARRAY(SELECT d::date FROM generate_series($1::date, $2::date, interval '1 day') d
                                           WHERE NOT EXISTS (SELECT 1 FROM (${stored}) s WHERE d >= s.first_day AND d < s.first_day + s.days)))`)}
              UNION ALL
              SELECT venue_id, electronic, paper, last_check_in_at FROM venue_span_counts
               WHERE (first_day, days) IN (${stored}) AND ${inScope}`;
  }
  const [read] = await roomy<{ columns: VenueColumns | null }>(
    db,
    `WITH counted AS (
       SELECT venue_id, sum(electronic)::int AS electronic, COALESCE(sum(paper), 0)::int AS paper,
              max(last_check_in_at) AS last_at
         FROM (${visits}) visits
        GROUP BY venue_id
     ), listed AS (
       SELECT v.id, v.name, v.category, v.admin_unit_code, v.status, v.created_at,
              COALESCE(c.electronic + c.paper, 0) AS total, COALESCE(c.electronic, 0) AS electronic,
              COALESCE(c.paper, 0) AS paper, c.last_at
         FROM venues v LEFT JOIN counted c ON c.venue_id = v.id
        WHERE ${code ? `v.admin_unit_path @> ARRAY[${code}]` : 'TRUE'}
        ORDER BY total DESC, v.id
        LIMIT $3
     )
     SELECT json_build_array(array_agg(id), array_agg(name), array_agg(category), array_agg(admin_unit_code),
                             array_agg(status), array_agg(${EPOCH_MS('created_at')}), array_agg(total),
                             array_agg(electronic), array_agg(paper), array_agg(${EPOCH_MS('last_at')})) AS columns
       FROM listed`,
    params,
  );
  const columns = read?.columns;
  if (!columns?.[0]) return [];
  const [id, name, category, unit, status, createdAt, total, electronic, paper, lastAt] = columns;
  return id.map((venueId, i): VenueFigures => ({
    venueId,
    name: name[i]!,
    category: category[i]!,
    adminUnitCode: unit[i]!,
    status: status[i]!,
    createdAt: createdAt[i]!,
    total: total[i]!,
    electronic: electronic[i]!,
    paper: paper[i]!,
    lastCheckInAt: lastAt[i] ?? null,
  }));
}
