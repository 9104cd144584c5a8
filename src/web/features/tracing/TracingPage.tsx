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
import { ApiError, call, errorText, urlOf } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { DateRangeFields, type DayRange } from '../../components/DateRangeFields.js';
import { addDays, localToday } from '../dashboard/dates.js';
import { useCamera } from '../scanner/useCamera.js';
import { downloadPost } from './download.js';
import { Results } from './TracingResults.js';
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

  /** The people a number belongs to (409 subject_ambiguous), and the one the tracer chose. */
  const [people, setPeople] = useState<{ fullName: string; birthYear: number | null }[] | null>(null);
  const [chosenName, setChosenName] = useState<string | undefined>(undefined);
  const request = (fullName = chosenName) => ({
    subject: { [by]: value.trim(), ...(fullName && by !== 'cardQr' ? { fullName } : {}) },
    ...range,
    purpose,
    depth: depth2 ? (2 as const) : (1 as const),
    marginMinutes: margin,
    notify,
  });
  const search = useSubmit(async (fullName?: string) => {
    try {
      setAnswer(await call(tracingApi.trace, { body: request(fullName) }));
      setNotify(false);
      setPeople(null);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'subject_ambiguous')) throw err;
      setAnswer(null);
      setPeople(err.details.map((d) => ({ fullName: d.fullName ?? '', birthYear: d.birthYear ?? null })));
    }
  });
  const choosePerson = (fullName: string) => {
    setChosenName(fullName);
    void search.run(fullName);
  };
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
              onChange={(e) => {
                setValue(e.target.value);
                setChosenName(undefined);
                setPeople(null);
              }}
              required
              autoComplete="off"
            />
          </label>
          <DateRangeFields value={range} onChange={setRange} inline={false} />
          <MarginField value={margin} onChange={setMargin} />
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
        {people && <PeopleOfNumber people={people} onChoose={choosePerson} />}
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

/** The people a phone or ID number belongs to (409 subject_ambiguous): the tracer picks the case. */
function PeopleOfNumber({
  people,
  onChoose,
}: {
  people: { fullName: string; birthYear: number | null }[];
  onChoose(fullName: string): void;
}) {
  const { t } = useT();
  return (
    <div className="warn-box" id="tr-people" role="status">
      <p>{t.tr_several_people}</p>
      <div className="row">
        {people.map((p) => (
          <button
            key={p.fullName}
            type="button"
            className="btn secondary"
            onClick={() => onChoose(p.fullName)}
          >
            {p.fullName}
            {p.birthYear ? ` (${p.birthYear})` : ''}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Minutes added before and after each of the case's stays. */
function MarginField({ value, onChange }: { value: number; onChange(v: number): void }) {
  const { t } = useT();
  return (
    <label>
      {t.tr_margin}
      <input
        type="number"
        min={0}
        max={MAX_TRACING_MARGIN_MINUTES}
        value={value}
        onChange={(e) =>
          onChange(Math.max(0, Math.min(MAX_TRACING_MARGIN_MINUTES, Number(e.target.value) || 0)))
        }
      />
    </label>
  );
}
