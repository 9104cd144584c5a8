import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPgliteInWorker } from './pglite-worker.js';
import type { FileLayerObserver } from './pglite-files.js';
import { openPostgres } from './postgres.js';

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite's directory; in memory when undefined. */
  dataDir?: string;
  /** A call not answered after this long fails as DatabaseUnavailableError (0: no limit). */
  queryTimeoutMs?: number;
  /** PGlite: a new database starts from this dump instead of an empty one (tests). */
  initialData?: Blob;
  /** PGlite on disk: on a thread of its own (pglite-worker.ts); not with `files`, which is seen here. */
  thread?: boolean;
  /** PGlite on disk: sees file writes and flushes (durability tests). */
  files?: FileLayerObserver;
  /** PostgreSQL: told about each retry while the server is not reachable at start. */
  onRetry?: (attempt: number, waitMs: number, reason: string) => void;
}

/**
 * PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (in memory when undefined; on a thread
 * of its own with `thread`).
 */
export function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl)
    return openPostgres(opts.databaseUrl, { queryTimeoutMs: opts.queryTimeoutMs, onRetry: opts.onRetry });
  if (opts.thread && opts.dataDir && !opts.files && !opts.initialData)
    return openPgliteInWorker(opts.dataDir, { queryTimeoutMs: opts.queryTimeoutMs });
  return openPglite(opts.dataDir, {
    queryTimeoutMs: opts.queryTimeoutMs,
    files: opts.files,
    initialData: opts.initialData,
  });
}
