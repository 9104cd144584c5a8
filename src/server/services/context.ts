import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import type { SigningKeys } from './keys.js';

/** What every use case needs: the database, the configuration, the signing keys and a clock. */
export interface ServiceContext {
  db: Db;
  config: Config;
  keys: SigningKeys;
  now: () => Date;
}
