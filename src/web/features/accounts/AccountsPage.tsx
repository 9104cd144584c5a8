/**
 * Accounts (F14, API v1.1): the admin or an official creates official and tracer accounts for units in
 * their area, a venue manager creates staff for their venues; below, the accounts they manage.
 */
import { useState, type FormEvent } from 'react';
import { usersApi } from '../../../shared/api/users.js';
import { venuesApi } from '../../../shared/api/venues.js';
import { useRequest } from '../../api/hooks.js';
import type { Role } from '../../../shared/contracts.js';
import { call, errorText } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { Field } from '../../components/Field.js';
import { AccountList } from './AccountList.js';

export function AccountsPage() {
  const { t } = useT();
  const { user } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const manager = user?.role === 'venue_manager';
  const [role, setRole] = useState<Role>(manager ? 'venue_staff' : 'official');
  const [venueId, setVenueId] = useState(String(user?.venueIds[0] ?? ''));
  const [created, setCreated] = useState(0);
  const [unit, setUnit] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const mine = useRequest(() => (manager ? call(venuesApi.mine) : Promise.resolve({ items: [] })), [manager]);
  const venueNames = new Map(mine.data?.items.map((v) => [v.id, v.name]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call(usersApi.create, {
        body: {
          username,
          password,
          role,
          ...(manager
            ? { venueIds: [Number(venueId)] }
            : { adminUnitCode: role === 'admin' ? undefined : unit || (user?.adminUnitCode ?? undefined) }),
        },
      });
      setCreated((n) => n + 1);
      setResult({ ok: true, text: `${t.acc_created}: ${username}` });
      setUsername('');
      setPassword('');
    } catch (err) {
      setResult({ ok: false, text: errorText(err) });
    }
  };

  return (
    <>
      <form className="card" onSubmit={submit} style={{ maxWidth: 640 }}>
        <h1>{t.acc_title}</h1>
        <div className="grid">
          <Field label={t.acc_username} htmlFor="acc-username">
            <input
              id="acc-username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              minLength={3}
              autoComplete="off"
            />
          </Field>
          <Field label={t.acc_password} htmlFor="acc-password">
            <input
              id="acc-password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={8}
              autoComplete="new-password"
            />
          </Field>
          <Field label={t.acc_role} htmlFor="acc-role">
            <select id="acc-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {manager ? (
                <option value="venue_staff">{t.role_venue_staff}</option>
              ) : (
                <>
                  <option value="official">{t.role_official}</option>
                  <option value="tracer">{t.role_tracer}</option>
                </>
              )}
              {user?.role === 'admin' && <option value="admin">{t.role_admin}</option>}
            </select>
          </Field>
          {manager && (
            <Field label={t.acc_staff_venue} htmlFor="acc-venue">
              <select id="acc-venue" value={venueId} onChange={(e) => setVenueId(e.target.value)}>
                {user.venueIds.map((id) => (
                  <option key={id} value={id}>
                    {venueNames.get(id) ?? `${t.acc_venues} ${id}`}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        {!manager && role !== 'admin' && (
          <>
            <p className="muted">{t.acc_unit}</p>
            <AdminUnitPicker onChange={(code) => setUnit(code ?? '')} required={false} anyLevel />
          </>
        )}
        {result && (
          <div className={result.ok ? 'ok' : 'error'} role="status">
            {result.text}
          </div>
        )}
        <p>
          <button className="btn" type="submit">
            {t.acc_title}
          </button>
        </p>
      </form>
      <AccountList reloadKey={created} />
    </>
  );
}
