/**
 * The accounts the user may manage (API v1.1 `GET /api/users`): search by name and role; deactivate or
 * reactivate (sessions end at once); reset a password to a temporary one, shown once; move an account
 * to another unit or other venues (ScopeDialog).
 */
import { useState } from 'react';
import { usersApi, type Account } from '../../../shared/api/users.js';
import { ROLES, type Role } from '../../../shared/contracts.js';
import { call } from '../../api/client.js';
import { useRequest, useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, type Messages } from '../../i18n/index.js';
import { movable, ScopeDialog } from './ScopeDialog.js';

type Action = 'toggle' | 'reset' | 'move';

export function AccountList({ reloadKey }: { reloadKey: number }) {
  const { t } = useT();
  const { user } = useSession();
  const [moving, setMoving] = useState<Account | null>(null);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const list = useRequest(
    () => call(usersApi.list, { query: { q: q.trim() || undefined, role: role || undefined } }),
    [q, role, reloadKey],
  );
  const [told, setTold] = useState<string | null>(null);
  const act = useSubmit(async (account: Account, what: Action) => {
    setTold(null);
    if (what === 'move') return setMoving(account);
    if (what === 'toggle') {
      await call(usersApi.update, { params: { id: account.id }, body: { active: !account.active } });
      setTold(`${account.active ? t.acc_deactivated : t.acc_reactivated}: ${account.username}`);
    } else {
      const { temporaryPassword } = await call(usersApi.resetPassword, { params: { id: account.id } });
      setTold(t.acc_temporary.replace('{name}', account.username).replace('{password}', temporaryPassword));
    }
    list.reload();
  });
  return (
    <section className="card scroll">
      <h2>{t.acc_list}</h2>
      <div className="row">
        <label className="inline">
          {t.acc_search}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />
        </label>
        <label className="inline">
          {t.acc_role}
          <select value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
            <option value="">{t.acc_all_roles}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t[`role_${r}`]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorAlert message={act.error ?? list.error} />
      {told && (
        <div className="ok" role="status" data-testid="account-notice">
          {told}
        </div>
      )}
      {list.data && list.data.items.length === 0 && <p className="muted">{t.acc_none}</p>}
      {list.data && list.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.acc_username}</th>
              <th>{t.acc_role}</th>
              <th>{t.acc_where}</th>
              <th>{t.acc_state}</th>
              <th>{t.acc_last_login}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((a) => (
              <AccountRow
                key={a.id}
                account={a}
                t={t}
                busy={act.busy}
                canMove={movable(a, user?.role) !== null}
                act={(what) => void act.run(a, what)}
              />
            ))}
          </tbody>
        </table>
      )}
      {moving && (
        <ScopeDialog
          account={moving}
          kind={movable(moving, user?.role)!}
          onClose={() => setMoving(null)}
          onMoved={(moved) => {
            setTold(
              `${t.acc_moved}: ${moved.username} → ${moved.adminUnitName ?? moved.venueNames.join(', ')}`,
            );
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function AccountRow({
  account: a,
  t,
  busy,
  canMove,
  act,
}: {
  account: Account;
  t: Messages;
  busy: boolean;
  canMove: boolean;
  act(what: Action): void;
}) {
  return (
    <tr className={a.active ? undefined : 'muted'}>
      <td>{a.username}</td>
      <td>{t[`role_${a.role}`]}</td>
      <td className="small">{a.adminUnitName ?? (a.venueNames.length ? a.venueNames.join(', ') : '—')}</td>
      <td>
        {a.active ? t.acc_active : t.acc_inactive}
        {a.mustChangePassword && <div className="small muted">{t.acc_must_change}</div>}
      </td>
      <td className="small">{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : '—'}</td>
      <td>
        <button type="button" className="link" disabled={busy} onClick={() => act('toggle')}>
          {a.active ? t.acc_deactivate : t.acc_reactivate}
        </button>{' '}
        <button type="button" className="link" disabled={busy || !a.active} onClick={() => act('reset')}>
          {t.acc_reset}
        </button>
        {canMove && (
          <>
            {' '}
            <button type="button" className="link" disabled={busy || !a.active} onClick={() => act('move')}>
              {a.role === 'venue_staff' ? t.acc_move_venues : t.acc_move_unit}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
