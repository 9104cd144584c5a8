/**
 * Saved tracing cases (issue 16): the area's cases on the tracing page, and one case reopened as it
 * was saved (its result, exports and trail), so a team hands a case over without tracing again.
 */
import { useState } from 'react';
import {
  MAX_CASE_LABEL_LENGTH,
  tracingApi,
  type CaseSummary,
  type SavedCase,
} from '../../../shared/api/tracing.js';
import { call, urlOf } from '../../api/client.js';
import { useRequest, useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Link } from '../../components/Link.js';
import { formatDate, formatDateTime, type Messages } from '../../i18n/index.js';
import { Results } from './TracingResults.js';

/** The name a look-up is saved under (none: not saved). */
export function CaseLabelField({ value, onChange }: { value: string; onChange(v: string): void }) {
  const { t } = useT();
  return (
    <>
      <label htmlFor="tr-label">{t.tr_case_label}</label>
      <input
        id="tr-label"
        value={value}
        maxLength={MAX_CASE_LABEL_LENGTH}
        placeholder={t.tr_case_label_hint}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
      />
    </>
  );
}

export function CaseSaved({ saved }: { saved: { id: string; label: string } }) {
  const { t } = useT();
  return (
    <div className="ok" role="status" id="case-saved">
      {t.tr_case_saved_now}: <Link to={`/tracing/cases/${saved.id}`}>{saved.label}</Link>
    </div>
  );
}

const caseWindow = (c: CaseSummary) => `${formatDate(c.from)} – ${formatDate(c.to)}`;

/** The cases of the caller's area, newest first; `version` changes when one was just saved. */
export function SavedCasesList({ version }: { version: number }) {
  const { t } = useT();
  const list = useRequest(() => call(tracingApi.cases), [version]);
  const items = list.data?.items ?? [];
  return (
    <section className="card scroll" id="saved-cases">
      <h2>{t.tr_cases_title}</h2>
      <ErrorAlert message={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t.tr_cases_none}</p>}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.tr_case_label}</th>
              <th>{t.tr_case}</th>
              <th>{t.tr_case_window}</th>
              <th className="num">{t.tr_contacts}</th>
              <th>{t.tr_case_saved}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/tracing/cases/${c.id}`}>{c.label}</Link>
                  {c.closedAt && <span className="badge muted"> {t.tr_case_closed}</span>}
                </td>
                <td>{c.subjectName ?? '—'}</td>
                <td>{caseWindow(c)}</td>
                <td className="num">{c.contacts}</td>
                <td>
                  {formatDateTime(c.savedAt)} · {c.savedBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One saved case: what was asked, the result as it was, its exports and its trail. */
export function CasePage({ id }: { id: string }) {
  const { t } = useT();
  const saved = useRequest(() => call(tracingApi.openCase, { params: { id }, query: {} }), [id]);
  // Closing or reopening answers the case's facts and trail again (reading it again would be audited).
  const [changed, setChanged] = useState<Omit<SavedCase, 'answer'> | null>(null);
  const c = saved.data && { ...saved.data, ...changed };
  const exportAs = (format: 'csv' | 'xlsx') => {
    location.href = urlOf(tracingApi.openCase, { params: { id }, query: { format } });
  };
  return (
    <>
      <section className="card" id="case">
        <p>
          <Link to="/tracing">← {t.tr_title}</Link>
        </p>
        <ErrorAlert message={saved.error} />
        {!c && !saved.error && <p className="muted">{t.loading}</p>}
        {c && (
          <>
            <h1>{c.label}</h1>
            <dl className="facts">
              <dt>{t.tr_case}</dt>
              <dd>{c.subjectName ?? '—'}</dd>
              <dt>{t.tr_case_window}</dt>
              <dd>{caseWindow(c)}</dd>
              <dt>{t.audit_purpose}</dt>
              <dd>{c.purpose}</dd>
              <dt>{t.tr_case_saved}</dt>
              <dd>
                {formatDateTime(c.savedAt)} · {c.savedBy}
              </dd>
              <dt>{t.tr_notified}</dt>
              <dd>{c.notified}</dd>
            </dl>
            <p className="muted small">{t.tr_case_as_saved}</p>
            <CaseClosing summary={c} onChanged={setChanged} />
          </>
        )}
      </section>
      {c && <Results answer={c.answer} onExport={exportAs} />}
      {c && <CaseTrail trail={c.trail} t={t} />}
    </>
  );
}

/** Closes the case when the team is done, or reopens it; says who closed it. */
function CaseClosing({
  summary,
  onChanged,
}: {
  summary: CaseSummary;
  onChanged(now: Omit<SavedCase, 'answer'>): void;
}) {
  const { t } = useT();
  const change = useSubmit(async () =>
    onChanged(
      await call(tracingApi.closeCase, { params: { id: summary.id }, body: { closed: !summary.closedAt } }),
    ),
  );
  return (
    <div className="row" id="case-closing">
      {summary.closedAt && (
        <strong>
          {t.tr_case_closed_by
            .replace('{time}', formatDateTime(summary.closedAt))
            .replace('{user}', summary.closedBy ?? '')}
        </strong>
      )}
      <button
        type="button"
        className="btn secondary"
        disabled={change.busy}
        onClick={() => void change.run()}
      >
        {summary.closedAt ? t.tr_case_reopen : t.tr_case_close}
      </button>
      {!summary.closedAt && <span className="muted small">{t.tr_case_close_hint}</span>}
      <ErrorAlert message={change.error} />
    </div>
  );
}

function CaseTrail({ trail, t }: { trail: { at: string; username: string; action: string }[]; t: Messages }) {
  const did: Record<string, string> = {
    case_save: t.tr_case_did_save,
    case_export: t.tr_case_did_export,
    case_close: t.tr_case_did_close,
    case_reopen: t.tr_case_did_reopen,
  };
  const what = (action: string) => did[action] ?? t.tr_case_did_open;
  return (
    <section className="card" id="case-trail">
      <h2>{t.tr_case_trail}</h2>
      <table>
        <tbody>
          {trail.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.username}</td>
              <td>{what(e.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
