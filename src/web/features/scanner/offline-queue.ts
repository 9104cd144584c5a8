/**
 * The scanner station's outbox (F7): every scan is first written to IndexedDB with its clientId and
 * time, then sent. Whatever the network does (offline, reload, crash), a scan is sent until the server
 * answers it, and the clientId makes a second delivery harmless (the server returns the first result).
 */
import { kioskHeaders } from '../../device/kiosk.js';
import type { CheckInAnswer } from '../../../shared/api/check-ins.js';
import { checkInsApi } from '../../../shared/api/check-ins.js';
import type { BodyOf } from '../../../shared/api/endpoint.js';
import { ApiError, call } from '../../api/client.js';

/** What staff and kiosks send for one entry (POST /api/venues/:id/check-ins). */
export type StaffEntry = BodyOf<typeof checkInsApi.staff>;

export interface QueuedScan {
  clientId: string;
  venueId: number;
  queuedAt: string;
  body: StaffEntry;
}

export type Delivery =
  | { kind: 'recorded'; scan: QueuedScan; answer: CheckInAnswer }
  | { kind: 'rejected'; scan: QueuedScan; code: string; message: string };

const DB_NAME = 'scanner';
const STORE = 'outbox';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function inStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const enqueue = (scan: QueuedScan) => inStore('readwrite', (s) => s.put(scan));
export const remove = (clientId: string) => inStore('readwrite', (s) => s.delete(clientId));

export async function pending(venueId: number): Promise<QueuedScan[]> {
  const all = await inStore<QueuedScan[]>('readonly', (s) => s.getAll());
  return all.filter((s) => s.venueId === venueId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Errors that mean "try again later" rather than "this scan is wrong". */
function isTransient(err: unknown): boolean {
  return (
    !(err instanceof ApiError) ||
    err.status >= 500 ||
    err.status === 401 ||
    err.status === 408 ||
    err.status === 429
  );
}

/**
 * The kiosk's device token was refused (401): the manager revoked this device. Its scans stay queued
 * (a new enrolment of this device sends them with its new token) and the kiosk says so.
 */
export class KioskRevokedError extends Error {
  constructor() {
    super('kiosk revoked');
  }
}

/** The flush running now, if any: flushes run one after another, never side by side. */
let lastFlush: Promise<unknown> = Promise.resolve();

/**
 * Sends the queued scans oldest first; stops at the first transient failure (rejects with
 * KioskRevokedError when a kiosk's token is refused). A flush asked for while
 * another runs waits for it and then makes its own pass, so a scan queued just before the call is
 * always in the answer when the network lets it through (joining the running pass instead would
 * miss it, and the station would say "saved offline" while online).
 */
export function flush(venueId: number): Promise<Delivery[]> {
  const run = lastFlush.then(() => sendPending(venueId));
  lastFlush = run.catch(() => undefined);
  return run;
}

async function sendPending(venueId: number): Promise<Delivery[]> {
  const delivered: Delivery[] = [];
  for (const scan of await pending(venueId)) {
    try {
      const headers = kioskHeaders(venueId);
      const answer = await call(checkInsApi.staff, {
        params: { id: venueId },
        body: scan.body,
        headers,
      }).catch((err: unknown) => {
        if (headers.authorization && err instanceof ApiError && err.status === 401)
          throw new KioskRevokedError();
        throw err;
      });
      await remove(scan.clientId);
      delivered.push({ kind: 'recorded', scan, answer });
    } catch (err) {
      if (err instanceof KioskRevokedError) throw err;
      if (isTransient(err)) break;
      await remove(scan.clientId);
      delivered.push({
        kind: 'rejected',
        scan,
        code: (err as ApiError).code,
        message: (err as ApiError).message,
      });
    }
  }
  return delivered;
}
