import type { InputHTMLAttributes, ReactNode } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../shared/limits.js';

export function Field({
  label,
  htmlFor,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {error && <div className="err">{error}</div>}
    </div>
  );
}

/** A labelled input with its error: the text, phone, number and password fields of every form. */
export function TextField({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} htmlFor={id} error={error}>
      <input id={id} {...input} />
    </Field>
  );
}

/**
 * The inputs of a form kept in one object: `field(key, label, attributes)` is its labelled input,
 * bound to `form[key]`, showing the API's error for `errorPath(key)` (e.g. `person.phone`).
 */
export function formFields<F extends Record<string, string>>(
  form: F,
  onChange: (next: F) => void,
  errors: Record<string, string>,
  errorPath: (key: string) => string = (key) => key,
) {
  return (
    key: keyof F & string,
    label: string,
    input: InputHTMLAttributes<HTMLInputElement> = {},
    errorKey = errorPath(key),
  ) => (
    <TextField
      id={key}
      label={label}
      error={errors[errorKey]}
      value={form[key]}
      onChange={(e) => onChange({ ...form, [key]: e.target.value })}
      {...input}
    />
  );
}

/** Attributes of a new-password input and of its repetition (password and setup pages). */
export const NEW_PASSWORD: InputHTMLAttributes<HTMLInputElement> = {
  type: 'password',
  required: true,
  minLength: MIN_PASSWORD_LENGTH,
  autoComplete: 'new-password',
};
export const REPEATED_PASSWORD: InputHTMLAttributes<HTMLInputElement> = {
  type: 'password',
  required: true,
  autoComplete: 'new-password',
};
