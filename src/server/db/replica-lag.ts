/**
 * How far a streaming replica is behind its primary, in time, without writing anything: the primary's
 * WAL position is sampled with the time it was seen; the replica is behind by the age of the oldest
 * sample it has not replayed yet (0 when it has replayed them all). Unlike "now − last replayed
 * transaction", an idle primary does not look like a lagging replica.
 */

/** A WAL position as PostgreSQL prints it ("16/B374D848"), as a number that orders like it. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  if (high === undefined || low === undefined || !/^[0-9A-F]+$/i.test(high + low))
    throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface Sample {
  lsn: bigint;
  atMs: number;
}

/** Samples older than this are forgotten: a replica that far behind is "lagging" however far. */
const MEMORY_MS = 15 * 60_000;

export class ReplicaLag {
  private samples: Sample[] = [];

  /** The primary was at `lsn` at `atMs`. */
  primaryAt(lsn: string, atMs: number) {
    const value = lsnValue(lsn);
    const last = this.samples.at(-1);
    if (!last || value > last.lsn) this.samples.push({ lsn: value, atMs });
    while (this.samples.length && this.samples[0]!.atMs < atMs - MEMORY_MS) this.samples.shift();
  }

  /** The replica has replayed up to `lsn`; answers its delay at `nowMs` in ms. */
  replayedTo(lsn: string, nowMs: number): number {
    const value = lsnValue(lsn);
    while (this.samples.length && this.samples[0]!.lsn <= value) this.samples.shift();
    const oldest = this.samples[0];
    return oldest ? nowMs - oldest.atMs : 0;
  }
}
