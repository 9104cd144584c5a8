/**
 * npm run cluster -- up [dir] | down [dir]
 * Brings up (or tears down) the loopback deployment of scripts/cluster/topology.ts: PostgreSQL primary
 * and streaming replica, two app nodes, HAProxy in front. Prints the address to open.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Cluster } from './topology.js';

const ROOT = resolve(import.meta.dirname, '../..');
const [command, dirArg] = process.argv.slice(2);
const dir = resolve(dirArg ?? '/tmp/qr-cluster');

if (command === 'up') {
  execFileSync('bash', ['scripts/ensure-system-deps.sh'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const passOn = ['ADMIN_USERNAME', 'ADMIN_PASSWORD', 'ADMIN_UNITS_VERSION', 'READ_MAX_LAG_SECONDS'];
  const env = Object.fromEntries(passOn.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const cluster = await Cluster.up(dir, env).catch((err: unknown) => {
    console.error(`the cluster did not come up (logs in ${dir}):`, err);
    try {
      Cluster.load(dir).down();
    } catch {
      /* nothing started */
    }
    process.exit(1);
  });
  console.log(cluster.describe());
  console.log(`\nOpen ${cluster.url}  ·  stop with: npm run cluster -- down ${dir}`);
  if (!env.ADMIN_USERNAME) console.log(`The first admin's setup link is in ${dir}/node1.log.`);
} else if (command === 'down') {
  Cluster.load(dir).down();
  rmSync(dir, { recursive: true, force: true });
  console.log(`stopped and removed ${dir}`);
} else {
  console.error('usage: npm run cluster -- up [dir] | down [dir]');
  process.exit(2);
}
