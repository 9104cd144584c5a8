/** Who the declaration is about: name, phone, ID, birth year, sex, nationality, home address. */
import {
  FIRST_BIRTH_YEAR,
  LAST_BIRTH_YEAR,
  MAX_ADDRESS_LENGTH,
  MAX_ID_NUMBER_LENGTH,
  MAX_NAME_LENGTH,
} from '../../../shared/limits.js';
import { useT } from '../../app/lang.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { Field } from '../../components/Field.js';

/** Nationalities offered first (neighbours and the most frequent visitors). */
const NATIONALITIES = ['VN', 'LA', 'KH', 'CN', 'KR', 'JP', 'TH', 'US', 'FR', 'GB', 'AU'];

export interface PersonForm {
  fullName: string;
  phone: string;
  idNumber: string;
  birthYear: string;
  sex: '' | 'male' | 'female' | 'other';
  nationality: string;
  address: string;
}

export function PersonFields({
  value,
  onChange,
  onUnit,
  errors,
}: {
  value: PersonForm;
  onChange(next: PersonForm): void;
  onUnit(code: string | null): void;
  errors: Record<string, string>;
}) {
  const { t } = useT();
  const set = (key: keyof PersonForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <div className="grid">
        <Field label={t.ci_full_name} htmlFor="fullName" error={errors['person.fullName']}>
          <input
            id="fullName"
            value={value.fullName}
            onChange={set('fullName')}
            required
            maxLength={MAX_NAME_LENGTH}
            autoComplete="name"
          />
        </Field>
        <Field label={t.ci_phone} htmlFor="phone" error={errors['person.phone']}>
          <input
            id="phone"
            type="tel"
            value={value.phone}
            onChange={set('phone')}
            required
            autoComplete="tel"
          />
        </Field>
        <Field label={t.field_id_number} htmlFor="idNumber" error={errors['person.idNumber']}>
          <input
            id="idNumber"
            value={value.idNumber}
            onChange={set('idNumber')}
            maxLength={MAX_ID_NUMBER_LENGTH}
          />
        </Field>
        <Field label={t.field_birth_year} htmlFor="birthYear" error={errors['person.birthYear']}>
          <input
            id="birthYear"
            type="number"
            min={FIRST_BIRTH_YEAR}
            max={LAST_BIRTH_YEAR}
            value={value.birthYear}
            onChange={set('birthYear')}
          />
        </Field>
        <Field label={t.field_sex} htmlFor="sex">
          <select id="sex" value={value.sex} onChange={set('sex')}>
            <option value="">{t.choose}</option>
            <option value="male">{t.sex_male}</option>
            <option value="female">{t.sex_female}</option>
            <option value="other">{t.sex_other}</option>
          </select>
        </Field>
        <Field label={t.field_nationality} htmlFor="nationality">
          <select id="nationality" value={value.nationality} onChange={set('nationality')}>
            {NATIONALITIES.map((c) => (
              <option key={c} value={c}>
                {new Intl.DisplayNames([document.documentElement.lang || 'vi'], { type: 'region' }).of(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h2>{t.decl_address_title}</h2>
      <div className="grid">
        <AdminUnitPicker onChange={onUnit} required={false} />
        <Field label={t.field_address} htmlFor="address">
          <input
            id="address"
            value={value.address}
            onChange={set('address')}
            maxLength={MAX_ADDRESS_LENGTH}
          />
        </Field>
      </div>
    </>
  );
}
