/** The tracing audit (F12): every look-up with who, when, why, about whom and what it returned. Read-only. */
import { useState } from 'react';
import { tracingApi } from '../../../shared/api/tracing.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { DateRangeFields, type DayRange } from '../../components/DateRangeFields.js';
import { formatDateTime } from '../../i18n/index.js';
import { addDays, localToday } from '../dashboard/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { auditSentence } from './audit-sentence.js';

export function AuditPage() {
  const { t, lang } = useT();
  const today = localToday();
  const [range, setRange] = useState<DayRange>({ from: addDays(today, -29), to: today });
  const { data, error } = useRequest(
    () => call(tracingApi.audit, { query: { from: range.from, to: range.to } }),
    [range.from, range.to],
  );
  const items = data?.items ?? [];
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
            <th>{t.audit_what}</th>
            <th>{t.audit_purpose}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTime(e.at)}</td>
              <td>{auditSentence(e, lang)}</td>
              <td>{e.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
