import { useState } from 'react';
import type { ExportRequest } from '../../../shared/api/reports.js';
import { Link } from '../../components/Link.js';
import { TextField } from '../../components/Field.js';
import { useT } from '../../app/lang.js';
import { ExportButton } from './ExportButton.js';

type ReportRange = Omit<Extract<ExportRequest, { kind: 'unit_report' }>, 'format' | 'number' | 'signer'>;

/**
 * The chairman's report of the unit shown: printed as an official letter (PDF) with the number and
 * signer typed here, or left blank to be written by hand; the same figures as a spreadsheet.
 */
export function ReportsCard({ request, unit }: { request: ReportRange; unit: string }) {
  const { t } = useT();
  const [number, setNumber] = useState('');
  const [signer, setSigner] = useState('');
  const letter = {
    ...(number.trim() ? { number: number.trim() } : {}),
    ...(signer.trim() ? { signer: signer.trim() } : {}),
  };
  return (
    <section className="card">
      <h2>{t.dash_reports}</h2>
      <div className="row">
        <TextField
          id="report-number"
          label={t.dash_report_number}
          placeholder="125/BC-UBND"
          maxLength={40}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <TextField
          id="report-signer"
          label={t.dash_report_signer}
          maxLength={80}
          autoComplete="name"
          value={signer}
          onChange={(e) => setSigner(e.target.value)}
        />
      </div>
      <p className="muted small">{t.dash_report_blank_hint}</p>
      <div className="row">
        <ExportButton label={t.dash_report_pdf} request={{ ...request, ...letter, format: 'pdf' }} />
        <ExportButton label={t.dash_report_xlsx} request={{ ...request, format: 'xlsx' }} />
        <Link to={`/compliance?unit=${unit}`}>{t.nav_compliance} →</Link>
      </div>
    </section>
  );
}
