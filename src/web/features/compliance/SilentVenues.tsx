/** Compliance: venues that stopped scanning; remind their managers (venue page + SMS) or suspend one. */
import { useState } from 'react';
import { ReasonDialog } from '../../components/ReasonDialog.js';
import type { AnswerOf } from '../../../shared/api/endpoint.js';
import { complianceApi } from '../../../shared/api/compliance.js';
import { venuesApi } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { Link } from '../../components/Link.js';
import { formatDateTime } from '../../i18n/index.js';
import { categoryName } from './category-name.js';

export type ComplianceReport = AnswerOf<typeof complianceApi.report>;

export type Act = (fn: () => Promise<unknown>, done: string) => Promise<void>;

export function SilentVenues({ data, act }: { data: ComplianceReport; act: Act }) {
  const { t } = useT();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState(t.comp_default_message);
  const toggle = (id: number) =>
    setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  // The venue whose suspension is being asked for (a dialog takes the reason).
  const [suspending, setSuspending] = useState<number | null>(null);
  const suspend = (id: number, reason: string) =>
    void act(() => call(venuesApi.suspend, { params: { id }, body: { reason } }), t.status_suspended);
  const send = () =>
    act(async () => {
      await call(complianceApi.remind, { body: { venueIds: [...selected], message } });
      setSelected(new Set());
    }, t.comp_sent);
  return (
    <section className="card scroll">
      <h2>
        {t.comp_silent} ({data.silentVenues.length}
        {data.silentVenuesTruncated ? '+' : ''}){' '}
        <span className="muted small">
          {t.comp_since} {data.since.split('-').reverse().join('/')}
        </span>
      </h2>
      {data.silentVenues.length === 0 ? (
        <p className="muted">{t.comp_none_silent}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t.comp_select_all}
                    checked={selected.size === data.silentVenues.length}
                    onChange={(e) =>
                      setSelected(new Set(e.target.checked ? data.silentVenues.map((v) => v.venueId) : []))
                    }
                  />
                </th>
                <th>{t.dash_venue}</th>
                <th>{t.field_category}</th>
                <th>{t.dash_last_check_in}</th>
                <th>{t.comp_reminded}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.silentVenues.map((v) => (
                <tr key={v.venueId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={v.name}
                      checked={selected.has(v.venueId)}
                      onChange={() => toggle(v.venueId)}
                    />
                  </td>
                  <td>
                    <Link to={`/venues/${v.venueId}`}>{v.name}</Link>
                  </td>
                  <td>{categoryName(v.category, '')}</td>
                  <td>{v.lastCheckInAt ? formatDateTime(v.lastCheckInAt) : t.dash_never}</td>
                  <td>{v.remindedAt ? formatDateTime(v.remindedAt) : '—'}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setSuspending(v.venueId)}>
                      {t.comp_suspend}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label htmlFor="reminder">{t.comp_message}</label>
          <textarea
            id="reminder"
            rows={2}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            style={{ width: '100%', font: 'inherit', padding: 8 }}
          />
          <p>
            <button
              type="button"
              className="btn"
              disabled={selected.size === 0 || !message.trim()}
              onClick={() => void send()}
            >
              {t.comp_send} ({selected.size})
            </button>{' '}
            {(selected.size === 0 || !message.trim()) && (
              <span className="muted small">{t.comp_send_needs}</span>
            )}
          </p>
        </>
      )}
      {suspending !== null && (
        <ReasonDialog
          title={t.comp_suspend}
          label={t.comp_suspend_reason}
          confirm={t.comp_suspend}
          onConfirm={(reason) => suspend(suspending, reason)}
          onClose={() => setSuspending(null)}
        />
      )}
    </section>
  );
}
