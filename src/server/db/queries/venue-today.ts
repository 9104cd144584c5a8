/**
 * A venue's today list (F9) in one round trip: the venue (for the access check), the people inside
 * now, the entries per channel and the newest entries, the rows folded into JSON by PostgreSQL. The
 * page a manager keeps open at the door is read often; one statement instead of four, and one JSON
 * text instead of 200 rows of typed columns, is what made it cheap (bench/venue-today).
 */
import type { Queryable } from '../db.js';
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { earliestStayCovering, insideAt } from './check-ins.js';
import { VENUE_COLUMNS, type VenueRow } from './venues.js';

export interface TodayEntry {
  id: string;
  fullName: string;
  phone: string;
  channel: Channel;
  /** ISO-8601 UTC, as the API writes instants. */
  checkedInAt: string;
  checkedOutAt: string | null;
  flagged: boolean;
  statusColour: StatusColour | null;
}

const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The phone as the reader may see it: whole when `whole` (officials, tracers), else masked as
 * shared/phone.ts's maskPhone does (the first two and last two digits).
 */
const PHONE_AS_SEEN = (phone: string, whole: string) =>
  `CASE WHEN ${whole} THEN ${phone} WHEN length(${phone}) <= 4 THEN repeat('*', length(${phone}))
        ELSE left(${phone}, 2) || repeat('*', length(${phone}) - 4) || right(${phone}, 2) END`;

const VENUE_TODAY = `
SELECT ${VENUE_COLUMNS},
       ${insideAt('v.id', '$4::timestamptz', 'TRUE', '$5::timestamptz')} AS inside,
       (SELECT COALESCE(json_object_agg(channel, n), '{}'::json) FROM (
          SELECT channel, count(*)::int AS n FROM check_ins
           WHERE venue_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY channel) t) AS "byChannel",
       (SELECT COALESCE(json_agg(e ORDER BY e."checkedInAt" DESC, e.id), '[]'::json) FROM (
          SELECT c.id, c.person_full_name AS "fullName", ${PHONE_AS_SEEN('c.person_phone', '$7')} AS phone, c.channel,
                 ${ISO_UTC('c.checked_in_at')} AS "checkedInAt", ${ISO_UTC('c.checked_out_at')} AS "checkedOutAt",
                 c.flagged, c.status_colour AS "statusColour"
            FROM check_ins c
           WHERE c.venue_id = $1 AND c.checked_in_at >= $2 AND c.checked_in_at < $3
           ORDER BY c.checked_in_at DESC LIMIT $6) e)::text AS "itemsJson"
  FROM venues v WHERE v.id = $1`;

/**
 * The venue and its day [from, to): null when no such venue. `limit` newest entries, as the JSON text
 * of TodayEntry[] (passed on as it is: parsing and writing 200 rows again was a fifth of the request),
 * phones whole or masked (`wholePhones`).
 */
export async function readVenueToday(
  q: Queryable,
  venueId: number,
  day: { from: Date; to: Date },
  now: Date,
  limit: number,
  wholePhones: boolean,
) {
  const { rows } = await q.query<
    VenueRow & { inside: number; byChannel: Record<string, number>; itemsJson: string }
  >(
    VENUE_TODAY,
    [venueId, day.from, day.to, now, earliestStayCovering(now), limit, wholePhones],
    'venue_today',
  );
  return rows[0] ?? null;
}
