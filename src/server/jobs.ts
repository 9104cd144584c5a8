/**
 * A node's periodic jobs. Every node runs them; each takes a database lock or claims its rows, so one
 * node does a given piece of work. Jobs may rightly take long (a day of sketches, dropping
 * partitions): they use the database without the per-call time limit of requests.
 */
import type { FastifyBaseLogger } from 'fastify';
import { nextLocalTick } from './domain/local-day.js';
import type { ServiceContext } from './services/context.js';
import { rollUpCountry } from './services/country-rollup.js';
import { ensurePartitionsAround } from './services/partitions.js';
import { sketchClosedDays } from './services/people-sketches.js';
import { purgeExpired } from './services/retention.js';
import { deliverDueSms } from './services/sms.js';

/** How often queued text messages are handed to the gateway. */
const SMS_EVERY_MS = 2000;
const HOUR = 3_600_000;
const TEN_MINUTES = 600_000;
/** A tick's job starts this much after it, so that every clock agrees the day has changed. */
const JOB_TICK_LATE_MS = 2_000;

/**
 * Runs the hourly work once (before the node listens), then schedules: hourly, day partitions ahead
 * and retention; on the local clock's ten minutes, people sketches of ended days (before retention
 * takes their keys) and the country roll-ups of ended days with a snapshot of today's; every few
 * seconds, queued text messages.
 */
export async function startJobs(ctx: ServiceContext, log: FastifyBaseLogger) {
  const jobs = { ...ctx, db: ctx.db.withoutTimeLimit() };
  const job = ctx.metrics.job.bind(ctx.metrics);
  const sketching = async () => {
    const built = await job('people_sketches', () => sketchClosedDays(jobs));
    if (built.length) log.info({ days: built }, 'people sketches built');
    const rolled = await job('country_rollup', () => rollUpCountry(jobs));
    if (rolled.length) log.info({ days: rolled }, 'country roll-ups built');
  };
  const hourly = async () => {
    await job('partitions', () => ensurePartitionsAround(jobs.db, ctx.now(), ctx.config.timeZone, 0));
    await sketching();
    const purged = await job('retention', () => purgeExpired(jobs));
    if (purged?.droppedPartitions.length) log.info({ purged }, 'retention: expired data removed');
  };
  await hourly().catch((err) => log.error({ err }, 'retention job failed'));
  const partitionJob = setInterval(() => {
    hourly().catch((err) => log.error({ err }, 'hourly job failed'));
  }, HOUR);
  partitionJob.unref();

  // On the local clock's ten minutes, so that a run comes just as each day ends: the day that ended
  // is rolled up and today's snapshot begins at once, instead of up to ten minutes of live counting.
  let stopped = false;
  let sketchJob: NodeJS.Timeout | undefined;
  const scheduleSketching = () => {
    const now = ctx.now();
    const wait = nextLocalTick(now, TEN_MINUTES, ctx.config.timeZone).getTime() - now.getTime();
    sketchJob = setTimeout(() => {
      sketching()
        .catch((err) => log.error({ err }, 'sketch job failed'))
        .finally(() => stopped || scheduleSketching());
    }, wait + JOB_TICK_LATE_MS);
    sketchJob.unref();
  };
  scheduleSketching();

  // Each message is claimed by one node at a time.
  let delivering = false;
  const smsJob = setInterval(() => {
    if (delivering) return;
    delivering = true;
    job('sms', () => deliverDueSms(jobs))
      .then((sent) => {
        if (sent.failed || sent.retrying) log.warn({ sms: sent }, 'some text messages did not go out');
      })
      .catch((err) => log.error({ err }, 'sms job failed'))
      .finally(() => (delivering = false));
  }, SMS_EVERY_MS);
  smsJob.unref();

  return {
    stop() {
      stopped = true;
      clearInterval(partitionJob);
      clearTimeout(sketchJob);
      clearInterval(smsJob);
    },
  };
}
