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

/** Minutes shown to tracers: whole minutes, rounded half up, at least 1 for any contact. */
export function overlapMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}
