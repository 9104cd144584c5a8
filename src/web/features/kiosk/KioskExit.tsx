/**
 * Leaving kiosk mode: the exit PIN the manager chose, or the manager's (or an official's) login.
 * Anyone else stays on the scanner: the device holds no session and shows no navigation.
 */
import { useState, type FormEvent } from 'react';
import { authApi } from '../../../shared/api/auth.js';
import { call, formErrors } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { kioskEnrolment, leaveKioskMode, pinMatches } from '../../device/kiosk.js';

export function KioskExit() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  const leave = (to: string) => {
    leaveKioskMode();
    location.assign(to);
  };
  const byPin = async (e: FormEvent) => {
    e.preventDefault();
    if (await pinMatches(pin)) leave('/login');
    else setError(t.kiosk_pin_wrong);
  };
  const byLogin = async (e: FormEvent) => {
    e.preventDefault();
    const venueId = kioskEnrolment()?.venueId;
    try {
      const { user } = await call(authApi.login, { body: { username, password } });
      leave(user.role === 'venue_staff' ? '/venues' : `/venues/${venueId}`);
    } catch (err) {
      setError(formErrors(err).message);
    }
  };

  if (!open)
    return (
      <button type="button" className="kiosk-exit secondary" onClick={() => setOpen(true)}>
        {t.kiosk_exit}
      </button>
    );
  return (
    <div className="card kiosk-exit-dialog" role="dialog" aria-label={t.kiosk_exit}>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void byPin(e)} className="row">
        <label>
          {t.kiosk_pin}
          <input
            type="password"
            inputMode="numeric"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            id="exit-pin"
          />
        </label>
        <button type="submit">{t.kiosk_exit}</button>
      </form>
      <form onSubmit={(e) => void byLogin(e)} className="row">
        <label>
          {t.field_username}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
        </label>
        <label>
          {t.field_login_password}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        <button type="submit" className="secondary">
          {t.kiosk_exit_login}
        </button>
      </form>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t.cancel}
      </button>
    </div>
  );
}
