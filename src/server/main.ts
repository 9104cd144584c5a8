/**
 * Entry point: config → database → migrations → listen → graceful close.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { prepareContext } from './bootstrap.js';
import { ConfigError, parseConfig } from './config.js';
import { firstAdminLink } from './services/first-admin.js';
import { startJobs } from './jobs.js';
import { startupReport } from './startup-report.js';

const DISK_CHECK_MS = 5000;

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const ctx = await prepareContext(config, undefined, undefined, { processFigures: true });
  const app = await buildApp(ctx, { logger: true });
  trackInFlight(app);
  ctx.diskFloor?.watch(DISK_CHECK_MS, (disk) => {
    const figures = {
      freeMB: Math.floor(disk.freeBytes / 2 ** 20),
      floorMB: Math.floor(disk.floorBytes / 2 ** 20),
    };
    if (disk.low)
      app.log.error(figures, 'free disk space below the floor: writes refused until space is freed');
    else app.log.info(figures, 'free disk space back above the floor: writes accepted');
  });
  const jobs = await startJobs(ctx, app.log);
  let closing = false;

  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    jobs.stop();
    ctx.diskFloor?.stop();
    // New requests get 503 shutting_down; those already running finish before the database closes.
    await app.close();
    await drained(app, 10_000);
    await ctx.reads.close();
    await ctx.db.close();
    app.log.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`ready on ${config.publicUrl} (database: ${ctx.db.kind})`);
  console.log(startupReport(ctx, await firstAdminLink(ctx)));
}

let inFlight = 0;

function trackInFlight(app: FastifyInstance) {
  app.server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
  });
}

/** Waits for open requests (at most `timeoutMs`), then a short grace for handlers whose client left. */
async function drained(_app: FastifyInstance, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 300));
}

main().catch((err) => {
  // The real cause, with its own causes (PGlite's "failed to initialize" says nothing by itself).
  console.error('failed to start:', err);
  process.exit(1);
});
