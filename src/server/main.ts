/**
 * Entry point: config → database → migrations → listen → graceful close.
 */
import { deliverDueSms } from './services/sms.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { prepareContext } from './bootstrap.js';
import { ConfigError, parseConfig } from './config.js';
import { firstAdminLink } from './services/first-admin.js';
import { ensurePartitionsAround } from './services/partitions.js';
import { startupReport } from './startup-report.js';
import { rollUpCountry } from './services/country-rollup.js';
import { sketchClosedDays } from './services/people-sketches.js';
import { purgeExpired } from './services/retention.js';

/** How often queued text messages are handed to the gateway. */
const SMS_EVERY_MS = 2000;
const HOUR = 3_600_000;
const TEN_MINUTES = 600_000;
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
  // Jobs may rightly take long (a day of sketches, dropping partitions): no per-call time limit.
  const jobs = { ...ctx, db: ctx.db.withoutTimeLimit() };
  // Every ten minutes: people sketches of ended days (before retention takes their keys), then the
  // country roll-ups of ended days and a snapshot of today's.
  // Hourly: day partitions ahead, and retention (whichever node gets the lock first does it).
  const job = ctx.metrics.job.bind(ctx.metrics);
  const sketching = async () => {
    const built = await job('people_sketches', () => sketchClosedDays(jobs));
    if (built.length) app.log.info({ days: built }, 'people sketches built');
    const rolled = await job('country_rollup', () => rollUpCountry(jobs));
    if (rolled.length) app.log.info({ days: rolled }, 'country roll-ups built');
  };
  const hourly = async () => {
    await job('partitions', () => ensurePartitionsAround(jobs.db, ctx.now(), config.timeZone, 0));
    await sketching();
    const purged = await job('retention', () => purgeExpired(jobs));
    if (purged?.droppedPartitions.length) app.log.info({ purged }, 'retention: expired data removed');
  };
  await hourly().catch((err) => app.log.error({ err }, 'retention job failed'));
  const partitionJob = setInterval(() => {
    hourly().catch((err) => app.log.error({ err }, 'hourly job failed'));
  }, HOUR);
  partitionJob.unref();
  const sketchJob = setInterval(() => {
    sketching().catch((err) => app.log.error({ err }, 'sketch job failed'));
  }, TEN_MINUTES);
  sketchJob.unref();
  // Every few seconds: queued text messages go out (each claimed by one node at a time).
  let delivering = false;
  const smsJob = setInterval(() => {
    if (delivering) return;
    delivering = true;
    job('sms', () => deliverDueSms(jobs))
      .then((sent) => {
        if (sent.failed || sent.retrying) app.log.warn({ sms: sent }, 'some text messages did not go out');
      })
      .catch((err) => app.log.error({ err }, 'sms job failed'))
      .finally(() => (delivering = false));
  }, SMS_EVERY_MS);
  smsJob.unref();

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(partitionJob);
    clearInterval(sketchJob);
    clearInterval(smsJob);
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
