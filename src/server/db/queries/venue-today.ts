/**
 * A venue's today list (F9) in one round trip: the venue (for the access check), the people inside
 * now, the entries per channel and the newest entries, read as one JSON of column arrays. The page a
 * manager keeps open at the door is read often; one statement instead of four, and one JSON text
 * instead of 200 rows of typed columns, is what made it cheap (bench/venue-today).
 */
import type { Queryable } from '../db.js';
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { isoInstant } from '../../domain/instant.js';
import { earliestStayCovering, EPOCH_MS, insideAt } from './check-ins.js';
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

/**
 * The newest entries, a column each in TodayEntry's order, newest first: id, name, phone, channel, in
 * and out (ms since 1970), flagged, status colour. Each null when the day has no entry.
 */
type TodayColumns = [
  string[],
  string[],
  string[],
  Channel[],
  number[],
  (number | null)[],
  boolean[],
  (StatusColour | null)[],
];
type NoEntries = [null, null, null, null, null, null, null, null];

// The arrays follow the subquery's order (one aggregation pass over the sorted, limited rows; no
// ORDER BY of their own, which would sort 200 rows eight times). A route test pins the order.
const VENUE_TODAY = `
SELECT ${VENUE_COLUMNS},
       ${insideAt('v.id', '$4::timestamptz', 'TRUE', '$5::timestamptz')} AS inside,
       (SELECT COALESCE(json_object_agg(channel, n), '{}'::json) FROM (
          SELECT channel, count(*)::int AS n FROM check_ins
           WHERE venue_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY channel) t) AS "byChannel",
       (SELECT json_build_array(array_agg(e.id), array_agg(e.person_full_name), array_agg(e.person_phone),
                                array_agg(e.channel), array_agg(${EPOCH_MS('e.checked_in_at')}),
                                array_agg(${EPOCH_MS('e.checked_out_at')}), array_agg(e.flagged), array_agg(e.status_colour))
          FROM (SELECT c.id, c.person_full_name, c.person_phone, c.channel, c.checked_in_at, c.checked_out_at,
                       c.flagged, c.status_colour
                  FROM check_ins c
                 WHERE c.venue_id = $1 AND c.checked_in_at >= $2 AND c.checked_in_at < $3
                 ORDER BY c.checked_in_at DESC, c.id LIMIT $6) e) AS entries
  FROM venues v WHERE v.id = $1`;

/**
 * The venue and its day [from, to): null when no such venue. Its `limit` newest entries come as
 * columns; `todayEntriesJson` writes them as the answer's JSON.
 */
export async function readVenueToday(
  q: Queryable,
  venueId: number,
  day: { from: Date; to: Date },
  now: Date,
  limit: number,
) {
  const { rows } = await q.query<
    VenueRow & { inside: number; byChannel: Record<string, number>; entries: TodayColumns | NoEntries }
  >(VENUE_TODAY, [venueId, day.from, day.to, now, earliestStayCovering(now), limit], 'venue_today');
  return rows[0] ?? null;
}

const quoted = (plain: string | null) => (plain === null ? 'null' : `"${plain}"`);
const instant = (ms: number | null) => (ms === null ? 'null' : `"${isoInstant(ms)}"`);

/**
 * The JSON text of TodayEntry[] for the columns read, each phone as `phoneAsSeen` shows it. Written
 * field by field (ids, channels and colours need no escaping; names and phones go through
 * JSON.stringify). PostgreSQL writing this text itself spent 1.25 of its 2.0 ms on it for 200 entries,
 * the arrays cost it 0.5 ms, and this loop ≈ 0.4 ms of the app's (less than building objects and
 * stringifying them); measured on a slow day, in bench/venue-today. A route test pins the answer to
 * the contract.
 */
export function todayEntriesJson(entries: TodayColumns | NoEntries, phoneAsSeen: (phone: string) => string) {
  if (entries[0] === null) return '[]';
  const [id, fullName, phone, channel, checkedInAt, checkedOutAt, flagged, statusColour] = entries;
  const fields: Record<keyof TodayEntry, (i: number) => string> = {
    id: (i) => quoted(id[i]!),
    fullName: (i) => JSON.stringify(fullName[i]),
    phone: (i) => JSON.stringify(phoneAsSeen(phone[i]!)),
    channel: (i) => quoted(channel[i]!),
    checkedInAt: (i) => instant(checkedInAt[i]!),
    checkedOutAt: (i) => instant(checkedOutAt[i] ?? null),
    flagged: (i) => String(flagged[i]),
    statusColour: (i) => quoted(statusColour[i] ?? null),
  };
  const writers = Object.entries(fields).map(
    ([key, write], k) => [`${k ? ',' : '{'}"${key}":`, write] as const,
  );
  let json = '[';
  for (let i = 0; i < id.length; i++) {
    if (i > 0) json += ',';
    for (const [prefix, write] of writers) {
      json += prefix;
      json += write(i);
    }
    json += '}';
  }
  return `${json}]`;
}
