/**
 * Self-registration of a venue by its owner (F2): the owner becomes its manager and gets the QR. A
 * logged-in manager adds another venue to their own account (no password asked). A phone that already
 * has an account is told to log in first: a public form never attaches a venue to an account.
 */
import { useState, type FormEvent } from 'react';
import { authApi } from '../../../shared/api/auth.js';
import { referenceApi } from '../../../shared/api/reference.js';
import { venuesApi } from '../../../shared/api/venues.js';
import {
  MAX_ADDRESS_LENGTH,
  MAX_NAME_LENGTH,
  MAX_VENUE_CAPACITY,
  MIN_PASSWORD_LENGTH,
} from '../../../shared/limits.js';
import type { VenueCategory } from '../../../shared/venue-categories.js';
import { call } from '../../api/client.js';
import { useRequest, useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { Field, formFields } from '../../components/Field.js';
import { normalizePhone } from '../../../shared/phone.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/** A password the browser may offer to generate and save. */
const NEW_PASSWORD = { type: 'password', autoComplete: 'new-password', required: true } as const;

const EMPTY = {
  name: '',
  category: '',
  address: '',
  contactName: '',
  contactPhone: '',
  capacity: '',
  password: '',
  password2: '',
};

export function RegisterVenuePage() {
  const { t, lang } = useT();
  const { refresh, user } = useSession();
  const forMyAccount = user?.role === 'venue_manager';
  const [form, setForm] = useState(EMPTY);
  const [unit, setUnit] = useState<string | null>(null);
  const categories = useRequest(() => call(referenceApi.venueCategories), [lang]).data?.items ?? [];
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const registration = useSubmit(async () => {
    const created = await call(venuesApi.register, {
      body: {
        name: form.name,
        category: form.category as VenueCategory,
        adminUnitCode: unit ?? '',
        address: form.address,
        contactName: form.contactName,
        contactPhone: form.contactPhone,
        capacity: form.capacity ? Number(form.capacity) : undefined,
        managerPassword: forMyAccount ? undefined : form.password,
      },
    });
    if (!forMyAccount) {
      await call(authApi.login, { body: { username: form.contactPhone, password: form.password } });
      await refresh();
    }
    navigate(`/venues/${created.id}?new=1`);
  });
  const { busy, error } = registration;
  const hasAccount = registration.code === 'phone_has_account';
  const errors = { ...registration.fields, ...localErrors };
  const field = formFields(form, setForm, errors);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!normalizePhone(form.contactPhone)) local.contactPhone = t.phone_invalid;
    if (!forMyAccount && form.password !== form.password2) local.password2 = t.passwords_differ;
    setLocalErrors(local);
    if (Object.keys(local).length === 0) void registration.run();
  };

  return (
    <form className="card register-form" onSubmit={submit}>
      <h1>{t.register_title}</h1>
      <fieldset>
        <legend>{t.register_place}</legend>
        <div className="grid">
          {field('name', t.field_name, { required: true, maxLength: MAX_NAME_LENGTH })}
          <Field label={t.field_category} htmlFor="category" error={errors.category}>
            <select id="category" value={form.category} onChange={set('category')} required>
              <option value="">{t.choose}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          {field('capacity', t.field_capacity, { type: 'number', min: 1, max: MAX_VENUE_CAPACITY })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.register_where}</legend>
        <div className="grid">
          <AdminUnitPicker onChange={setUnit} error={errors.adminUnitCode} />
          {field('address', t.field_address, { required: true, maxLength: MAX_ADDRESS_LENGTH })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.register_manager}</legend>
        <div className="grid">
          {field('contactName', t.field_contact_name, { required: true, maxLength: MAX_NAME_LENGTH })}
          {field('contactPhone', t.field_contact_phone, { required: true, type: 'tel' })}
          {!forMyAccount && (
            <>
              {field(
                'password',
                t.field_password,
                { ...NEW_PASSWORD, minLength: MIN_PASSWORD_LENGTH },
                'managerPassword',
              )}
              {field('password2', t.field_password_again, NEW_PASSWORD)}
            </>
          )}
        </div>
      </fieldset>
      <ErrorAlert message={error} />
      {hasAccount && (
        <p>
          {t.phone_has_account_hint} <a href="/login">{t.home_login}</a>
        </p>
      )}
      {!unit && <p className="muted small">{t.register_needs_unit}</p>}
      <p>
        <button className="btn" type="submit" disabled={busy || !unit}>
          {busy ? t.saving : t.submit_register}
        </button>
      </p>
    </form>
  );
}
