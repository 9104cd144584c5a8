/** The health part of the declaration: provinces visited, symptoms, exposure, hotspots, vaccine doses. */
import { Fragment } from 'react';
import { declarationsApi } from '../../../shared/api/declarations.js';
import { EXPOSURE_KEYS, SYMPTOM_KEYS, type Exposure, type Symptoms } from '../../../shared/contracts.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { Field } from '../../components/Field.js';
import { YesNo } from '../../components/YesNo.js';
import type { Messages } from '../../i18n/index.js';
import { ProvinceChecklist } from './ProvinceChecklist.js';

/** The yes/no question groups: symptoms, then exposure (their texts are `sym_…`, `exp_…`). */
const QUESTION_GROUPS = [
  { title: 'decl_symptoms', keys: SYMPTOM_KEYS, prefix: 'sym_', answers: 'symptoms' },
  { title: 'decl_exposure', keys: EXPOSURE_KEYS, prefix: 'exp_', answers: 'exposure' },
] as const;

/** Doses offered in the vaccine picker. */
const VACCINE_DOSE_CHOICES = [0, 1, 2, 3, 4];

export interface HealthAnswers {
  visited: string[];
  symptoms: Symptoms;
  exposure: Exposure;
  hotspotVisits: number[];
  /** '' when not answered. */
  vaccineDoses: string;
}

const allNo = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, false])) as Record<K, boolean>;

export const NO_ANSWERS: HealthAnswers = {
  visited: [],
  symptoms: allNo(SYMPTOM_KEYS),
  exposure: allNo(EXPOSURE_KEYS),
  hotspotVisits: [],
  vaccineDoses: '',
};

export function HealthQuestions({
  value,
  onChange,
}: {
  value: HealthAnswers;
  onChange(next: HealthAnswers): void;
}) {
  const { t } = useT();
  const hotspots = useRequest(() => call(declarationsApi.activeHotspots), []).data?.items ?? [];
  const set = <K extends keyof HealthAnswers>(key: K, v: HealthAnswers[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <>
      <h2>{t.decl_visited}</h2>
      <ProvinceChecklist selected={value.visited} onChange={(v) => set('visited', v)} />
      {QUESTION_GROUPS.map(({ title, keys, prefix, answers }) => (
        <Fragment key={prefix}>
          <h2>{t[title]}</h2>
          <Questions
            keys={keys as readonly string[]}
            prefix={prefix}
            values={value[answers] as Record<string, boolean>}
            onChange={(v) => set(answers, v as HealthAnswers[typeof answers])}
            t={t}
          />
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
              value={value.hotspotVisits.includes(h.id)}
              onChange={(yes) =>
                set(
                  'hotspotVisits',
                  yes ? [...value.hotspotVisits, h.id] : value.hotspotVisits.filter((x) => x !== h.id),
                )
              }
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

function Questions<K extends string>({
  keys,
  prefix,
  values,
  onChange,
  t,
}: {
  keys: readonly K[];
  prefix: string;
  values: Record<K, boolean>;
  onChange(v: Record<K, boolean>): void;
  t: Messages;
}) {
  return (
    <div className="questions">
      {keys.map((k) => (
        <YesNo
          key={k}
          id={`${prefix}${k}`}
          label={String(t[`${prefix}${k}` as keyof Messages])}
          value={values[k]}
          onChange={(v) => onChange({ ...values, [k]: v })}
        />
      ))}
    </div>
  );
}
