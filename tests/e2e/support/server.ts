/** Starts the real server (`src/server/main.ts`) on a free port against a fresh database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDatabase } from '../../support/database.js';
import { freePort } from '../../support/server-process.js';
import { provided } from '../../support/provided.js';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'qr-e2e-'));
  const db = await freshDatabase();
  // A copy of the run's migrated database (tests/support/global-setup.ts): no initdb, no migrations.
  const template = await provided('pgliteTemplateDir');
  if (!db.url && template) cpSync(template, dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // The journeys name 2021 units (three levels); the 2025 journey asks for its list.
        ADMIN_UNITS_VERSION: 'vn-gso-2021',
        ...(db.url ? { DATABASE_URL: db.url } : {}),
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
