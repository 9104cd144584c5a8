/** Starts the real server (`dist/node/server/main.js`) on a free port against a fresh database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverStorage } from '../../support/database.js';
import { spawnServer } from '../../support/server-process.js';

export interface RunningServer {
  baseUrl: string;
  /** The server's process, when started here (benchmarks read its memory). */
  pid?: number;
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  templateDir?: string,
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qr-e2e-'));
  const { env: storage, db } = await serverStorage(dataDir, templateDir);
  // The built server (global setup builds it when stale): no TypeScript compiled at each start.
  const server = await spawnServer({ ...storage, LOG_LEVEL: 'warn', ...env }, { nodeArgs });
  await server.healthy();
  return {
    baseUrl: server.baseUrl,
    pid: server.child.pid,
    async stop() {
      server.child.kill('SIGTERM');
      const { code } = await server.exited;
      if (code !== 0) process.stderr.write(`${server.lines.join('\n')}\n`);
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
