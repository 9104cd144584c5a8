/** What officials sent to this venue (F10 reminders) and its in/out list exports (F11). */
import { useState } from 'react';
import { complianceApi } from '../../../shared/api/compliance.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { DateRangeFields, type DayRange } from '../../components/DateRangeFields.js';
import { formatDateTime } from '../../i18n/index.js';
import { ExportButton } from '../dashboard/ExportButton.js';
import { localToday } from '../dashboard/dates.js';

export function VenueReminders({ venueId }: { venueId: number }) {
  const { t } = useT();
  const reminders = useRequest(
    () => call(complianceApi.venueReminders, { params: { id: venueId } }),
    [venueId],
  );
  const items = reminders.data?.items ?? [];
  const unread = items.filter((r) => !r.readAt);
  if (unread.length === 0) return null;
  return (
    <section className="card" aria-live="polite">
      <h2>{t.reminders_title}</h2>
      {unread.map((r) => (
        <div className="reminder" key={r.id}>
          <div>{r.message}</div>
          <div className="muted small">
            {formatDateTime(r.sentAt)} · {r.sentBy}
          </div>
        </div>
      ))}
      <button
        type="button"
        className="btn secondary"
        onClick={() =>
          void call(complianceApi.readReminders, { params: { id: venueId } }).then(
            reminders.reload,
            () => undefined,
          )
        }
      >
        {t.reminders_mark_read}
      </button>
    </section>
  );
}

export function VenueExports({ venueId }: { venueId: number }) {
  const { t } = useT();
  const today = localToday();
  const [range, setRange] = useState<DayRange>({ from: today, to: today });
  const request = { kind: 'venue_list' as const, venueId, ...range };
  return (
    <section className="card">
      <h2>{t.venue_exports}</h2>
      <div className="row">
        <DateRangeFields value={range} onChange={setRange} />
        <ExportButton label={t.venue_export_csv} request={{ ...request, format: 'csv' }} />
        <ExportButton label={t.venue_export_xlsx} request={{ ...request, format: 'xlsx' }} />
      </div>
    </section>
  );
}
