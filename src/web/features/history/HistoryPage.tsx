/**
 * A citizen's own history (F13): the check-ins this device made, proven to the server by the
 * checkout tokens the device kept, and any notice health authorities left on them: one notice per
 * exposure (a family checked in together gets one, naming who was there), not one per check-in.
 */
import { useState } from 'react';
import { tracingApi, type HistoryEntry } from '../../../shared/api/tracing.js';
import { checkOutAll } from '../../checkin/requests.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { exposuresOf, telHref } from '../../device/exposures.js';
import { rememberedCheckIns } from '../../device/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

export function HistoryPage() {
  const { t } = useT();
  const remembered = rememberedCheckIns();
  const nameOf = (id: string) => remembered.find((c) => c.id === id)?.fullName;
  const tokenOf = (id: string) => remembered.find((c) => c.id === id)?.checkoutToken;
  const { data, error } = useRequest(async () => {
    const mine = remembered.map((c) => ({ id: c.id, checkoutToken: c.checkoutToken }));
    return mine.length === 0 ? { items: [] } : call(tracingApi.history, { body: { items: mine } });
  }, []);
  const items = data?.items ?? null;
  const exposures = items ? exposuresOf(items, nameOf) : [];
  return (
    <section className="card" style={{ maxWidth: 720 }}>
      <h1>{t.history_title}</h1>
      <p className="muted">{t.history_lead}</p>
      <ErrorAlert message={error} />
      {items === null && !error && <p className="muted">{t.loading}</p>}
      {items?.length === 0 && <p>{t.history_empty}</p>}
      {exposures.map((e) => (
        <div className="notice" role="alert" key={[e.kind, e.venueName, e.from, e.to].join('|')}>
          <strong>{e.venueName}</strong> · {formatDateTime(e.from)} – {formatDateTime(e.to)}
          {e.names.length > 0 && <div className="small">{e.names.join(', ')}</div>}
          <div>{e.kind === 'contact' ? t.history_notice_contact : t.history_notice_venue}</div>
          <div>
            {t.notice_hotline} <a href={telHref(e.hotline)}>{e.hotline}</a>
          </div>
        </div>
      ))}
      {items && items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.history_venue}</th>
              <th>{t.history_who}</th>
              <th>{t.history_in}</th>
              <th>{t.history_out}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} className={i.notices.length ? 'warned' : undefined}>
                <td>{i.venueName}</td>
                <td>{nameOf(i.id) ?? '—'}</td>
                <td>{formatDateTime(i.checkedInAt)}</td>
                <td>
                  <CheckOutCell entry={i} checkoutToken={tokenOf(i.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A stay still open (no check-out, begun within OPEN_WINDOW_MS) gets its "check out" button here too. */
const OPEN_WINDOW_MS = 12 * 3_600_000;

function CheckOutCell({ entry, checkoutToken }: { entry: HistoryEntry; checkoutToken?: string }) {
  const { t } = useT();
  const [checkedOutAt, setCheckedOutAt] = useState(entry.checkedOutAt);
  const [failed, setFailed] = useState(false);
  if (checkedOutAt) return <>{formatDateTime(checkedOutAt)}</>;
  const open = Date.now() - Date.parse(entry.checkedInAt) < OPEN_WINDOW_MS;
  if (!open || !checkoutToken) return <>—</>;
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() =>
          void checkOutAll([{ id: entry.id, checkoutToken }]).then(setCheckedOutAt, () => setFailed(true))
        }
      >
        {t.ci_check_out}
      </button>
      {failed && <div className="field-error">{t.ci_offline}</div>}
    </>
  );
}
