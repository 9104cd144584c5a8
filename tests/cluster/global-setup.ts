/**
 * Once per cluster run: the loopback deployment of scripts/cluster/topology.ts (PostgreSQL primary and
 * streaming replica, two app nodes, HAProxy), and a stand-in for the carrier's SMS gateway that
 * records what it is sent (GET /received), so a test can see each message went out once.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Cluster } from '../../scripts/cluster/topology.js';
import { SHARED_SERVER_ENV } from '../e2e/support/admin.js';
import { buildIfStale } from '../support/server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's directory (cluster.json names its ports). */
    clusterDir: string;
    /** The stand-in SMS gateway. */
    smsGatewayUrl: string;
  }
}

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/cluster');

export default async function setup(project: TestProject) {
  buildIfStale();
  const sms = await recordingSmsGateway();
  const dir = mkdtempSync(join(tmpdir(), 'qr-cluster-'));
  const cluster = await Cluster.up(dir, {
    ...SHARED_SERVER_ENV,
    READ_MAX_LAG_SECONDS: '2',
    SMS_GATEWAY_URL: `${sms.url}/send`,
    SMS_GATEWAY_KEY: 'cluster-test-key',
  }).catch((err: unknown) => {
    keepLogs(dir);
    throw err;
  });
  project.provide('clusterDir', dir);
  project.provide('smsGatewayUrl', sms.url);
  project.provide('sharedServerUrl', cluster.url);
  return () => {
    Cluster.load(dir).down();
    keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
    sms.server.close();
  };
}

/** The nodes' and servers' logs, for a failure's post-mortem. */
function keepLogs(dir: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  cpSync(dir, ARTIFACTS, { recursive: true, filter: (src) => src === dir || src.endsWith('.log') });
}

async function recordingSmsGateway(): Promise<{ url: string; server: Server }> {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/received') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(received));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.statusCode = 200;
      res.end('{}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}
