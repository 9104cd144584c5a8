/**
 * On the venue page: the venue's kiosks (revocable by its manager and officials over it) and, for its
 * manager, turning this device into a kiosk: the token shown once goes straight into the device, the
 * manager chooses an exit PIN, and their own session on the device ends.
 */
import { useState, type FormEvent } from 'react';
import { venuesApi } from '../../../shared/api/venues.js';
import { call, formErrors } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { enrolThisDevice, MIN_KIOSK_PIN } from '../../device/kiosk.js';
import { formatDateTime } from '../../i18n/index.js';

export function KioskPanel({ venueId, venueName }: { venueId: number; venueName: string }) {
  const { t } = useT();
  const { user, logout } = useSession();
  const listed = useRequest(() => call(venuesApi.kiosks, { params: { id: venueId } }), [venueId]);
  const kiosks = listed.data?.items ?? [];
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? listed.error;
  const [name, setName] = useState(t.kiosk_default_name);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const revoke = async (kioskId: number) => {
    await call(venuesApi.revokeKiosk, { params: { id: venueId, kioskId } }).then(
      listed.reload,
      (e: unknown) => setError(formErrors(e).message),
    );
  };

  const enrol = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const k = await call(venuesApi.enrolKiosk, { params: { id: venueId }, body: { name } });
      await enrolThisDevice({ kioskId: k.id, venueId, venueName, deviceToken: k.deviceToken }, pin);
      await logout();
      location.assign('/');
    } catch (err) {
      setError(formErrors(err).message);
      setBusy(false);
    }
  };

  const isManager = user?.role === 'venue_manager';
  const pinOk = /^\d+$/.test(pin) && pin.length >= MIN_KIOSK_PIN;
  return (
    <section className="card" id="kiosks">
      <h2>{t.kiosk_title}</h2>
      <p className="muted">{t.kiosk_explain}</p>
      {error && <ErrorAlert message={error} />}
      {kiosks.length > 0 && (
        <table>
          <tbody>
            {kiosks.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td className="small">{formatDateTime(k.createdAt)}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="badge suspended">{t.kiosk_revoked}</span>
                  ) : (
                    <button type="button" className="secondary" onClick={() => void revoke(k.id)}>
                      {t.kiosk_revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isManager && (
        <form onSubmit={(e) => void enrol(e)} className="row" style={{ alignItems: 'flex-end' }}>
          <label>
            {t.kiosk_name}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
          </label>
          <label>
            {t.kiosk_pin}
            <input
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              inputMode="numeric"
              autoComplete="new-password"
              type="password"
              maxLength={12}
              id="kiosk-pin"
            />
          </label>
          <button
            className="btn"
            type="submit"
            disabled={!pinOk || busy}
            title={pinOk ? undefined : t.kiosk_pin_hint}
          >
            {t.kiosk_enrol}
          </button>
        </form>
      )}
    </section>
  );
}
