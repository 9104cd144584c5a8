/**
 * Everything between configuration and a ready service context: open the database, migrate, load the
 * admin-unit list, create partitions and keys, make the bootstrap admin. Used by main and by tests.
 */
import type { Config } from './config.js';
import { mkdirSync } from 'node:fs';
import { DiskFloor, megabytes } from './db/disk-floor.js';
import type { Db } from './db/db.js';
import { openDb } from './db/open.js';
import { openPostgres } from './db/postgres.js';
import { primaryReads, replicaReads } from './db/reads.js';
import type { FileLayerObserver } from './db/pglite-files.js';
import { migrate } from './db/migrate.js';
import { settleAdminUnitsVersion } from './services/admin-unit-upgrade.js';
import { ensureBootstrapAdmin } from './services/auth.js';
import { checkInWriter, scanReader } from './services/check-in-writer.js';
import type { ServiceContext } from './services/context.js';
import { loadKeyRing } from './services/keys.js';
import { Metrics } from './services/metrics.js';
import { sealClearRowsOnce } from './services/sealing.js';
import { ensurePartitionsAround } from './services/partitions.js';
import { httpSmsGateway, loggingSmsGateway, type SmsGateway } from './services/sms.js';

/**
 * The embedded database's directory, once it has more free space than the floor: a start on a full
 * disk waits (and says so every minute) rather than opening a database it cannot write.
 */
async function enoughDiskSpace(dataDir: string, floorBytes: number, log: (message: string) => void) {
  mkdirSync(dataDir, { recursive: true });
  const floor = new DiskFloor(dataDir, floorBytes);
  for (let waited = 0; floor.check().low; waited += DISK_WAIT_MS) {
    if (waited % 60_000 === 0) {
      log(
        `not starting yet: ${megabytes(floor.current.freeBytes)} free in ${dataDir}, ` +
          `below the floor of ${megabytes(floorBytes)} (DISK_FLOOR_MB); free some space`,
      );
    }
    await new Promise((r) => setTimeout(r, DISK_WAIT_MS));
  }
  return floor;
}

const DISK_WAIT_MS = 5000;

export async function prepareContext(
  config: Config,
  now: () => Date = () => new Date(),
  log: (message: string) => void = (message) => console.log(message),
  opts: {
    /** Sees the embedded database's file writes and flushes (durability tests). */
    files?: FileLayerObserver;
    /** A new PGlite database starts from this dump (a migrated template: tests start fast). */
    initialData?: Blob;
    /** Metrics include the process's CPU, memory and event-loop figures (the server, not tests). */
    processFigures?: boolean;
  } = {},
): Promise<ServiceContext> {
  const dataDir = config.databaseUrl ? undefined : config.dataDir || undefined;
  const diskFloor = dataDir ? await enoughDiskSpace(dataDir, config.diskFloorBytes, log) : undefined;
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir,
    queryTimeoutMs: config.queryTimeoutMs,
    thread: config.embeddedThread,
    files: opts.files,
    initialData: opts.initialData,
    onRetry: (attempt, waitMs, reason) =>
      log(`database not reachable (${reason}); attempt ${attempt}, next try in ${waitMs / 1000} s`),
  });
  try {
    // Start-up work may rightly take long (a migration over big tables): no per-call time limit.
    const setup = db.withoutTimeLimit();
    await migrate(setup);
    const adminUnitsVersion = await settleAdminUnitsVersion(setup, config.adminUnitsVersion, now(), log);
    await ensurePartitionsAround(setup, now(), config.timeZone, config.retentionDays);
    const keys = await loadKeyRing(setup, config, log);
    const sealed = await sealClearRowsOnce(setup, keys.sealer);
    if (sealed) log(`sealed ${sealed} rows that older versions stored in clear`);
    const metrics = new Metrics({ poolUse: db.poolUse, processFigures: opts.processFigures });
    const ctx: ServiceContext = {
      db,
      metrics,
      config: { ...config, adminUnitsVersion },
      keys,
      now,
      reads: await readsFor(config, db),
      checkInWriter: checkInWriter(db, config.timeZone, now, (n) => metrics.batch('check_in_write', n)),
      scanReader: scanReader(db, now, (n) => metrics.batch('scan_read', n)),
      sms: smsGatewayFor(config),
      diskFloor,
    };
    await ensureBootstrapAdmin(ctx);
    return ctx;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Reads of dashboards and reports: on the replica when READ_DATABASE_URL names one. A replica that is
 * down at start does not stop the node: its reads go to the primary until it answers.
 */
async function readsFor(config: Config, primary: Db) {
  if (!config.replica) return primaryReads(primary);
  const { url, maxLagMs } = config.replica;
  const replica = await openPostgres(url, {
    queryTimeoutMs: config.queryTimeoutMs,
    connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS,
    waitForStart: false,
  });
  return replicaReads(primary, replica, { maxLagMs });
}

/** A replica that does not accept a connection this fast is skipped for the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 1000;

/** The gateway texts go through: the carrier's HTTP API when SMS_GATEWAY_URL is set, else the log. */
function smsGatewayFor(config: Config): SmsGateway {
  return config.smsGateway ? httpSmsGateway(config.smsGateway) : loggingSmsGateway();
}
