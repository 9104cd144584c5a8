/**
 * Changing one's own password (API v1.1 `POST /api/auth/password`). After a reset by an official the
 * password is temporary: the app shows this page and nothing else until a new one is chosen.
 */
import { useState, type FormEvent } from 'react';
import { authApi } from '../../../shared/api/auth.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formFields, NEW_PASSWORD, REPEATED_PASSWORD } from '../../components/Field.js';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordPage() {
  const { t } = useT();
  const { user, refresh } = useSession();
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const send = useSubmit(async () => {
    await call(authApi.changePassword, {
      body: { currentPassword: form.currentPassword, newPassword: form.newPassword },
    });
    setForm(EMPTY);
    setDone(true);
    await refresh();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setMismatch(form.newPassword !== form.repeat);
    if (form.newPassword === form.repeat) void send.run();
  };
  const field = formFields(form, setForm, {
    ...send.fields,
    ...(mismatch ? { repeat: t.pw_mismatch } : {}),
  });
  if (!user) return <p className="muted">{t.loading}</p>;
  return (
    <form className="card" onSubmit={submit} style={{ maxWidth: 480 }}>
      <h1>{t.pw_title}</h1>
      {user.mustChangePassword && (
        <p className="warn-box" role="alert">
          {t.pw_temporary}
        </p>
      )}
      <p className="muted">
        {t.pw_account}: <strong>{user.username}</strong>
      </p>
      {field('currentPassword', t.pw_current, {
        type: 'password',
        required: true,
        autoComplete: 'current-password',
      })}
      {field('newPassword', t.pw_new, NEW_PASSWORD)}
      {field('repeat', t.pw_repeat, REPEATED_PASSWORD)}
      <ErrorAlert message={send.error} />
      {done && (
        <div className="ok" role="status">
          {t.pw_done}
        </div>
      )}
      <p>
        <button className="btn" type="submit" disabled={send.busy}>
          {send.busy ? t.saving : t.pw_submit}
        </button>
      </p>
    </form>
  );
}
