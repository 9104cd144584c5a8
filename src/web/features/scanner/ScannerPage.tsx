/**
 * The scanner station (F7, F8): camera, USB/keyboard-wedge scanner, look-up by phone and paper
 * entries for staff; or, on a device enrolled as a kiosk, an unattended full-screen kiosk that resets
 * itself, records with the device token and reads nothing. Every
 * scan goes through the offline outbox, so nothing is lost when the network drops.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { venuesApi } from '../../../shared/api/venues.js';
import { call, newClientId } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { keepPageForOffline } from '../../app/offline.js';
import type { Messages } from '../../i18n/index.js';
import { enqueue, pending, type StaffEntry } from './offline-queue.js';
import { LookupPanel, PaperPanel } from './StaffPanels.js';
import { RecentScans } from './RecentScans.js';
import { ResultPanel, type Shown } from './ResultPanel.js';
import { useDelivery } from './useDelivery.js';
import { useCamera } from './useCamera.js';
import { looksLikeChipIdCard } from '../../../shared/chip-id-card.js';
import { kioskEnrolment } from '../../device/kiosk.js';
import { KioskExit } from '../kiosk/KioskExit.js';

/** How long a kiosk shows a result before it is ready for the next person. */
const KIOSK_RESET_MS = 4000;
/** How often queued scans are retried while the station is open. */
const SYNC_EVERY_MS = 5000;

export function ScannerPage({ venueId, kiosk }: { venueId: number; kiosk: boolean }) {
  const { t } = useT();
  const [venueName, setVenueName] = useState(
    () => (kiosk ? kioskEnrolment()?.venueName : localStorage.getItem(`venue-name:${venueId}`)) ?? '',
  );
  const [shown, setShown] = useState<Shown>(null);
  const [pendingCount, setPendingCount] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const { send, revoked, recent } = useDelivery(venueId);
  const resetTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    // The station must reopen without network: keep this page and its code for offline use.
    void keepPageForOffline();
    if (kiosk) return; // a kiosk reads nothing: its venue's name came with the enrolment
    call(venuesApi.detail, { params: { id: venueId } }).then(
      (v) => {
        setVenueName(v.name);
        localStorage.setItem(`venue-name:${venueId}`, v.name);
      },
      () => undefined,
    );
  }, [venueId, kiosk]);

  const show = useCallback(
    (next: Shown) => {
      setShown(next);
      clearTimeout(resetTimer.current);
      if (kiosk) resetTimer.current = setTimeout(() => setShown(null), KIOSK_RESET_MS);
    },
    [kiosk],
  );

  const sync = useCallback(async () => {
    if (navigator.onLine) await send();
    setPendingCount((await pending(venueId)).length);
  }, [venueId, send]);

  useEffect(() => {
    void sync();
    const timer = setInterval(() => void sync(), SYNC_EVERY_MS);
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    return () => {
      clearInterval(timer);
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  }, [sync]);

  /** Queue first, then try to deliver; the answer for this scan is what the screen shows. */
  const record = useCallback(
    async (entry: Omit<StaffEntry, 'clientId' | 'channel'> & { channel?: StaffEntry['channel'] }) => {
      const clientId = newClientId();
      const at = new Date().toISOString();
      await enqueue({
        clientId,
        venueId,
        queuedAt: at,
        body: { clientId, at, channel: kiosk ? 'kiosk' : 'qr_staff', ...entry },
      });
      setPendingCount((n) => n + 1);
      const sent = navigator.onLine ? await send() : { delivered: [], revoked: false };
      setPendingCount((await pending(venueId)).length);
      const mine = sent.delivered.find((d) => d.scan.clientId === clientId);
      // A revoked kiosk's scan is kept, but not "waiting for the network": the alert above says why.
      show(mine ? { kind: 'delivery', delivery: mine } : sent.revoked ? null : { kind: 'queued', at });
    },
    [venueId, kiosk, show, send],
  );

  /** A personal card, or a chip ID card (F20): both are scanned the same way. */
  const scanned = (text: string) =>
    void record(looksLikeChipIdCard(text) ? { cccdQr: text } : { cardQr: text });
  const camera = useCamera(scanned);
  const startCamera = async () => {
    if (kiosk) await document.documentElement.requestFullscreen?.().catch(() => undefined);
    await camera.start();
  };

  return (
    <div className={kiosk ? 'scanner kiosk' : 'scanner'}>
      <section className="card">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h1>
            {t.scanner_title}: {venueName}
          </h1>
          <span className={`badge ${pendingCount ? 'suspended' : ''}`} id="pending">
            {t.scanner_pending}: <strong id="pending-count">{pendingCount}</strong>
          </span>
        </div>
        {!online && <div className="warn-box">{t.scanner_offline}</div>}
        {kiosk && <KioskExit />}
        {revoked ? (
          <div className="result red" role="alert" id="kiosk-revoked">
            <div className="big">✖</div>
            {t.kiosk_device_revoked}
          </div>
        ) : (
          <ResultPanel shown={shown} t={t} />
        )}
        {!kiosk && <RecentScans items={recent} />}
      </section>
      <div className={kiosk ? '' : 'grid'}>
        <section className="card">
          <h2>{t.scanner_camera}</h2>
          <video ref={camera.videoRef} className="camera" muted playsInline />
          {!camera.running && (
            <button type="button" className="btn" onClick={() => void startCamera()}>
              {kiosk ? t.kiosk_start : t.scanner_camera_start}
            </button>
          )}
          {kiosk && <p className="muted">{t.kiosk_hint}</p>}
          {camera.error && <div className="error">{t.scanner_camera_error + camera.error}</div>}
        </section>
        <WedgeInput onCode={scanned} t={t} kiosk={kiosk} />
        {!kiosk && <LookupPanel venueId={venueId} onPick={(person) => void record({ person })} t={t} />}
        {!kiosk && <PaperPanel onSubmit={(entry) => record({ ...entry, channel: 'paper' })} t={t} />}
      </div>
    </div>
  );
}

function WedgeInput({ onCode, t, kiosk }: { onCode(code: string): void; t: Messages; kiosk: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    // A USB scanner types into whatever has focus: give it back whenever nothing else wants it.
    const keep = () =>
      setTimeout(() => {
        if (document.activeElement === document.body) input.current?.focus();
      }, 50);
    document.addEventListener('focusout', keep);
    return () => document.removeEventListener('focusout', keep);
  }, []);
  return (
    <form
      className={kiosk ? 'wedge-hidden' : 'card'}
      onSubmit={(e) => {
        e.preventDefault();
        const code = input.current!.value.trim();
        input.current!.value = '';
        if (code) onCode(code);
      }}
    >
      {!kiosk && <h2>{t.scanner_wedge}</h2>}
      <input
        ref={input}
        id="wedge"
        autoComplete="off"
        aria-label={t.scanner_wedge}
        placeholder={t.scanner_ready}
      />
      {!kiosk && <p className="muted">{t.scanner_wedge_hint}</p>}
    </form>
  );
}
