/** Arrival declarations (F21): the arrival facts of a declaration, the daily counts, the officials' list. */
import type { Queryable } from '../db.js';

export interface NewArrival {
  declarationId: string;
  arrivalDate: string;
  fromCountry: string | null;
  fromProvinceCode: string | null;
  transport: string | null;
  stayAddress: string;
  stayUnitCode: string;
  stayUnitPath: readonly string[];
}

export async function insertArrival(q: Queryable, a: NewArrival) {
  await q.query(
    `INSERT INTO arrivals (declaration_id, arrival_date, from_country, from_province_code, transport,
                           stay_address, stay_unit_code, stay_unit_path)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      a.declarationId,
      a.arrivalDate,
      a.fromCountry,
      a.fromProvinceCode,
      a.transport,
      a.stayAddress,
      a.stayUnitCode,
      a.stayUnitPath,
    ],
  );
}

/** One more arrival on `day` in the unit of stay and every unit above it (and the country). */
export async function countArrival(q: Queryable, day: string, stayPath: readonly string[]) {
  await q.query(
    `INSERT INTO unit_day_arrivals AS a (unit_code, day, arrivals)
     SELECT u.code, $2::date, 1 FROM unnest($1::text[]) AS u(code) ORDER BY u.code
     ON CONFLICT (unit_code, day) DO UPDATE SET arrivals = a.arrivals + 1`,
    [['VN', ...stayPath], day],
  );
}

export interface ArrivalRow {
  declarationId: string;
  declaredAt: Date;
  fullName: string;
  phone: string;
  nationality: string | null;
  statusColour: 'green' | 'yellow' | 'red';
  arrivalDate: string;
  fromCountry: string | null;
  fromProvinceName: string | null;
  transport: string | null;
  stayAddress: string;
  stayUnitCode: string;
  stayUnitName: string;
}

/** Arrivals on `day` staying in `unitCode` (any level; 'VN': all), oldest declaration first. */
export async function arrivalsOfDay(
  q: Queryable,
  version: string,
  unitCode: string,
  day: string,
  limit: number,
) {
  const { rows } = await q.query<ArrivalRow>(
    `SELECT d.id AS "declarationId", d.declared_at AS "declaredAt", d.person_full_name AS "fullName",
            d.person_phone AS phone, d.person_nationality AS nationality, d.status_colour AS "statusColour",
            a.arrival_date::text AS "arrivalDate", a.from_country AS "fromCountry",
            (SELECT name FROM admin_units WHERE version = $1 AND code = a.from_province_code) AS "fromProvinceName",
            a.transport, a.stay_address AS "stayAddress", a.stay_unit_code AS "stayUnitCode",
            (SELECT name FROM admin_units WHERE version = $1 AND code = a.stay_unit_code) AS "stayUnitName"
       FROM arrivals a JOIN declarations d ON d.id = a.declaration_id
      WHERE a.arrival_date = $3 AND ($2 = 'VN' OR a.stay_unit_path @> ARRAY[$2::text])
      ORDER BY d.declared_at, d.id LIMIT $4`,
    [version, unitCode, day, limit],
  );
  return rows;
}

/**
 * Under an admin-unit upgrade (the temp tables unit_moves and new_paths of admin-unit-upgrade.ts): the
 * ward of stay becomes its best new ward and the province of origin its new province (the daily counts
 * move with moveUnitDayCounts). Answers the arrivals whose ward of stay moved.
 */
export async function moveArrivals(q: Queryable): Promise<number> {
  await q.query(
    `UPDATE arrivals a SET from_province_code = m.new_code
       FROM unit_moves m WHERE m.old_code = a.from_province_code AND m.new_code IS NOT NULL`,
  );
  const { rows } = await q.query<{ n: number }>(
    `WITH moved AS (
       UPDATE arrivals a SET stay_unit_code = m.new_code, stay_unit_path = p.path
         FROM unit_moves m JOIN new_paths p ON p.code = m.new_code
        WHERE m.old_code = a.stay_unit_code RETURNING 1)
     SELECT count(*)::int AS n FROM moved`,
  );
  return rows[0]!.n;
}

/** How many arrived on `day` to stay in `unitCode` (the daily figure). */
export async function countArrivalsOfDay(q: Queryable, unitCode: string, day: string): Promise<number> {
  const { rows } = await q.query<{ arrivals: number }>(
    'SELECT arrivals FROM unit_day_arrivals WHERE unit_code = $1 AND day = $2',
    [unitCode, day],
  );
  return rows[0]?.arrivals ?? 0;
}
