/**
 * A venue's today list (F9) in one round trip: the venue (for the access check), the people inside
 * now, the entries per channel and the newest entries, read as one text of their plain columns and
 * JSON arrays of their phones and names. The page a manager keeps open at the door is read often; one
 * statement instead of four, and one row instead of 200 rows of typed columns, is what made it cheap
 * (bench/venue-today).
 */
import type { Queryable } from '../db.js';
import type { TodayCheckIn } from '../../../shared/api/venues.js';
import type { Channel, StatusColour } from '../../../shared/contracts.js';
import { jsonInstant, type JsonBytes, type WritesExactly } from '../../domain/json-bytes.js';
import { earliestStayCovering, EPOCH_MS, insideAt } from './check-ins.js';
import { numberOrNull, plainFields, plainFieldsAgg } from './plain-fields.js';
import { SESSION_ACTOR, type SessionActorRow, type SessionKey } from './users.js';
import type { VenueRow } from './venues.js';

/** A row of a LEFT JOIN whose right side found nothing: every column null. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * The newest entries, a column each, newest first: id, phone, channel, in and out (ms since 1970),
 * flagged, status colour (entryColumns builds them from what PostgreSQL writes). Each null when the
 * day has no entry. The names come apart (`names`).
 */
type TodayColumns = [
  string[],
  string[],
  Channel[],
  number[],
  (number | null)[],
  boolean[],
  (StatusColour | null)[],
];
type NoEntries = [null, null, null, null, null, null, null];

/** What `writeTodayEntries` writes: the newest entries' columns and their names, in one order. */
export interface TodayEntriesRead {
  entries: TodayColumns | NoEntries;
  names: string[] | null;
}

/**
 * The newest entries' plain fields as PostgreSQL writes them (plain-fields.ts): in and out in ms since
 * 1970. Their phones and names come as JSON arrays in the same order.
 */
const ENTRY_FIELDS = [
  'e.id',
  'e.channel',
  EPOCH_MS('e.checked_in_at'),
  EPOCH_MS('e.checked_out_at'),
  'e.flagged',
  'e.status_colour',
];

// The counts per channel are a second pass over the day's rows, made only when the list may not hold
// them all (as many rows as the limit, or more): a day with fewer is counted from its entries.
// The aggregates follow the subquery's order (one aggregation pass over the limited rows; no ORDER BY of
// their own, which would sort 200 rows eight times). The rows come in the index's order, newest first,
// with every row tied with the last one (`WITH TIES`): ordering equal instants by id is left to
// `writeTodayEntries` (a sort in the statement cost PostgreSQL ≈ 0.1 ms of its ≈ 1 ms). A route test
// pins the order.
const VENUE_TODAY = `
WITH session AS MATERIALIZED (${SESSION_ACTOR('$7', '$8')})
SELECT (SELECT actor FROM session) AS actor, today.*
  FROM (SELECT 1) one LEFT JOIN (
SELECT v.id, v.admin_unit_path AS "adminUnitPath", v.capacity,
       ${insideAt('v.id', '$4::timestamptz', 'TRUE', '$5::timestamptz')} AS inside,
       CASE WHEN newest.n >= $6 THEN (SELECT COALESCE(json_object_agg(channel, n), '{}'::json) FROM (
          SELECT channel, count(*)::int AS n FROM check_ins
           WHERE venue_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY channel) t) END AS "byChannel",
       newest.entries, newest.phones, newest.names
  FROM venues v
  CROSS JOIN LATERAL (
       SELECT ${plainFieldsAgg(ENTRY_FIELDS)} AS entries,
              json_agg(e.person_phone) AS phones, json_agg(e.person_full_name) AS names, count(*) AS n
         FROM (SELECT c.id, c.person_full_name, c.person_phone, c.channel, c.checked_in_at, c.checked_out_at,
                      c.flagged, c.status_colour
                 FROM check_ins c
                WHERE c.venue_id = $1 AND c.checked_in_at >= $2 AND c.checked_in_at < $3
                ORDER BY c.checked_in_at DESC FETCH FIRST $6 ROWS WITH TIES) e) newest
 WHERE v.id = $1 AND EXISTS (SELECT 1 FROM session)) today ON TRUE`;

/** The venue's place (for the access check) and capacity, and its day. */
type TodayRead = Pick<VenueRow, 'id' | 'adminUnitPath' | 'capacity'> & {
  inside: number;
  byChannel: Record<string, number> | null;
} & TodayEntriesRead;

interface TodayWritten {
  entries: string | null;
  phones: string[] | null;
}

