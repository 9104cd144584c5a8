/**
 * A citizen's own history (F13): the check-ins this device made, proven to the server by the
 * checkout tokens the device kept, and any notice health authorities left on them.
 */
import { tracingApi } from '../../../shared/api/tracing.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { rememberedCheckIns } from '../../device/store.js';
import { formatDateTime } from '../../i18n/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

export function HistoryPage() {
  const { t } = useT();
  const { data, error } = useRequest(async () => {
    const mine = rememberedCheckIns().map((c) => ({ id: c.id, checkoutToken: c.checkoutToken }));
    return mine.length === 0 ? { items: [] } : call(tracingApi.history, { body: { items: mine } });
  }, []);
  const items = data?.items ?? null;
  const warned = items?.filter((i) => i.notices.length) ?? [];
  return (
    <section className="card" style={{ maxWidth: 720 }}>
      <h1>{t.history_title}</h1>
      <p className="muted">{t.history_lead}</p>
      <ErrorAlert message={error} />
      {items === null && !error && <p className="muted">{t.loading}</p>}
      {items?.length === 0 && <p>{t.history_empty}</p>}
      {warned.map((i) =>
        i.notices.map((n, k) => (
          <div className="notice" role="alert" key={`${i.id}-${k}`}>
            <strong>{i.venueName}</strong> · {formatDateTime(n.exposureFrom)} – {formatDateTime(n.exposureTo)}
            <div>{n.kind === 'contact' ? t.history_notice_contact : t.history_notice_venue}</div>
          </div>
        )),
      )}
      {items && items.length > 0 && (
        <table>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} className={i.notices.length ? 'warned' : undefined}>
                <td>{i.venueName}</td>
                <td>{formatDateTime(i.checkedInAt)}</td>
                <td>{i.checkedOutAt ? formatDateTime(i.checkedOutAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
