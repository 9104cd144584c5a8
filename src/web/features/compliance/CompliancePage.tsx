/**
 * Compliance (F10): venues that stopped scanning, units below the target share of scanning venues,
 * registration deadlines; remind managers (venue page + SMS) and suspend or reinstate a venue.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.js';
import { Link } from '../../app/App.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { formatDateTime, currentLang } from '../../i18n/index.js';
import { VENUE_CATEGORIES } from '../../../shared/venue-categories.js';
import { percent } from '../dashboard/dates.js';
import { ImportVenues } from './ImportVenues.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface Compliance {
  adminUnit: string;
  adminUnitName: string;
  since: string;
  silentVenues: {
    venueId: number;
    name: string;
    category: string;
    lastCheckInAt: string | null;
    remindedAt: string | null;
  }[];
  silentVenuesTruncated: boolean;
  unitsBelowTarget: {
    code: string;
    name: string;
    registered: number;
    active: number;
    activeShare: number | null;
  }[];
  deadlines: {
    id: number;
    adminUnitName: string;
    category: string | null;
    deadline: string;
    note: string | null;
    passed: boolean;
    registeredOnTime: number;
    registeredLate: number;
    silentSinceDeadline: number;
  }[];
}

const categoryName = (code: string | null, all: string) =>
  code === null ? all : (VENUE_CATEGORIES.find((c) => c.code === code)?.[currentLang()] ?? code);

export function CompliancePage() {
  const { t } = useT();
  const { user } = useSession();
  const unit = new URLSearchParams(location.search).get('unit') ?? user?.adminUnitCode ?? 'VN';
  const [silentDays, setSilentDays] = useState(3);
  const [target, setTarget] = useState(80);
  const [data, setData] = useState<Compliance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api<Compliance>(
      'GET',
      `/api/compliance?adminUnit=${unit}&silentDays=${silentDays}&target=${target / 100}`,
    ).then(setData, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [unit, silentDays, target]);
  useEffect(load, [load]);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      setNotice(done);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <>
      <section className="card">
        <h1>{t.comp_title}</h1>
        {data && <p className="muted">{data.adminUnit === 'VN' ? t.dash_country : data.adminUnitName}</p>}
        <div className="row">
          <label className="inline">
            {t.comp_silent_days}
            <input
              type="number"
              min={1}
              max={90}
              value={silentDays}
              onChange={(e) => setSilentDays(Math.max(1, Number(e.target.value) || 1))}
              style={{ width: 80 }}
            />
          </label>
          <label className="inline">
            {t.comp_target}
            <input
              type="number"
              min={0}
              max={100}
              value={target}
              onChange={(e) => setTarget(Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
              style={{ width: 80 }}
            />
          </label>
        </div>
        <ErrorAlert message={error} />
        {notice && (
          <div className="ok" role="status">
            {notice}
          </div>
        )}
      </section>
      {data && (
        <>
          <SilentVenues data={data} act={act} />
          <section className="card scroll">
            <h2>{t.comp_units_below}</h2>
            {data.unitsBelowTarget.length === 0 ? (
              <p className="muted">{t.comp_none_below}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{t.dash_unit}</th>
                    <th className="num">{t.dash_venues_registered}</th>
                    <th className="num">{t.dash_venues_active}</th>
                    <th className="num">{t.dash_share_active}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.unitsBelowTarget.map((u) => (
                    <tr key={u.code}>
                      <td>
                        <a href={`/compliance?unit=${u.code}`}>{u.name}</a>
                      </td>
                      <td className="num">{u.registered}</td>
                      <td className="num">{u.active}</td>
                      <td className="num">{percent(u.activeShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <Deadlines data={data} unit={unit} act={act} />
          <ImportVenues />
        </>
      )}
    </>
  );
}

type Act = (fn: () => Promise<unknown>, done: string) => Promise<void>;

function SilentVenues({ data, act }: { data: Compliance; act: Act }) {
  const { t } = useT();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState(t.comp_default_message);
  const toggle = (id: number) =>
    setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const suspend = (id: number) => {
    const reason = prompt(t.comp_suspend_reason);
    if (reason?.trim())
      void act(() => api('POST', `/api/venues/${id}/suspend`, { reason: reason.trim() }), t.status_suspended);
  };
  const send = () =>
    act(async () => {
      await api('POST', '/api/compliance/reminders', { venueIds: [...selected], message });
      setSelected(new Set());
    }, t.comp_sent);
  return (
    <section className="card scroll">
      <h2>
        {t.comp_silent} ({data.silentVenues.length}
        {data.silentVenuesTruncated ? '+' : ''}){' '}
        <span className="muted small">
          {t.comp_since} {data.since.split('-').reverse().join('/')}
        </span>
      </h2>
      {data.silentVenues.length === 0 ? (
        <p className="muted">{t.comp_none_silent}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t.comp_select_all}
                    checked={selected.size === data.silentVenues.length}
                    onChange={(e) =>
                      setSelected(new Set(e.target.checked ? data.silentVenues.map((v) => v.venueId) : []))
                    }
                  />
                </th>
                <th>{t.dash_venue}</th>
                <th>{t.field_category}</th>
                <th>{t.dash_last_check_in}</th>
                <th>{t.comp_reminded}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.silentVenues.map((v) => (
                <tr key={v.venueId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={v.name}
                      checked={selected.has(v.venueId)}
                      onChange={() => toggle(v.venueId)}
                    />
                  </td>
                  <td>
                    <Link to={`/venues/${v.venueId}`}>{v.name}</Link>
                  </td>
                  <td>{categoryName(v.category, '')}</td>
                  <td>{v.lastCheckInAt ? formatDateTime(v.lastCheckInAt) : t.dash_never}</td>
                  <td>{v.remindedAt ? formatDateTime(v.remindedAt) : '—'}</td>
                  <td>
                    <button type="button" className="link" onClick={() => suspend(v.venueId)}>
                      {t.comp_suspend}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label htmlFor="reminder">{t.comp_message}</label>
          <textarea
            id="reminder"
            rows={2}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            style={{ width: '100%', font: 'inherit', padding: 8 }}
          />
          <p>
            <button
              type="button"
              className="btn"
              disabled={selected.size === 0 || !message.trim()}
              onClick={() => void send()}
            >
              {t.comp_send} ({selected.size})
            </button>
          </p>
        </>
      )}
    </section>
  );
}

function Deadlines({ data, unit, act }: { data: Compliance; unit: string; act: Act }) {
  const { t } = useT();
  const [category, setCategory] = useState('');
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(
      () =>
        api('POST', '/api/registration-deadlines', {
          adminUnitCode: unit,
          category: category || null,
          deadline,
          note: note || undefined,
        }),
      t.comp_add_deadline,
    );
  };
  return (
    <section className="card scroll">
      <h2>{t.comp_deadlines}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.dash_unit}</th>
            <th>{t.field_category}</th>
            <th>{t.dash_to}</th>
            <th className="num">{t.comp_on_time}</th>
            <th className="num">{t.comp_late}</th>
            <th className="num">{t.comp_silent_since}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.deadlines.map((d) => (
            <tr key={d.id}>
              <td>{d.adminUnitName}</td>
              <td>
                {categoryName(d.category, t.comp_all_categories)}
                {d.note && <div className="muted small">{d.note}</div>}
              </td>
              <td>
                {d.deadline.split('-').reverse().join('/')}{' '}
                <span className="badge">{d.passed ? t.comp_passed : t.comp_upcoming}</span>
              </td>
              <td className="num">{d.registeredOnTime}</td>
              <td className="num">{d.registeredLate}</td>
              <td className="num">{d.silentSinceDeadline}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => void act(() => api('DELETE', `/api/registration-deadlines/${d.id}`), '✓')}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unit !== 'VN' && (
        <form className="row" onSubmit={add} style={{ marginTop: 12 }}>
          <select
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            style={{ width: 'auto' }}
            aria-label={t.field_category}
          >
            <option value="">{t.comp_all_categories}</option>
            {VENUE_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c[currentLang()]}
              </option>
            ))}
          </select>
          <input
            type="date"
            required
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            style={{ width: 'auto' }}
            aria-label={t.dash_to}
          />
          <input
            placeholder={t.comp_note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 220 }}
          />
          <button className="btn secondary" type="submit">
            {t.comp_add_deadline}
          </button>
        </form>
      )}
    </section>
  );
}
