/**
 * What an official (or the admin) has at a venue (issue 14): its contact, a reminder to its manager,
 * suspension and reinstatement with a reason asked in a dialog, and the history of those decisions.
 */
import { useState } from 'react';
import { complianceApi } from '../../../shared/api/compliance.js';
import { venuesApi, type VenueDetail } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';
import { formatDateTime } from '../../i18n/index.js';

export function OfficialActions({ venue, onChanged }: { venue: VenueDetail; onChanged(): void }) {
  const { t } = useT();
  const { user } = useSession();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState(t.comp_default_message);
  const [done, setDone] = useState<string | null>(null);
  const act = useSubmit(async (run: () => Promise<unknown>, said: string) => {
    setDone(null);
    await run();
    setDone(said);
    onChanged();
  });
  if (user?.role !== 'official' && user?.role !== 'admin') return null;
  const suspended = venue.status === 'suspended';
  const changeStatus = (reason: string) =>
    void act.run(
      () =>
        call(suspended ? venuesApi.reinstate : venuesApi.suspend, {
          params: { id: venue.id },
          body: { reason },
        }),
      suspended ? t.off_done_reinstated : t.off_done_suspended,
    );
  const remind = () =>
    void act.run(() => call(complianceApi.remind, { body: { venueIds: [venue.id], message } }), t.comp_sent);
  return (
    <section className="card" id="official-actions">
      <h2>{t.off_title}</h2>
      <p>
        {t.off_contact}: <strong>{venue.contactName}</strong>, {venue.contactPhone}
      </p>
      <ErrorAlert message={act.error} />
      {done && (
        <div className="ok" role="status">
          {done}
        </div>
      )}
      <label htmlFor="venue-reminder">{t.comp_message}</label>
      <textarea
        id="venue-reminder"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        rows={2}
        maxLength={500}
        style={{ width: '100%' }}
      />
      <p className="row">
        <button
          type="button"
          className="btn secondary"
          disabled={act.busy || !message.trim()}
          onClick={remind}
        >
          {t.off_remind}
        </button>
        <button type="button" className="btn" disabled={act.busy} onClick={() => setAsking(true)}>
          {suspended ? t.off_reinstate : t.comp_suspend}
        </button>
      </p>
      {asking && (
        <ReasonDialog
          title={suspended ? t.off_reinstate : t.comp_suspend}
          label={suspended ? t.off_reinstate_reason : t.comp_suspend_reason}
          confirm={suspended ? t.off_reinstate : t.comp_suspend}
          onConfirm={changeStatus}
          onClose={() => setAsking(false)}
        />
      )}
      {venue.statusHistory.length > 0 && (
        <>
          <h3>{t.off_history}</h3>
          <ul>
            {venue.statusHistory.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)} — {h.status === 'suspended' ? t.status_suspended : t.status_active}:{' '}
                {h.reason}
                {h.by ? ` (${h.by})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
