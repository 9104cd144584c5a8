/**
 * Per-address limits that hold across app nodes (issue 17): the counts live in PostgreSQL
 * (`rate_counters`, UNLOGGED), so N nodes do not let an address through N times its limit.
 *
 * Two ways of counting, by the size of the limit:
 * - strict (≤ STRICT_MAX a window, e.g. logins): each request is added to the shared count before the
 *   answer; concurrent requests share one statement. Exact across nodes.
 * - generous (the public limits, thousands a minute, on the check-in path): each node counts locally
 *   and merges its counts every MERGE_EVERY_MS in one statement, learning the others' counts back.
 *   No database call on the request path; the whole cluster lets through at most
 *   (nodes − 1) × (what one address sends in MERGE_EVERY_MS) more than the limit.
 * When the database does not answer, every node keeps counting locally (its own limit still holds).
 */
import type { Queryable } from '../db/db.js';
import { addToCounters, dropEndedCounters, type CounterIncrement } from '../db/queries/rate-counters.js';

/** Limits up to this many requests a window are counted exactly (a database statement per request). */
export const STRICT_MAX = 100;
const MERGE_EVERY_MS = 200;

interface Counter {
  key: string;
  windowEnds: number;
  /** The total across nodes when last merged. */
  known: number;
  /** Requests this node counted since, not yet sent. */
  pending: number;
  /** Requests this node sent in the merge under way, not yet in `known`. */
  sent: number;
}

export interface Count {
  current: number;
  /** Until the window ends, ms. */
  ttl: number;
}

export class SharedRateCounters {
  private counters = new Map<string, Counter>();
  private merging: Promise<void> | undefined;
  private timer: NodeJS.Timeout;
  private lastSweepMs = 0;

  constructor(
    private readonly db: Queryable,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.timer = setInterval(() => void this.merge(), MERGE_EVERY_MS);
    this.timer.unref();
  }

  /** Counts one request of `key` in the current window of `windowMs`; answers the count so far. */
  async increment(key: string, windowMs: number, max: number): Promise<Count> {
    const now = this.nowMs();
    const windowEnds = (Math.floor(now / windowMs) + 1) * windowMs;
    const id = `${key}@${windowEnds}`;
    let counter = this.counters.get(id);
    if (!counter) this.counters.set(id, (counter = { key, windowEnds, known: 0, pending: 0, sent: 0 }));
    counter.pending += 1;
    if (max <= STRICT_MAX) await this.merge();
    return { current: counter.known + counter.sent + counter.pending, ttl: windowEnds - now };
  }

  /** Adds every pending count to the shared ones and learns the totals (one statement at a time). */
  merge(): Promise<void> {
    if (this.merging) {
      // Whoever asks during a merge is served by the next one, which starts right after.
      return this.merging.then(() => this.merge());
    }
    this.merging = this.mergeOnce().finally(() => (this.merging = undefined));
    return this.merging;
  }

  private async mergeOnce() {
    const now = this.nowMs();
    const sending: [Counter, number][] = [];
    for (const [id, c] of this.counters) {
      if (c.windowEnds <= now) this.counters.delete(id);
      else if (c.pending) sending.push([c, c.pending]);
    }
    if (!sending.length) return;
    // Counted as sent until the totals come back: a request meanwhile still sees them.
    for (const [c, by] of sending) {
      c.pending -= by;
      c.sent += by;
    }
    const increments: CounterIncrement[] = sending.map(([c, by]) => ({
      key: c.key,
      windowEnds: c.windowEnds,
      by,
    }));
    let totals: Awaited<ReturnType<typeof addToCounters>>;
    try {
      totals = await addToCounters(this.db, increments);
    } catch {
      // Not merged: counted again next time; meanwhile this node's own counts still limit.
      for (const [c, by] of sending) {
        c.sent -= by;
        c.pending += by;
      }
      return;
    }
    const byId = new Map(totals.map((t) => [`${t.key}@${t.windowEnds}`, t.count]));
    for (const [c, by] of sending) {
      c.sent -= by;
      c.known = byId.get(`${c.key}@${c.windowEnds}`) ?? c.known + by;
    }
    if (now - this.lastSweepMs > 60_000) {
      this.lastSweepMs = now;
      // Merged already: a failed sweep must not count the merge again; the next sweep forgets the rows.
      await dropEndedCounters(this.db, now - 60_000).catch(() => undefined);
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}
