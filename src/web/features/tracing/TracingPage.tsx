/**
 * The tracing team's page (F12): identify the F0 by phone, ID number or card (typed, USB scanner or
 * camera), pick the window and a purpose, and get visits, F1 (and F2) with shared minutes, a
 * per-venue timeline and exports. Below: who was at a venue in a window, and marking it as exposure.
 */
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_TRACING_DAYS,
  DEFAULT_TRACING_MARGIN_MINUTES,
  MAX_TRACING_MARGIN_MINUTES,
  tracingApi,
  type TracingAnswer,
} from '../../../shared/api/tracing.js';
import { call, errorText, urlOf } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { DateRangeFields, type DayRange } from '../../components/DateRangeFields.js';
import { formatDateTime } from '../../i18n/index.js';
import { addDays, localToday } from '../dashboard/dates.js';
import { useCamera } from '../scanner/useCamera.js';
import { downloadPost } from './download.js';
import { Timeline } from './Timeline.js';
import { VenueExposurePanel } from './VenueExposurePanel.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

type By = 'phone' | 'idNumber' | 'cardQr';

export function TracingPage() {
  const { t } = useT();
  const today = localToday();
  const [by, setBy] = useState<By>('phone');
  const [value, setValue] = useState('');
  const [range, setRange] = useState<DayRange>({
    from: addDays(today, -(DEFAULT_TRACING_DAYS - 1)),
    to: today,
  });
  const [margin, setMargin] = useState(DEFAULT_TRACING_MARGIN_MINUTES);
  const [depth2, setDepth2] = useState(false);
  const [notify, setNotify] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [answer, setAnswer] = useState<TracingAnswer | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const camera = useCamera((text) => {
    setBy('cardQr');
    setValue(text);
    camera.stop();
  });

  const request = () => ({
    subject: { [by]: value.trim() },
    ...range,
    purpose,
    depth: depth2 ? (2 as const) : (1 as const),
    marginMinutes: margin,
    notify,
  });
  const search = useSubmit(async () => {
    setAnswer(await call(tracingApi.trace, { body: request() }));
    setNotify(false);
  });
  const { busy } = search;
  const error = search.error ?? exportError;
  const run = (e: FormEvent) => {
    e.preventDefault();
    setExportError(null);
    void search.run();
  };
  const exportAs = (format: 'csv' | 'xlsx') =>
    downloadPost(
      urlOf(tracingApi.trace, { query: { format } }),
      { ...request(), notify: false },
      `truy-vet.${format}`,
    ).catch((err: unknown) => setExportError(errorText(err)));

  return (
    <>
      <form className="card" onSubmit={run}>
        <h1>{t.tr_title}</h1>
        <div className="grid">
          <label>
            {t.tr_subject}
            <select value={by} onChange={(e) => setBy(e.target.value as By)} id="tr-by">
              <option value="phone">{t.tr_by_phone}</option>
              <option value="idNumber">{t.tr_by_id}</option>
              <option value="cardQr">{t.tr_by_card}</option>
            </select>
          </label>
          <label>
            &nbsp;
            <input
              id="tr-value"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
              autoComplete="off"
            />
          </label>
          <DateRangeFields value={range} onChange={setRange} inline={false} />
          <label>
            {t.tr_margin}
            <input
              type="number"
              min={0}
              max={MAX_TRACING_MARGIN_MINUTES}
              value={margin}
              onChange={(e) =>
                setMargin(Math.max(0, Math.min(MAX_TRACING_MARGIN_MINUTES, Number(e.target.value) || 0)))
              }
            />
          </label>
        </div>
        <video ref={camera.videoRef} className="camera" muted playsInline hidden={!camera.running} />
        <p className="row">
          <button
            type="button"
            className="btn secondary"
            onClick={() => void (camera.running ? camera.stop() : camera.start())}
          >
            {camera.running ? t.tr_stop_camera : t.tr_scan_card}
          </button>
          <label className="inline">
            <input type="checkbox" checked={depth2} onChange={(e) => setDepth2(e.target.checked)} />{' '}
            {t.tr_depth2}
          </label>
          <label className="inline">
            <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />{' '}
            {t.tr_notify}
          </label>
        </p>
        <label htmlFor="tr-purpose">{t.tr_purpose}</label>
        <textarea
          id="tr-purpose"
          rows={2}
          required
          minLength={5}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          style={{ width: '100%', font: 'inherit', padding: 8 }}
        />
        <ErrorAlert message={error} />
        <p>
          <button className="btn" type="submit" disabled={busy}>
            {busy ? t.loading : t.tr_search}
          </button>
        </p>
      </form>
      {answer && <Results answer={answer} onExport={exportAs} />}
      <VenueExposurePanel />
    </>
  );
}

function Results({ answer, onExport }: { answer: TracingAnswer; onExport: (f: 'csv' | 'xlsx') => void }) {
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
