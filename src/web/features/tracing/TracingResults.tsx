/** The answer of a tracing look-up: the case's visits with a timeline, then F1 and F2 with exports. */
import type { TracingAnswer } from '../../../shared/api/tracing.js';
import { useT } from '../../app/lang.js';
import { formatDateTime } from '../../i18n/index.js';
import { Timeline } from './Timeline.js';

export function Results({
  answer,
  onExport,
}: {
  answer: TracingAnswer;
  onExport: (f: 'csv' | 'xlsx') => void;
}) {
  const { t } = useT();
  return (
    <>
      <section className="card scroll">
        <h2>
          {t.tr_visits} {answer.subject && <span className="muted">– {answer.subject.fullName}</span>}
        </h2>
        {answer.notified > 0 && (
          <div className="ok">
            {t.tr_notified}: {answer.notified}
          </div>
        )}
        {answer.visits.length === 0 ? (
          <p className="muted">{t.tr_none}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t.dash_venue}</th>
                <th>{t.tr_from_time}</th>
                <th>{t.tr_to_time}</th>
              </tr>
            </thead>
            <tbody>
              {answer.visits.map((v) => (
                <tr key={v.checkInId}>
                  <td>{v.venueName}</td>
                  <td>{formatDateTime(v.checkedInAt)}</td>
                  <td>{v.checkedOutAt ? formatDateTime(v.checkedOutAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card scroll">
        <h2>
          {t.tr_contacts} ({answer.contacts.length})
        </h2>
        <p className="row">
          <button type="button" className="btn secondary" onClick={() => onExport('csv')}>
            {t.tr_export_csv}
          </button>
          <button type="button" className="btn secondary" onClick={() => onExport('xlsx')}>
            {t.tr_export_xlsx}
          </button>
        </p>
        <table id="contacts">
          <thead>
            <tr>
              <th>{t.tr_level}</th>
              <th>{t.col_name}</th>
              <th>{t.tr_by_phone}</th>
              <th>{t.dash_venue}</th>
              <th className="num">{t.tr_minutes}</th>
              <th>{t.tr_first}</th>
            </tr>
          </thead>
          <tbody>
            {answer.contacts.map((c, i) => (
              <tr key={i}>
                <td>
                  <span className={`badge level-${c.level}`}>F{c.level}</span>
                </td>
                <td>{c.person.fullName}</td>
                <td>{c.person.phone}</td>
                <td>{c.venueName}</td>
                <td className="num">{c.overlapMinutes}</td>
                <td>{formatDateTime(c.firstContactAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {answer.visits.length > 0 && <Timeline answer={answer} />}
    </>
  );
}
