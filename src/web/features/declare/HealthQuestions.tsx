/**
 * The health part of the declaration: provinces visited, symptoms, exposure, hotspots, vaccine doses.
 * No answer is given in advance (API v1.1): every yes/no question starts unanswered, and the form
 * names those left unanswered instead of sending "no" for the citizen.
 */
import { Fragment } from 'react';
import type { ActiveHotspot } from '../../../shared/api/declarations.js';
import { EXPOSURE_KEYS, SYMPTOM_KEYS, type Exposure, type Symptoms } from '../../../shared/contracts.js';
import { useT } from '../../app/lang.js';
import { Field } from '../../components/Field.js';
import { YesNo, type Answer } from '../../components/YesNo.js';
import type { Messages } from '../../i18n/index.js';
import { ProvinceChecklist } from './ProvinceChecklist.js';

/** The yes/no question groups: symptoms, then exposure (their texts are `sym_…`, `exp_…`). */
const QUESTION_GROUPS = [
  { title: 'decl_symptoms', keys: SYMPTOM_KEYS, prefix: 'sym_', answers: 'symptoms' },
  { title: 'decl_exposure', keys: EXPOSURE_KEYS, prefix: 'exp_', answers: 'exposure' },
] as const;

/** Doses offered in the vaccine picker. */
const VACCINE_DOSE_CHOICES = [0, 1, 2, 3, 4];

type Answers<T> = { [K in keyof T]: Answer };

export interface HealthAnswers {
  visited: string[];
  symptoms: Answers<Symptoms>;
  exposure: Answers<Exposure>;
  /** Per active hotspot: did the person go there (absent: not answered). */
  hotspots: Record<number, boolean>;
  /** '' when not answered. */
  vaccineDoses: string;
}

const unanswered = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, null])) as Record<K, Answer>;

export const NOTHING_ANSWERED: HealthAnswers = {
  visited: [],
  symptoms: unanswered(SYMPTOM_KEYS),
  exposure: unanswered(EXPOSURE_KEYS),
  hotspots: {},
  vaccineDoses: '',
};

/** The ids of the questions still unanswered, in the order of the form. */
export function unansweredQuestions(value: HealthAnswers, hotspots: readonly ActiveHotspot[]): string[] {
  const missing: string[] = [];
  for (const { keys, prefix, answers } of QUESTION_GROUPS) {
    const given = value[answers] as Record<string, Answer>;
    for (const k of keys) if (given[k] === null) missing.push(`${prefix}${k}`);
  }
  for (const h of hotspots) if (value.hotspots[h.id] === undefined) missing.push(`hotspot-${h.id}`);
  return missing;
}

/** The answers as the API takes them, once every question is answered. */
export function answered(value: HealthAnswers) {
  return {
    symptoms: value.symptoms as Symptoms,
    exposure: value.exposure as Exposure,
    hotspotVisits: Object.entries(value.hotspots)
      .filter(([, yes]) => yes)
      .map(([id]) => Number(id)),
  };
}

export function HealthQuestions({
  value,
  onChange,
  hotspots,
  missing,
}: {
  value: HealthAnswers;
  onChange(next: HealthAnswers): void;
  hotspots: readonly ActiveHotspot[];
  /** Question ids to mark as unanswered (after a submit). */
  missing: readonly string[];
}) {
  const { t } = useT();
  const set = <K extends keyof HealthAnswers>(key: K, v: HealthAnswers[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <>
      <h2>{t.decl_visited}</h2>
      <ProvinceChecklist selected={value.visited} onChange={(v) => set('visited', v)} />
      {QUESTION_GROUPS.map(({ title, keys, prefix, answers }) => (
        <Fragment key={prefix}>
          <h2>{t[title]}</h2>
          <div className="questions">
            {keys.map((k) => {
              const id = `${prefix}${k}`;
              const given = value[answers] as Record<string, Answer>;
              return (
                <YesNo
                  key={k}
                  id={id}
                  label={String(t[id as keyof Messages])}
                  value={given[k] ?? null}
                  missing={missing.includes(id)}
                  onChange={(v) => set(answers, { ...given, [k]: v } as HealthAnswers[typeof answers])}
                />
              );
            })}
          </div>
        </Fragment>
      ))}
      {hotspots.length > 0 && (
        <>
          <h2>{t.decl_hotspots}</h2>
          {hotspots.map((h) => (
            <YesNo
              key={h.id}
              id={`hotspot-${h.id}`}
              label={t.decl_hotspot_question
                .replace('{place}', h.adminUnitName)
                .replace('{from}', h.from)
                .replace('{to}', h.to)}
              value={value.hotspots[h.id] ?? null}
              missing={missing.includes(`hotspot-${h.id}`)}
              onChange={(yes) => set('hotspots', { ...value.hotspots, [h.id]: yes })}
            />
          ))}
        </>
      )}
      <Field label={t.decl_vaccine} htmlFor="vaccine">
        <select
          id="vaccine"
          value={value.vaccineDoses}
          onChange={(e) => set('vaccineDoses', e.target.value)}
          style={{ maxWidth: 200 }}
        >
          <option value="">{t.choose}</option>
          {VACCINE_DOSE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
