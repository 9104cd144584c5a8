/** Who the declaration is about: name, phone, ID, birth year, sex, nationality, home address. */
import {
  FIRST_BIRTH_YEAR,
  LAST_BIRTH_YEAR,
  MAX_ADDRESS_LENGTH,
  MAX_ID_NUMBER_LENGTH,
  MAX_NAME_LENGTH,
} from '../../../shared/limits.js';
import { useT } from '../../app/lang.js';
import { countryName } from '../../i18n/index.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { Field, formFields } from '../../components/Field.js';

/** Nationalities offered first (neighbours and the most frequent visitors). */
const NATIONALITIES = ['VN', 'LA', 'KH', 'CN', 'KR', 'JP', 'TH', 'US', 'FR', 'GB', 'AU'];

export type PersonForm = {
  fullName: string;
  phone: string;
  idNumber: string;
  birthYear: string;
  sex: '' | 'male' | 'female' | 'other';
  nationality: string;
  address: string;
};

export function PersonFields({
  value,
  onChange,
  onUnit,
  errors,
  unitRequired,
}: {
  /** The home unit is asked for (a domestic declaration counts there); an arrival counts where the person stays. */
  unitRequired: boolean;
  value: PersonForm;
  onChange(next: PersonForm): void;
  onUnit(code: string | null): void;
  errors: Record<string, string>;
}) {
  const { t, lang } = useT();
  const set = (key: keyof PersonForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  const field = formFields(value, onChange, errors, (key) => `person.${key}`);
  return (
    <>
      <div className="grid">
        {field('fullName', t.ci_full_name, {
          required: true,
          maxLength: MAX_NAME_LENGTH,
          autoComplete: 'name',
        })}
        {field('phone', t.ci_phone, { required: true, type: 'tel', autoComplete: 'tel' })}
        {field('idNumber', t.field_id_number, { maxLength: MAX_ID_NUMBER_LENGTH })}
        {field('birthYear', t.field_birth_year, {
          type: 'number',
          min: FIRST_BIRTH_YEAR,
          max: LAST_BIRTH_YEAR,
        })}
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
                {countryName(c, lang)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h2>{t.decl_address_title}</h2>
      <div className="grid">
        <AdminUnitPicker onChange={onUnit} required={unitRequired} />
        {field('address', t.field_address, { maxLength: MAX_ADDRESS_LENGTH })}
      </div>
    </>
  );
}
