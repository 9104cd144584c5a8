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
import { downloadPost } from '../../api/download.js';
import { Results } from './TracingResults.js';
import { VenueExposurePanel } from './VenueExposurePanel.js';
import { CaseLabelField, CaseSaved, SavedCasesList } from './SavedCases.js';
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
  /** A name given: the look-up is saved as a case (issue 16); the last one saved, and a list refresh. */
  const [label, setLabel] = useState('');
  const [savedCase, setSavedCase] = useState<{ id: string; label: string } | null>(null);
  const [casesVersion, setCasesVersion] = useState(0);
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
      const body = request(fullName);
      if (label.trim()) {
        const saved = await call(tracingApi.saveCase, { body: { ...body, label: label.trim() } });
        setAnswer(saved.answer);
        setSavedCase({ id: saved.id, label: saved.label });
        setCasesVersion((v) => v + 1);
        setLabel('');
      } else {
        setAnswer(await call(tracingApi.trace, { body }));
        setSavedCase(null);
      }
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
          <SubjectFields
            by={by}
            onBy={setBy}
            value={value}
            onValue={(v) => {
              setValue(v);
              setChosenName(undefined);
              setPeople(null);
            }}
          />
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
          <Checkbox checked={depth2} onChange={setDepth2} label={t.tr_depth2} />
          <Checkbox checked={notify} onChange={setNotify} label={t.tr_notify} />
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
        <CaseLabelField value={label} onChange={setLabel} />
        <ErrorAlert message={error} />
        {savedCase && <CaseSaved saved={savedCase} />}
        {people && <PeopleOfNumber people={people} onChoose={choosePerson} />}
        <p>
          <button className="btn" type="submit" disabled={busy}>
            {busy ? t.loading : t.tr_search}
          </button>
        </p>
      </form>
      {answer && <Results answer={answer} onExport={exportAs} />}
      <VenueExposurePanel />
      <SavedCasesList version={casesVersion} />
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

function Checkbox({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange(v: boolean): void;
  label: string;
}) {
  return (
    <label className="inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** How the case is named (phone, ID number, card QR) and the number itself. */
function SubjectFields(p: { by: By; onBy(by: By): void; value: string; onValue(v: string): void }) {
  const { t } = useT();
  return (
    <>
      <label>
        {t.tr_subject}
        <select value={p.by} onChange={(e) => p.onBy(e.target.value as By)} id="tr-by">
          <option value="phone">{t.tr_by_phone}</option>
          <option value="idNumber">{t.tr_by_id}</option>
          <option value="cardQr">{t.tr_by_card}</option>
        </select>
      </label>
      <label>
        &nbsp;
        <input
          id="tr-value"
          value={p.value}
          onChange={(e) => p.onValue(e.target.value)}
          required
          autoComplete="off"
        />
      </label>
    </>
  );
}
