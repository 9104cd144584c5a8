import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import type { NewCheckIn, RecordOutcome } from '../db/queries/check-ins.js';
import type { SigningKeys } from './keys.js';
import type { WriteBatcher } from './write-batcher.js';

/** What every use case needs: the database, the configuration, the signing keys and a clock. */
export interface ServiceContext {
  db: Db;
  config: Config;
  keys: SigningKeys;
  now: () => Date;
  /** Check-in writes, batched across concurrent requests (services/check-ins.ts makes it). */
  checkInWriter: WriteBatcher<NewCheckIn, RecordOutcome | null>;
}
