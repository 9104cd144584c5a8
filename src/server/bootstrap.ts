/**
 * Everything between configuration and a ready service context: open the database, migrate, load the
 * admin-unit list, create partitions and keys, make the bootstrap admin. Used by main and by tests.
 */
import type { Config } from './config.js';
import { openDb } from './db/open.js';
import { migrate } from './db/migrate.js';
import { ensureAdminUnitsLoaded } from './services/admin-units.js';
import { ensureBootstrapAdmin } from './services/auth.js';
import { checkInWriter, scanReader } from './services/check-ins.js';
import type { ServiceContext } from './services/context.js';
import { loadKeyRing } from './services/keys.js';
import { sealClearRowsOnce } from './services/sealing.js';
import { ensurePartitionsAround } from './services/partitions.js';
import { loggingSmsGateway } from './services/sms.js';

export async function prepareContext(
  config: Config,
  now: () => Date = () => new Date(),
  log: (message: string) => void = (message) => console.log(message),
): Promise<ServiceContext> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir || undefined });
  try {
    await migrate(db);
    await ensureAdminUnitsLoaded(db, config.adminUnitsVersion);
    await ensurePartitionsAround(db, now(), config.timeZone, config.retentionDays);
    const keys = await loadKeyRing(db, config, log);
    const sealed = await sealClearRowsOnce(db, keys.sealer);
    if (sealed) log(`sealed ${sealed} rows that older versions stored in clear`);
    const ctx: ServiceContext = {
      db,
      config,
      keys,
      now,
      checkInWriter: checkInWriter(db, config.timeZone, now),
      scanReader: scanReader(db, now),
      sms: loggingSmsGateway(),
    };
    await ensureBootstrapAdmin(ctx);
    return ctx;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}
