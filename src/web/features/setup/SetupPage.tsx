/**
 * Creating the first national admin with the one-time link the server printed at its first start
 * (issue 14). Once created, the admin is logged in and taken to the accounts page.
 */
import { useState, type FormEvent } from 'react';
import { authApi } from '../../../shared/api/auth.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formFields, NEW_PASSWORD, REPEATED_PASSWORD } from '../../components/Field.js';

export function SetupPage() {
  const { t } = useT();
  const { refresh } = useSession();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [form, setForm] = useState({ username: 'quantri', password: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const send = useSubmit(async () => {
    await call(authApi.setupAdmin, { body: { token, username: form.username, password: form.password } });
    await call(authApi.login, { body: { username: form.username, password: form.password } });
    await refresh();
    navigate('/accounts');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(form.password !== form.repeat);
    if (form.password === form.repeat) void send.run();
  };
  const field = formFields(form, setForm, { ...send.fields, ...(mismatch ? { repeat: t.pw_mismatch } : {}) });
  if (!token) return <ErrorAlert message={t.setup_no_token} />;
  return (
    <form className="card" onSubmit={submit} style={{ maxWidth: 520 }}>
      <h1>{t.setup_title}</h1>
      <p className="muted">{t.setup_intro}</p>
      {field('username', t.acc_username, { required: true, minLength: 3, autoComplete: 'username' })}
      {field('password', t.pw_new, NEW_PASSWORD)}
      {field('repeat', t.pw_repeat, REPEATED_PASSWORD)}
      <ErrorAlert message={send.error} />
      <p>
        <button className="btn" type="submit" disabled={send.busy}>
          {send.busy ? t.saving : t.setup_submit}
        </button>
      </p>
    </form>
  );
}
