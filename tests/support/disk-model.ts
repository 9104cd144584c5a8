/**
 * What a disk holds after a power cut, as opposed to what the page cache holds: a copy of a data
 * directory that receives a write only when the engine flushes that file. Fed by PGlite's file-layer
 * observer. Renames and removals are applied at once (the model is generous with metadata and strict
 * with data, which is what a commit's durability depends on).
 */
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
  ftruncateSync,
} from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { FileLayerObserver } from '../../src/server/db/pglite-files.js';

export class DiskModel implements FileLayerObserver {
  private readonly unflushed = new Map<string, { ranges: [number, number][]; size?: number }>();
  flushes: string[] = [];

  /** `liveDir` must be flushed and closed when this starts: its current files are on the disk. */
  constructor(
    private readonly liveDir: string,
    readonly diskDir: string,
  ) {
    cpSync(liveDir, diskDir, { recursive: true });
  }

  private onDisk(path: string): string | null {
    const rel = relative(resolve(this.liveDir), path);
    return rel.startsWith('..') ? null : resolve(this.diskDir, rel);
  }

  private pending(path: string) {
    let entry = this.unflushed.get(path);
    if (!entry) this.unflushed.set(path, (entry = { ranges: [] }));
    return entry;
  }

  written(path: string, position: number, length: number) {
    if (length > 0) this.pending(path).ranges.push([position, length]);
  }

  truncated(path: string, size: number) {
    this.pending(path).size = size;
  }

  flushed(path: string) {
    this.flushes.push(path);
    const entry = this.unflushed.get(path);
    const target = this.onDisk(path);
    if (!entry || !target) return;
    this.unflushed.delete(path);
    mkdirSync(dirname(target), { recursive: true });
    const source = openSync(path, 'r');
    const disk = openSync(target, existsSync(target) ? 'r+' : 'w+');
    try {
      if (entry.size !== undefined) ftruncateSync(disk, entry.size);
      for (const [position, length] of entry.ranges) {
        const bytes = Buffer.alloc(length);
        const read = readSync(source, bytes, 0, length, position);
        writeSync(disk, bytes, 0, read, position);
      }
    } finally {
      closeSync(source);
      closeSync(disk);
    }
  }

  renamed(from: string, to: string) {
    const [a, b] = [this.onDisk(from), this.onDisk(to)];
    if (a && b && existsSync(a)) renameSync(a, b);
    const entry = this.unflushed.get(from);
    if (entry) {
      this.unflushed.delete(from);
      this.unflushed.set(to, entry);
    }
  }

  removed(path: string) {
    const target = this.onDisk(path);
    if (target) rmSync(target, { recursive: true, force: true });
    this.unflushed.delete(path);
  }

  /** Data written but not flushed, per file (what a power cut now would lose). */
  unflushedFiles(): string[] {
    return [...this.unflushed.keys()];
  }

  /** The disk as it is now, copied to `dir` (call right after an acknowledgement). */
  powerCut(dir: string) {
    cpSync(this.diskDir, dir, { recursive: true });
  }
}
