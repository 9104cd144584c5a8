/** People found as F1 by a tracing look-up with notify (API v1.1): when, per phone and name key. */
import type { Queryable } from '../db.js';

export async function recordTracedContacts(
  q: Queryable,
  people: readonly { phone: string; nameKey: string }[],
  at: Date,
) {
  if (!people.length) return;
  await q.query(
    `INSERT INTO traced_contacts (person_phone, person_name_key, traced_at)
     SELECT DISTINCT phone, name_key, $3::timestamptz FROM unnest($1::text[], $2::text[]) AS p(phone, name_key)
     ON CONFLICT DO NOTHING`,
    [people.map((p) => p.phone), people.map((p) => p.nameKey), at],
  );
}

/** SQL for when a person (two SQL expressions) was last found as F1, or NULL; also inside batch reads. */
export const LAST_TRACED_AT = (phone: string, nameKey: string) =>
  `(SELECT max(t.traced_at) FROM traced_contacts t WHERE t.person_phone = ${phone} AND t.person_name_key = ${nameKey})`;

/** When the person was last found as F1, or null. */
export async function lastTracedAt(q: Queryable, phone: string, nameKey: string): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date | null }>(`SELECT ${LAST_TRACED_AT('$1', '$2')} AS at`, [
    phone,
    nameKey,
  ]);
  return rows[0]?.at ?? null;
}
