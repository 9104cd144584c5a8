/**
 * Where the project's files are, whether the server runs from its TypeScript sources (tests, tsx) or
 * from the compiled JavaScript in dist/node (production): found from the nearest package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(import.meta.dirname);
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
export const ADMIN_UNITS_DIR = join(PROJECT_ROOT, 'reference-data/admin-units');
export const WEB_DIR = join(PROJECT_ROOT, 'dist/web');
