/** Officials register many venues at once from a CSV file; the job reports progress and a per-row result. */
import { useState } from 'react';
import { reportsApi } from '../../../shared/api/reports.js';
import { call } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { JobButton } from '../dashboard/ExportButton.js';

const TEMPLATE = 'name,category,adminUnitCode,address,contactName,contactPhone,capacity\n';

export function ImportVenues() {
  const { t } = useT();
  const [csv, setCsv] = useState<string | null>(null);
  return (
    <section className="card">
      <h2>{t.import_title}</h2>
      <p className="muted small">
        {t.import_help} <code>{TEMPLATE.trim()}</code>
      </p>
      <div className="row">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label={t.import_title}
          onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
          style={{ width: 'auto' }}
        />
        <JobButton
          label={t.import_start}
          disabled={!csv}
          start={() => call(reportsApi.importVenues, { body: { csv: csv ?? '' } })}
        />
        {!csv && <span className="muted small">{t.import_needs_file}</span>}
      </div>
    </section>
  );
}
