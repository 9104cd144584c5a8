/** Starts the real server (`dist/node/server/main.js`) on a free port against a fresh database. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '../../support/database.js';
import { spawnServer } from '../../support/server-process.js';
import { provided } from '../../support/provided.js';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qr-e2e-'));
  const db = await freshDatabase();
  // A copy of the run's migrated database (tests/support/global-setup.ts): no initdb, no migrations.
  const template = await provided('pgliteTemplateDir');
  if (!db.url && template) cpSync(template, dataDir, { recursive: true });
  // The built server (global setup builds it when stale): no TypeScript compiled at each start.
  const server = await spawnServer(
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(db.url ? { DATABASE_URL: db.url } : {}),
      ...env,
    },
    { nodeArgs },
  );
  await server.healthy();
  return {
    baseUrl: server.baseUrl,
    async stop() {
      server.child.kill('SIGTERM');
      const { code } = await server.exited;
      if (code !== 0) process.stderr.write(`${server.lines.join('\n')}\n`);
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