/** The entries' columns from TodayWritten (nothing for a day without entries). */
function entryColumns({ entries, phones }: TodayWritten): TodayColumns | NoEntries {
  if (entries === null || phones === null) return [null, null, null, null, null, null, null];
  const { fields, rows } = plainFields(entries, ENTRY_FIELDS.length);
  const columns: TodayColumns = [[], phones, [], [], [], [], []];
  const [id, , channel, checkedInAt, checkedOutAt, flagged, statusColour] = columns;
  for (let i = 0, f = 0; i < rows; i++, f += ENTRY_FIELDS.length) {
    id.push(fields[f]!);
    channel.push(fields[f + 1] as Channel);
    checkedInAt.push(Number(fields[f + 2]));
    checkedOutAt.push(numberOrNull(fields[f + 3]!));
    flagged.push(fields[f + 4] === 'true');
    statusColour.push((fields[f + 5] || null) as StatusColour | null);
  }
  return columns;
}

/**
 * The caller (from their session: `session`) and, when the session is live, the venue and its day
 * [from, to) (null: no such venue). Its `limit` newest entries (and any more at the same instant as
 * the last) come as columns; `writeTodayEntries` orders and writes them. One statement: the page a
 * manager keeps open at the door spends no round trip on the session (≈ 0.2 ms of the database's
 * CPU and 0.15 ms of the app's a request, bench/venue-today).
 */
export async function readVenueToday(
  q: Queryable,
  venueId: number,
  day: { from: Date; to: Date },
  now: Date,
  limit: number,
  session: SessionKey,
) {
  const { rows } = await q.query<
    { actor: SessionActorRow | null } & Nullable<Omit<TodayRead, 'entries'>> & TodayWritten
  >(
    VENUE_TODAY,
    [venueId, day.from, day.to, now, earliestStayCovering(now), limit, session.tokenHash, session.now],
    'venue_today',
  );
  const { actor, entries: written, phones, ...read } = rows[0]!;
  if (read.id === null) return { actor, value: null };
  const today = { ...read, entries: entryColumns({ entries: written, phones }) } as TodayRead;
  return { actor, value: { ...today, byChannel: today.byChannel ?? countByChannel(today.entries[2] ?? []) } };
}

/** Entries per channel, when the entries read are the whole day. */
function countByChannel(channels: readonly Channel[]) {
  const counts: Record<string, number> = {};
  for (const channel of channels) counts[channel] = (counts[channel] ?? 0) + 1;
  return counts;
}

const quoted = (plain: string | null) => (plain === null ? 'null' : `"${plain}"`);

/** The keys `writeTodayEntries` writes for an entry. */
type WrittenKeys =
  'id' | 'fullName' | 'phone' | 'channel' | 'checkedInAt' | 'checkedOutAt' | 'flagged' | 'statusColour';
// A key of the contract's entry not written, or one written that it lacks, is a compile error here.
const writesEveryKey: WritesExactly<TodayCheckIn, WrittenKeys> = true;
void writesEveryKey;

/**
 * The order the entries read are written in, at most `limit` of them: newest first (as read), entries
 * of the same millisecond by id (the API shows instants to the millisecond). Ids are UUIDs in lower-case
 * text, whose order is PostgreSQL's order of the UUIDs.
 */
export function newestFirst(checkedInAt: number[], id: string[], limit: number): number[] {
  const order = Array.from({ length: id.length }, (_, i) => i);
  for (let start = 0; start < order.length && start < limit;) {
    let end = start + 1;
    while (end < order.length && checkedInAt[end] === checkedInAt[start]) end++;
    if (end - start > 1) {
      const run = order.slice(start, end).sort((a, b) => (id[a]! < id[b]! ? -1 : 1));
      order.splice(start, run.length, ...run);
    }
    start = end;
  }
  return order.length > limit ? order.slice(0, limit) : order;
}

/**
 * Writes the contract's TodayCheckIn[] for the entries read (ordered and cut by `newestFirst`), each
 * phone as `phoneAsSeen` shows it, into `out` (ids, channels and colours need no escaping; names and
 * phones go through JSON.stringify). PostgreSQL writing this text itself spent 1.25 of its 2.0 ms on
 * it for 200 entries; here ≈ 0.2 ms of the app's. The route test pins the answer to the contract (and
 * WrittenKeys to the text written below).
 */
export function writeTodayEntries(
  out: JsonBytes,
  { entries, names }: TodayEntriesRead,
  phoneAsSeen: (phone: string) => string,
  limit: number,
) {
  if (entries[0] === null || names === null) {
    out.write('[]');
    return;
  }
  const [id, phone, channel, checkedInAt, checkedOutAt, flagged, statusColour] = entries;
  out.writeArray(
    newestFirst(checkedInAt, id, limit),
    (i) =>
      `{"id":"${id[i]}","fullName":${JSON.stringify(names[i])},` +
      `"phone":${JSON.stringify(phoneAsSeen(phone[i]!))},"channel":"${channel[i]}",` +
      `"checkedInAt":${jsonInstant(checkedInAt[i]!)},"checkedOutAt":${jsonInstant(checkedOutAt[i] ?? null)},` +
      `"flagged":${flagged[i]},"statusColour":${quoted(statusColour[i] ?? null)}}`,
  );
}
