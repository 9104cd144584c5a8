import { useState, type FormEvent } from 'react';
import { authApi } from '../../../shared/api/auth.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

export function LoginPage() {
  const { t } = useT();
  const { refresh } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useSubmit(async () => {
    const { user } = await call(authApi.login, { body: { username, password } });
    await refresh();
    navigate(
      user.role === 'admin' || user.role === 'official'
        ? '/dashboard'
        : user.role === 'tracer'
          ? '/tracing'
          : '/venues',
    );
  });
  const { busy, error } = login;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void login.run();
  };
  return (
    <form className="card" onSubmit={submit} style={{ maxWidth: 420 }}>
      <h1>{t.login_title}</h1>
      <TextField
        id="username"
        label={t.field_username}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
      />
      <TextField
        id="password"
        label={t.field_login_password}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <ErrorAlert message={error} />
      <p>
        <button className="btn" type="submit" disabled={busy}>
          {busy ? t.loading : t.submit_login}
        </button>
      </p>
    </form>
  );
}
