/**
 * One process at a time in an embedded database's directory: PGlite has no postmaster to refuse a
 * second opener, and two engines writing one directory would corrupt it. The lock file holds the
 * owner's pid; a lock left by a process that no longer runs (kill -9, power cut) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.qr-checkin.lock';

export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  try {
    writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number(readFileSync(path, 'utf8').trim());
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new Error(`${dir} is in use by process ${owner}: stop it first (one process per data directory)`);
    }
    writeFileSync(path, `${process.pid}\n`);
  }
  return () => rmSync(path, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
