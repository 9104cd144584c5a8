/**
 * The arrival declaration's own questions (F21): where from (a country, or a province for arrivals
 * within Vietnam), when, by which flight, train or coach, and where the person will stay.
 */
import { useState } from 'react';
import {
  MAX_TRANSPORT_LENGTH,
  type ArrivalFacts,
  type DeclarationKind,
} from '../../../shared/api/arrivals.js';
import { referenceApi } from '../../../shared/api/reference.js';
import { MAX_ADDRESS_LENGTH } from '../../../shared/limits.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { Field, formFields } from '../../components/Field.js';
import { countryName } from '../../i18n/index.js';
import { localToday } from '../dashboard/dates.js';

/** Countries offered (people arriving in Vietnam come mostly from these); named in the page's language. */
const COUNTRIES = [
  'KR',
  'CN',
  'JP',
  'TW',
  'HK',
  'US',
  'TH',
  'LA',
  'KH',
  'SG',
  'MY',
  'ID',
  'PH',
  'IN',
  'AU',
  'NZ',
  'CA',
  'GB',
  'FR',
  'DE',
  'IT',
  'ES',
  'NL',
  'RU',
  'AE',
  'QA',
  'TR',
  'IL',
];

export type ArrivalForm = {
  origin: 'abroad' | 'province';
  fromCountry: string;
  fromProvinceCode: string;
  arrivalDate: string;
  transport: string;
  stayAddress: string;
};

/** The kind of declaration the page makes and, for an arrival, its facts as the API takes them. */
export function useArrival(initialKind: DeclarationKind) {
  const [kind, setKind] = useState<DeclarationKind>(initialKind);
  const [form, setForm] = useState<ArrivalForm>(() => ({
    origin: 'abroad',
    fromCountry: '',
    fromProvinceCode: '',
    arrivalDate: localToday(),
    transport: '',
    stayAddress: '',
  }));
  const [stayUnit, setStayUnit] = useState<string | null>(null);
  const facts = (): ArrivalFacts | undefined =>
    kind !== 'arrival'
      ? undefined
      : {
          ...(form.origin === 'abroad'
            ? { fromCountry: form.fromCountry }
            : { fromProvinceCode: form.fromProvinceCode }),
          arrivalDate: form.arrivalDate,
          transport: form.transport.trim() || undefined,
          stayAddress: form.stayAddress,
          stayAdminUnitCode: stayUnit ?? '',
        };
  return { kind, setKind, form, setForm, stayUnit, setStayUnit, facts };
}

export function KindChoice({
  kind,
  onChange,
}: {
  kind: DeclarationKind;
  onChange(k: DeclarationKind): void;
}) {
  const { t } = useT();
  return (
    <fieldset className="kind-choice">
      <legend>{t.decl_kind}</legend>
      {(['domestic', 'arrival'] as const).map((k) => (
        <label key={k} className={kind === k ? 'on' : ''}>
          <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => onChange(k)} />{' '}
          {k === 'domestic' ? t.decl_kind_domestic : t.decl_kind_arrival}
        </label>
      ))}
    </fieldset>
  );
}

export function ArrivalFields({
  arrival,
  errors,
}: {
  arrival: ReturnType<typeof useArrival>;
  errors: Record<string, string>;
}) {
  const { t, lang } = useT();
  const { form, setForm } = arrival;
  const field = formFields(form, setForm, errors, (key) => `arrival.${key}`);
  const provinces = useRequest(
    () => (form.origin === 'province' ? call(referenceApi.adminUnits, { query: {} }) : Promise.resolve(null)),
    [form.origin],
  ).data?.items;
  const countries = COUNTRIES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
    a.name.localeCompare(b.name, lang),
  );
  return (
    <>
      <h2>{t.arr_title}</h2>
      <div className="row">
        {(['abroad', 'province'] as const).map((o) => (
          <label key={o} className="inline">
            <input
              type="radio"
              name="origin"
              checked={form.origin === o}
              onChange={() => setForm({ ...form, origin: o })}
            />{' '}
            {o === 'abroad' ? t.arr_from_abroad : t.arr_from_province}
          </label>
        ))}
      </div>
      <div className="grid">
        {form.origin === 'abroad' ? (
          <Field label={t.arr_country} htmlFor="fromCountry" error={errors['arrival.fromCountry']}>
            <select
              id="fromCountry"
              required
              value={form.fromCountry}
              onChange={(e) => setForm({ ...form, fromCountry: e.target.value })}
            >
              <option value="">{t.choose}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field
            label={t.arr_province}
            htmlFor="fromProvinceCode"
            error={errors['arrival.fromProvinceCode'] ?? errors['arrival.fromCountry']}
          >
            <select
              id="fromProvinceCode"
              required
              value={form.fromProvinceCode}
              onChange={(e) => setForm({ ...form, fromProvinceCode: e.target.value })}
            >
              <option value="">{t.choose}</option>
              {(provinces ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {field('arrivalDate', t.arr_date, { type: 'date', required: true })}
        {field('transport', t.arr_transport, { maxLength: MAX_TRANSPORT_LENGTH })}
      </div>
      <h2>{t.arr_stay_title}</h2>
      <div className="grid">
        <AdminUnitPicker
          idPrefix="stay"
          onChange={arrival.setStayUnit}
          error={errors['arrival.stayAdminUnitCode']}
        />
        {field('stayAddress', t.arr_stay_address, { required: true, maxLength: MAX_ADDRESS_LENGTH })}
      </div>
    </>
  );
}
