/** The staff-only parts of the scanner station: look-up by phone and paper declarations (F7, F8). */
import { useState, type FormEvent } from 'react';
import { checkInsApi } from '../../../shared/api/check-ins.js';
import type { AnswerOf } from '../../../shared/api/endpoint.js';
import { EXPOSURE_KEYS, SYMPTOM_KEYS } from '../../../shared/contracts.js';
import { MAX_NAME_LENGTH } from '../../../shared/limits.js';
import { call, errorText } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { YesNo } from '../../components/YesNo.js';
import { regionTimeZone, type Messages } from '../../i18n/index.js';
import { instantOfWallClock, wallClockOf } from '../../../shared/wall-clock.js';
import type { StaffEntry } from './offline-queue.js';
import { DayTimeInput } from '../../components/DayInput.js';

type Found = AnswerOf<typeof checkInsApi.peopleByPhone>['items'][number];

export function LookupPanel({
  venueId,
  onPick,
  t,
}: {
  venueId: number;
  onPick(person: { fullName: string; phone: string }): void;
  t: Messages;
}) {
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setFound((await call(checkInsApi.peopleByPhone, { params: { id: venueId }, query: { phone } })).items);
    } catch (err) {
      setFound(null);
      setError(errorText(err));
    }
  };
  return (
    <form className="card" onSubmit={search}>
      <h2>{t.scanner_lookup}</h2>
      <div className="row">
        <input
          id="lookup-phone"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-label={t.ci_phone}
          style={{ flex: 1 }}
        />
        <button className="btn secondary" type="submit">
          {t.scanner_lookup_button}
        </button>
      </div>
      {error && <div className="error">{error}</div>}
      {found?.length === 0 && <p className="muted">{t.scanner_lookup_none}</p>}
      {found?.map((p) => (
        <div key={p.cardNumber} className={`row found colour-${p.statusColour}`}>
          <span style={{ flex: 1 }}>
            <strong>{p.fullName}</strong> · {p.cardNumber}
          </span>
          <button
            type="button"
            className="btn"
            onClick={() => onPick({ fullName: p.fullName, phone: p.phone })}
          >
            {t.scanner_record}
          </button>
        </div>
      ))}
    </form>
  );
}

/** The region's wall-clock time now, as the paper's time is written (the computer's zone may differ). */
const regionNow = () => wallClockOf(new Date(), regionTimeZone());

/** The questions of the paper declaration, with their labels: symptoms, then exposure. */
const PAPER_QUESTIONS = [
  ...SYMPTOM_KEYS.map((k) => [k, `sym_${k}`] as const),
  ...EXPOSURE_KEYS.map((k) => [k, `exp_${k}`] as const),
] satisfies (readonly [string, keyof Messages])[];

export function PaperPanel({
  onSubmit,
  t,
}: {
  onSubmit(entry: Pick<StaffEntry, 'person' | 'at' | 'declaration'>): Promise<void>;
  t: Messages;
}) {
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [at, setAt] = useState(regionNow);
  const [withDeclaration, setWithDeclaration] = useState(false);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  // As on the paper: no answer is assumed; one left blank is asked for before the entry is saved.
  const [missing, setMissing] = useState<string[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unanswered = withDeclaration ? PAPER_QUESTIONS.filter(([k]) => answers[k] === undefined) : [];
    setMissing(unanswered.map(([k]) => k));
    if (unanswered.length) return;
    const pick = <K extends string>(keys: readonly K[]) =>
      Object.fromEntries(keys.map((k) => [k, answers[k]!])) as Record<K, boolean>;
    await onSubmit({
      person: { fullName, phone },
      at: instantOfWallClock(at, regionTimeZone()).toISOString(),
      ...(withDeclaration
        ? {
            declaration: {
              symptoms: pick(SYMPTOM_KEYS),
              exposure: pick(EXPOSURE_KEYS),
              pledge: true as const,
            },
          }
        : {}),
    });
    setFullName('');
    setPhone('');
    setAnswers({});
    setMissing([]);
    setAt(regionNow());
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)}>
      <h2>{t.scanner_paper}</h2>
      <Field label={t.ci_full_name} htmlFor="paper-name">
        <input
          id="paper-name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          required
          maxLength={MAX_NAME_LENGTH}
        />
      </Field>
      <Field label={t.ci_phone} htmlFor="paper-phone">
        <input
          id="paper-phone"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          required
        />
      </Field>
      <Field label={t.scanner_paper_time} htmlFor="paper-at">
        <DayTimeInput id="paper-at" value={at} max={regionNow()} onChange={setAt} required />
      </Field>
      <label className="pledge">
        <input
          type="checkbox"
          checked={withDeclaration}
          onChange={(e) => setWithDeclaration(e.target.checked)}
        />{' '}
        {t.scanner_paper_has_decl}
      </label>
      {withDeclaration &&
        PAPER_QUESTIONS.map(([k, label]) => (
          <YesNo
            key={k}
            id={`paper-${k}`}
            label={String(t[label])}
            value={answers[k] ?? null}
            missing={missing.includes(k)}
            onChange={(v) => {
              setAnswers({ ...answers, [k]: v });
              setMissing(missing.filter((m) => m !== k));
            }}
          />
        ))}
      {missing.length > 0 && (
        <div className="error" role="alert" id="paper-unanswered">
          {t.decl_unanswered.replace('{n}', String(missing.length))}
        </div>
      )}
      <p>
        <button className="btn" type="submit">
          {t.scanner_paper_submit}
        </button>
      </p>
    </form>
  );
}
