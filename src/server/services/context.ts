import type { RunningConfig } from '../config.js';
import type { Db } from '../db/db.js';
import type { DiskFloor } from '../db/disk-floor.js';
import type { Reads } from '../db/reads.js';
import type { NewCheckIn, RecordOutcome } from '../db/queries/record-check-ins.js';
import type { ScanContextInput, ScanContextRow } from '../db/queries/scan-context.js';
import type { KeyRing } from './keys.js';
import type { Batcher } from './batcher.js';
import type { Metrics } from './metrics.js';
import type { SmsGateway } from './sms.js';

/** What every use case needs: the database, the configuration, the signing keys and a clock. */
export interface ServiceContext {
  db: Db;
  config: RunningConfig;
  /** Derived keys per purpose (codes, tokens, sealing); the master keys live outside the database. */
  keys: KeyRing;
  now: () => Date;
  /** Where statistics, per-venue tables, reports and exports read: a replica when one keeps up. */
  reads: Reads;
  /** Check-in writes, batched across concurrent requests (services/check-ins.ts makes it). */
  checkInWriter: Batcher<NewCheckIn, RecordOutcome | null>;
  /** Scanner reads (session, venue, card, rules), batched across concurrent scans. */
  scanReader: Batcher<ScanContextInput, ScanContextRow>;
  /** This node's figures for GET /metrics. */
  metrics: Metrics;
  /** Where reminders and notices go by text message (default: log only). */
  sms: SmsGateway;
  /** Free space of the embedded database's directory (absent on PostgreSQL and in memory). */
  diskFloor?: DiskFloor;
}
