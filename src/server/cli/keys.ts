/**
 * Key management from the command line (no database needed): `npm run keys -- list | rotate | retire ID`.
 * Works on KEYS_DIR (default DATA_DIR/keys). After `rotate`, copy the directory to every node and
 * restart them; codes signed by older keys keep verifying until those keys are retired.
 */
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../config.js';
import { readKeyDirectory, rotateKey } from '../services/keys.js';

async function main() {
  const [command, id] = process.argv.slice(2);
  const dir = parseConfig(process.env).keysDir;
  if (!dir) throw new Error('set KEYS_DIR or DATA_DIR');
  const { keys, currentId } = await readKeyDirectory(dir);
  switch (command) {
    case 'list':
      for (const k of keys)
        console.log(
          `${k.id}${k.id === currentId ? '  current (signs new codes)' : k.legacy ? '  legacy (verifies only)' : '  verifies only'}`,
        );
      for (const f of await readdir(join(dir, 'retired')).catch(() => [])) console.log(`${f[0]}  retired`);
      return;
    case 'rotate': {
      const key = await rotateKey(dir);
      console.log(`key ${key.id} now signs new codes; copy ${dir} to every node and restart them`);
      return;
    }
    case 'retire': {
      if (!id || !keys.some((k) => k.id === id)) throw new Error(`no key ${id ?? '(none given)'} in ${dir}`);
      if (id === currentId) throw new Error(`key ${id} is current: rotate first`);
      await mkdir(join(dir, 'retired'), { recursive: true, mode: 0o700 });
      const file = (await readdir(dir)).find((f) => f.startsWith(`${id}.`) && f.endsWith('.key'))!;
      await rename(join(dir, file), join(dir, 'retired', file));
      console.log(`key ${id} retired: posters, cards and tokens it signed no longer verify after a restart`);
      return;
    }
    case undefined:
    default:
      console.log('usage: npm run keys -- list | rotate | retire ID');
      process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
