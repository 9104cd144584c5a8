/** The review list an admin-unit upgrade leaves (migration 0009) and the moves that settle it. */
import type { Queryable } from '../db.js';
import { forgetRollupDays } from './country-rollup.js';

export interface UnitReviewRow {
  id: number;
  subject: 'venue' | 'account';
  subjectId: number;
  subjectName: string;
  oldCode: string;
  oldName: string;
  chosenCode: string;
  chosenName: string;
  path: string[];
  candidates: { code: string; name: string }[];
  reason: 'split' | 'district' | 'not_in_mapping';
  resolvedAt: Date | null;
}

const SELECT_REVIEWS = `
  SELECT r.id::int AS id, r.subject, r.subject_id::int AS "subjectId",
         COALESCE(v.name, u.username, '') AS "subjectName",
         r.old_code AS "oldCode", r.old_name AS "oldName",
         r.chosen_code AS "chosenCode", COALESCE(c.name, r.chosen_code) AS "chosenName", r.path,
         (SELECT COALESCE(json_agg(json_build_object('code', k.code, 'name', COALESCE(n.name, k.code)) ORDER BY k.i), '[]')
            FROM unnest(r.candidates) WITH ORDINALITY AS k(code, i)
            LEFT JOIN admin_units n ON n.version = $1 AND n.code = k.code) AS candidates,
         r.reason, r.resolved_at AS "resolvedAt"
    FROM admin_unit_reviews r
    LEFT JOIN venues v ON r.subject = 'venue' AND v.id = r.subject_id
    LEFT JOIN users u ON r.subject = 'account' AND u.id = r.subject_id
    LEFT JOIN admin_units c ON c.version = $1 AND c.code = r.chosen_code`;

/** Reviews within `scope` (a unit code; null: everywhere), open ones only unless `all`. */
export async function listReviews(q: Queryable, version: string, scope: string | null, all: boolean) {
  const { rows } = await q.query<UnitReviewRow>(
    `${SELECT_REVIEWS}
      WHERE ($2::text IS NULL OR r.path @> ARRAY[$2::text]) AND ($3 OR r.resolved_at IS NULL)
      ORDER BY r.resolved_at IS NOT NULL, r.subject DESC, r.id
      LIMIT 2000`,
    [version, scope, all],
  );
  return rows;
}

export async function findReview(q: Queryable, version: string, id: number) {
  const { rows } = await q.query<UnitReviewRow>(`${SELECT_REVIEWS} WHERE r.id = $2`, [version, id]);
  return rows[0] ?? null;
}

export async function settleReview(
  q: Queryable,
  id: number,
  chosen: { code: string; path: string[] },
  userId: number,
) {
  await q.query(
    `UPDATE admin_unit_reviews SET chosen_code = $2, path = $3, resolved_at = now(), resolved_by_user_id = $4
      WHERE id = $1`,
    [id, chosen.code, chosen.path, userId],
  );
}

/**
 * A venue to another unit, its daily figures with it (forgetting the roll-ups if its province or the
 * province's child unit it lies in changes: they counted it there).
 */
export async function moveVenue(
  q: Queryable,
  venueId: number,
  version: string,
  code: string,
  path: string[],
) {
  // Another province or ward (district on the 2021 list): the roll-ups counted it in the old one.
  const { rows } = await q.query<{ rolledElsewhere: boolean }>(
    'SELECT admin_unit_path[1:2] IS DISTINCT FROM $2::text[] AS "rolledElsewhere" FROM venues WHERE id = $1',
    [venueId, path.slice(0, 2)],
  );
  if (rows[0]?.rolledElsewhere) await forgetRollupDays(q, null);
  // Its rows sit in its (old) province's partition: found by the key's first column.
  await q.query(
    `UPDATE venue_day_counts SET path_1 = $2, path_2 = $3, path_3 = $4
      WHERE path_1 = (SELECT admin_unit_path[1] FROM venues WHERE id = $1) AND venue_id = $1`,
    [venueId, path[0], path[1] ?? null, path[2] ?? null],
  );
  await q.query(
    'UPDATE venues SET admin_unit_version = $2, admin_unit_code = $3, admin_unit_path = $4 WHERE id = $1',
    [venueId, version, code, path],
  );
}

export async function moveAccount(q: Queryable, userId: number, version: string, code: string) {
  await q.query('UPDATE users SET admin_unit_version = $2, admin_unit_code = $3 WHERE id = $1', [
    userId,
    version,
    code,
  ]);
}

export async function upgradesDone(q: Queryable) {
  const { rows } = await q.query<{
    fromVersion: string;
    toVersion: string;
    doneAt: Date;
    moved: Record<string, number>;
  }>(
    `SELECT from_version AS "fromVersion", to_version AS "toVersion", done_at AS "doneAt", moved
       FROM admin_unit_upgrades ORDER BY done_at DESC`,
  );
  return rows;
}
