/**
 * The embedded database must never meet a full disk: PostgreSQL that cannot write its WAL stops, and
 * PGlite does not come back from it by itself. Free space in DATA_DIR is checked at start and every few
 * seconds; below the floor, writes are refused with 503 (see the guard) and health fails, until space
 * is freed.
 */
import { statfsSync } from 'node:fs';

export interface DiskState {
  freeBytes: number;
  floorBytes: number;
  low: boolean;
}

export class DiskFloor {
  private state: DiskState;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    readonly floorBytes: number,
    /** Free bytes of the file system holding `dir` (replaceable in tests). */
    private readonly measure: (dir: string) => number = freeBytesOf,
  ) {
    this.state = this.check();
  }

  get current(): DiskState {
    return this.state;
  }

  /** Measures again; `onChange` of start() hears when the state crosses the floor. */
  check(): DiskState {
    const freeBytes = this.measure(this.dir);
    this.state = { freeBytes, floorBytes: this.floorBytes, low: freeBytes < this.floorBytes };
    return this.state;
  }

  /** Checks every `intervalMs` and reports each crossing of the floor (both ways). */
  watch(intervalMs: number, onChange: (state: DiskState) => void) {
    this.stop();
    this.timer = setInterval(() => {
      const wasLow = this.state.low;
      const now = this.check();
      if (now.low !== wasLow) onChange(now);
    }, intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

function freeBytesOf(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}
