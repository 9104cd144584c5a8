/**
 * Sending the station's outbox: each call delivers what waits (one pass after another, see
 * offline-queue.ts) and answers what became of it; it keeps the last outcomes for the list staff see,
 * and whether this kiosk was revoked (its scans then wait, and the screen says so).
 */
import { useCallback, useState } from 'react';
import { flush, KioskRevokedError, type Delivery } from './offline-queue.js';
import { RECENT_SCANS } from './RecentScans.js';

export function useDelivery(venueId: number) {
  const [revoked, setRevoked] = useState(false);
  const [recent, setRecent] = useState<Delivery[]>([]);
  const send = useCallback(
    () =>
      flush(venueId).then(
        (delivered) => {
          setRevoked(false);
          if (delivered.length)
            setRecent((before) => [...delivered].reverse().concat(before).slice(0, RECENT_SCANS));
          return { delivered, revoked: false };
        },
        (err: unknown) => {
          const revokedNow = err instanceof KioskRevokedError;
          if (revokedNow) setRevoked(true);
          return { delivered: [] as Delivery[], revoked: revokedNow };
        },
      ),
    [venueId],
  );
  return { send, revoked, recent };
}
