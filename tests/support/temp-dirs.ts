/** Temporary directories of one test file, all removed after its tests (call in the file's scope). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export function tempDirs(prefix: string): (name?: string) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (name = 'dir') => {
    const dir = mkdtempSync(join(tmpdir(), `qr-${prefix}-${name}-`));
    made.push(dir);
    return dir;
  };
}
