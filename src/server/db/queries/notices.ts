/** Exposure marks on venues and the notices they and tracing leave on check-ins (F13). */
import { columnArrays, type Queryable } from '../db.js';

export interface NewNotice {
  checkInId: string;
  checkedInAt: string | Date;
  kind: 'contact' | 'venue_exposure';
  venueId: number;
  exposureFrom: Date;
  exposureTo: Date;
}

/** Inserts notices (a repeated one is skipped); answers how many are new. */
export async function insertNotices(q: Queryable, notices: readonly NewNotice[], at: Date): Promise<number> {
  if (notices.length === 0) return 0;
  const { rows } = await q.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO notices (check_in_id, checked_in_at, kind, venue_id, exposure_from, exposure_to, created_at)
       SELECT * , $7::timestamptz FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS n FROM added`,
    [
      ...columnArrays(notices, ['checkInId', 'checkedInAt', 'kind', 'venueId', 'exposureFrom', 'exposureTo']),
      at,
    ],
  );
  return rows[0]!.n;
}

export async function insertExposureMark(
  q: Queryable,
  m: { venueId: number; from: Date; to: Date; note: string | null; userId: number; at: Date },
) {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO exposure_marks (venue_id, from_at, to_at, note, created_by_user_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [m.venueId, m.from, m.to, m.note, m.userId, m.at],
  );
  return rows[0]!.id;
}

export interface HistoryRow {
  id: string;
  venueName: string;
  /** The province of the venue: whose hotline its notices give. */
  provinceCode: string;
  checkedInAt: Date;
  checkedOutAt: Date | null;
  notices: {
    kind: 'contact' | 'venue_exposure';
    exposureFrom: string;
    exposureTo: string;
    createdAt: string;
  }[];
}

/** The given check-ins (ids already proven by their tokens) with their notices. */
export async function historyOf(q: Queryable, ids: readonly string[]) {
  const { rows } = await q.query<HistoryRow>(
    `SELECT c.id, v.name AS "venueName", v.admin_unit_path[1] AS "provinceCode", c.checked_in_at AS "checkedInAt", c.checked_out_at AS "checkedOutAt",
            COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', n.kind, 'exposureFrom', n.exposure_from,
                              'exposureTo', n.exposure_to, 'createdAt', n.created_at) ORDER BY n.created_at)
                        FROM notices n WHERE n.check_in_id = c.id), '[]'::jsonb) AS notices
       FROM check_ins c JOIN venues v ON v.id = c.venue_id
      WHERE c.id = ANY($1::uuid[])
      ORDER BY c.checked_in_at DESC`,
    [ids],
  );
  return rows;
}

/** The province of each venue (`admin_unit_path` starts with it). */
export async function provincesOfVenues(q: Queryable, venueIds: readonly number[]) {
  const { rows } = await q.query<{ id: number; provinceCode: string }>(
    'SELECT id, admin_unit_path[1] AS "provinceCode" FROM venues WHERE id = ANY($1::bigint[])',
    [venueIds],
  );
  return new Map(rows.map((r) => [Number(r.id), r.provinceCode]));
}
