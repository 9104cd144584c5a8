/**
 * Batches concurrent calls of the same kind (check-in writes, scanner reads) into one database round
 * trip. Items that arrive in the
 * same turn of the event loop (requests parsed together under load) go out together, at most
 * `maxBatch` at a time; a lone request goes out alone without waiting. Nothing is kept beyond the
 * few milliseconds a batch is in flight, so app nodes stay interchangeable.
 *
 * With `maxInFlight`, no more batches than that are out at once: the items that arrive meanwhile wait
 * and go out together when one comes back. For an engine that runs one statement at a time (PGlite),
 * sending a batch it cannot start yet gains nothing and splits the waiting items into small batches.
 *
 * If a batch fails, its items are retried one by one, so one bad row cannot fail its neighbours;
 * when the database is unavailable, every item fails at once instead.
 */
import { unavailability } from '../db/failures.js';

export class Batcher<I, O> {
  private pending: { item: I; resolve(o: O): void; reject(e: unknown): void }[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly runMany: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 64,
    /** Told the size of each batch sent (metrics). */
    private readonly onBatch: (size: number) => void = () => undefined,
    private readonly maxInFlight = Infinity,
  ) {}

  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    this.scheduled = false;
    if (this.inFlight >= this.maxInFlight) return; // sent when a batch comes back (settled)
    const batch = this.pending.splice(0, this.maxBatch);
    if (this.pending.length && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (batch.length === 0) return;
    this.onBatch(batch.length);
    this.inFlight += 1;
    const settled = () => {
      this.inFlight -= 1;
      if (this.pending.length && !this.scheduled) this.flush();
    };
    this.runMany(batch.map((b) => b.item)).finally(settled).then(
      (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
      (err) => {
        // A database that cannot answer would fail each retry too, only later: answer 503 now.
        if (batch.length === 1 || unavailability(err)) return batch.forEach((b) => b.reject(err));
        for (const b of batch) this.runMany([b.item]).then((r) => b.resolve(r[0]!), b.reject);
      },
    );
  }
}
