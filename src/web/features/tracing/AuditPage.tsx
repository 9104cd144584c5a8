/** The tracing audit (F12): every look-up with who, when, why, about whom and what it returned. Read-only. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { DateRangeFields, type DayRange } from '../../components/DateRangeFields.js';
import { formatDateTime } from '../../i18n/index.js';
import { addDays, localToday } from '../dashboard/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface Entry {
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  purpose: string;
  subject: Record<string, unknown>;
  result: Record<string, number>;
}

export function AuditPage() {
  const { t } = useT();
  const today = localToday();
  const [range, setRange] = useState<DayRange>({ from: addDays(today, -29), to: today });
  const [items, setItems] = useState<Entry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Entry[] }>('GET', `/api/audit?from=${range.from}&to=${range.to}`).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [range.from, range.to]);
  const show = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  return (
    <section className="card scroll">
      <h1>{t.audit_title}</h1>
      <div className="row">
        <DateRangeFields value={range} onChange={setRange} />
      </div>
      <ErrorAlert message={error} />
      <table>
        <thead>
          <tr>
            <th>{t.audit_at}</th>
            <th>{t.audit_actor}</th>
            <th>{t.audit_action}</th>
            <th>{t.audit_purpose}</th>
            <th>{t.audit_subject}</th>
            <th>{t.audit_result}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.purpose}</td>
              <td className="small">{show(e.subject)}</td>
              <td className="small">{show(e.result)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
