/**
 * Contact tracing's one rule (F12): who was at the same venue at the same time as a confirmed case.
 *
 * A stay occupies its venue from check-in to check-out; without a check-out, until the default end
 * recorded with it (`stayMinutes` after check-in); never longer than MAX_STAY_MINUTES (a stay left
 * open for days is clamped). A case's stay is widened by `marginMs` on both sides (the air, surfaces
 * and late leavers). A contact's exposure at a venue is the total time their stays there share with
 * the case's widened stays there, each instant counted once (union), in whole seconds. Touching
 * windows share nothing. SQL in db/queries/tracing.ts implements the same rule; a property test
 * compares the two.
 */
import { MAX_STAY_MINUTES } from './stay.js';

export interface Stay {
  venueId: number;
  /** Who: phone and name key (family members share a phone, not a name). */
  personKey: string;
  checkedInAt: number;
  checkedOutAt: number | null;
  stayMinutes: number;
}

export interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;

/** [start, end) a stay occupies its venue, in ms. */
export function presence(s: Pick<Stay, 'checkedInAt' | 'checkedOutAt' | 'stayMinutes'>): Interval {
  const planned = s.checkedOutAt ?? s.checkedInAt + s.stayMinutes * MINUTE;
  const end = Math.min(planned, s.checkedInAt + MAX_STAY_MINUTES * MINUTE);
  return { start: s.checkedInAt, end: Math.max(s.checkedInAt, end) };
}

export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : null;
}

/** Total length of a set of intervals, each instant counted once. */
export function unionLength(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let current: Interval | null = null;
  for (const i of sorted) {
    if (current && i.start <= current.end) current.end = Math.max(current.end, i.end);
    else {
      if (current) total += current.end - current.start;
      current = { ...i };
    }
  }
  return current ? total + current.end - current.start : total;
}

export interface Exposure {
  personKey: string;
  venueId: number;
  /** Shared time in whole seconds. */
  overlapSeconds: number;
}

/**
 * Everyone whose stays overlapped the case's widened stays, per person and venue. The case's own
 * stays (same person key) are never contacts. Sorted by venue, then longest exposure first.
 */
export function exposures(caseStays: readonly Stay[], others: readonly Stay[], marginMs: number): Exposure[] {
  const caseKeys = new Set(caseStays.map((s) => s.personKey));
  const windows = caseStays.map((s) => {
    const p = presence(s);
    return { venueId: s.venueId, start: p.start - marginMs, end: p.end + marginMs };
  });
  const shared = new Map<string, { personKey: string; venueId: number; parts: Interval[] }>();
  for (const other of others) {
    if (caseKeys.has(other.personKey)) continue;
    const p = presence(other);
    for (const w of windows) {
      if (w.venueId !== other.venueId) continue;
      const part = intersect(p, w);
      if (!part) continue;
      const key = `${other.venueId}\u0000${other.personKey}`;
      const entry = shared.get(key) ?? { personKey: other.personKey, venueId: other.venueId, parts: [] };
      entry.parts.push(part);
      shared.set(key, entry);
    }
  }
  return [...shared.values()]
    .map((e) => ({
      personKey: e.personKey,
      venueId: e.venueId,
      overlapSeconds: Math.floor(unionLength(e.parts) / 1000),
    }))
    .filter((e) => e.overlapSeconds > 0)
    .sort(
      (a, b) =>
        a.venueId - b.venueId ||
        b.overlapSeconds - a.overlapSeconds ||
        a.personKey.localeCompare(b.personKey),
    );
}

/** One stay's part of a case window (the database intersects them): who, where, when, in ms. */
export interface SharedPart {
  checkInId: string;
  phone: string;
  nameKey: string;
  fullName: string;
  venueId: number;
  checkedInAt: number;
  start: number;
  end: number;
}

export interface SharedByPerson {
  phone: string;
  nameKey: string;
  /** The name on their latest stay at the venue. */
  fullName: string;
  venueId: number;
  overlapSeconds: number;
  /** When the shared time began (ms). */
  firstAt: number;
  /** Their stays that shared time (where a notice goes), each once. */
  checkIns: { id: string; at: number }[];
}

/**
 * The parts united per person and venue, in whole seconds, as `exposures` does: the second half of
 * the rule, applied to the intersections the database found. People sharing nothing are left out.
 */
export function sharedByPerson(parts: readonly SharedPart[]): SharedByPerson[] {
  const byPerson = new Map<string, { row: SharedByPerson; parts: Interval[]; latest: number }>();
  for (const p of parts) {
    if (!(p.end > p.start)) continue;
    const key = `${p.phone}\u0000${p.nameKey}\u0000${p.venueId}`;
    let entry = byPerson.get(key);
    if (!entry) {
      const row: SharedByPerson = {
        phone: p.phone,
        nameKey: p.nameKey,
        fullName: p.fullName,
        venueId: p.venueId,
        overlapSeconds: 0,
        firstAt: p.start,
        checkIns: [],
      };
      entry = { row, parts: [], latest: p.checkedInAt };
      byPerson.set(key, entry);
    }
    entry.parts.push({ start: p.start, end: p.end });
    // A stay shares time with several windows of the case at the same venue: it is one check-in.
    if (!entry.row.checkIns.some((ci) => ci.id === p.checkInId))
      entry.row.checkIns.push({ id: p.checkInId, at: p.checkedInAt });
    if (p.start < entry.row.firstAt) entry.row.firstAt = p.start;
    if (p.checkedInAt > entry.latest) {
      entry.latest = p.checkedInAt;
      entry.row.fullName = p.fullName;
    }
  }
  const people: SharedByPerson[] = [];
  for (const { row, parts: shared } of byPerson.values()) {
    row.overlapSeconds = Math.floor(unionLength(shared) / 1000);
    if (row.overlapSeconds > 0) people.push(row);
  }
  return people;
}

/** Minutes shown to tracers: whole minutes, rounded half up, at least 1 for any contact. */
export function overlapMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}
