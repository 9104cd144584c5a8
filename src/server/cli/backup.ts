/**
 * Backup and restore of the embedded database from the command line:
 *   npm run backup -- create FILE.tar.gz     (the app stopped: one process per data directory)
 *   npm run backup -- restore FILE.tar.gz    (into an empty DATA_DIR)
 * The archive holds the database only; KEYS_DIR is backed up separately (README). On PostgreSQL, use
 * the server's own tools (pg_dump / pg_restore, pg_basebackup): see the README.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseConfig } from '../config.js';
import { dumpPgliteDataDir, restorePgliteDataDir } from '../db/pglite.js';

async function main() {
  const [command, file] = process.argv.slice(2);
  const config = parseConfig(process.env);
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: back PostgreSQL up with pg_dump or pg_basebackup (see the README)');
    process.exit(2);
  }
  const dir = config.dataDir;
  if (!file || (command !== 'create' && command !== 'restore')) {
    console.log('usage: npm run backup -- create FILE.tar.gz | restore FILE.tar.gz');
    process.exit(2);
  }
  if (command === 'create') {
    if (existsSync(file)) throw new Error(`${file} exists: choose a new name`);
    const backup = await dumpPgliteDataDir(dir);
    await writeFile(file, backup, { mode: 0o600 });
    console.log(
      `${dir} → ${file} (${Math.round(backup.length / 1024)} kB). Keep ${config.keysDir} backed up separately.`,
    );
  } else {
    await restorePgliteDataDir(dir, await readFile(file));
    console.log(`${file} → ${dir}. Put the keys of that database in ${config.keysDir} before starting.`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
