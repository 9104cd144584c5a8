#!/usr/bin/env node
// Builds the web app (dist/web) and the server's JavaScript (dist/node) when a source changed since the
// last build: run by `npm ci` (prepare), before `npm start` and by the tests. Production runs the
// result with plain `node dist/node/server/main.js`, so SIGTERM reaches the server itself.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const stamp = join(root, 'dist/.build-stamp');
const inputs = [
  'src',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
  'vite.checkin.config.ts',
  'scripts/precompress.mjs',
];

function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stats.mtimeMs);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = inputs
  .map((p) => join(root, p))
  .filter(existsSync)
  .some((p) => newest(p) > built);
if (changed || process.argv.includes('--force')) {
  console.log('building the web app and the server…');
  // Always the production bundle, whoever asks (vitest runs with NODE_ENV=test, which would bundle
  // libraries' development builds).
  execSync('npm run --silent build', {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(stamp, new Date().toISOString() + '\n');
}
