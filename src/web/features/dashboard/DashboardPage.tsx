/**
 * The officials' dashboard (F9): figures of a unit over a range of local days, charts, the units below
 * with drill-down (province → district → commune → venue → its in/out list), reports with progress.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.js';
import { Link } from '../../app/App.js';
import { useT } from '../../app/lang.js';
import { DateRangeFields } from '../../components/DateRangeFields.js';
import { useSession } from '../../app/session.js';
import { formatDateTime } from '../../i18n/index.js';
import { CategoryChart, ChannelChart, DayChart } from './Charts.js';
import { addDays, count, localToday, percent } from './dates.js';
import { ExportButton } from './ExportButton.js';
import type { StatsReport, VenueRow } from './types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface Crumb {
  code: string;
  name: string;
}

export function DashboardPage() {
  const { t } = useT();
  const { user } = useSession();
  const query = new URLSearchParams(location.search);
  const today = localToday();
  const [unit, setUnit] = useState(query.get('unit') ?? user?.adminUnitCode ?? 'VN');
  const [range, setRange] = useState({
    from: query.get('from') ?? addDays(today, -6),
    to: query.get('to') ?? today,
  });
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [report, setReport] = useState<StatsReport | null>(null);
  const [venues, setVenues] = useState<VenueRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = `adminUnit=${unit}&from=${range.from}&to=${range.to}`;
    history.replaceState(null, '', `/dashboard?unit=${unit}&from=${range.from}&to=${range.to}`);
    setError(null);
    Promise.all([
      api<StatsReport>('GET', `/api/stats?${q}`),
      api<{ items: VenueRow[] }>('GET', `/api/stats/venues?${q}&limit=200`),
    ]).then(
      ([r, v]) => {
        setReport(r);
        setVenues(v.items);
        setTrail((old) => {
          const at = old.findIndex((c) => c.code === r.adminUnit);
          return at >= 0 ? old.slice(0, at + 1) : [...old, { code: r.adminUnit, name: r.adminUnitName }];
        });
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [unit, range.from, range.to]);

  const preset = (days: number) => setRange({ from: addDays(today, -(days - 1)), to: today });
  const reportRequest = { kind: 'unit_report', adminUnit: unit, from: range.from, to: range.to };

  return (
    <>
      <section className="card">
        <h1>{t.dash_title}</h1>
        <nav className="crumbs" aria-label="breadcrumb">
          {trail.map((c, i) => (
            <span key={c.code}>
              {i > 0 && ' › '}
              <button
                type="button"
                className="link"
                onClick={() => setUnit(c.code)}
                disabled={c.code === unit}
              >
                {c.code === 'VN' ? t.dash_country : c.name}
              </button>
            </span>
          ))}
        </nav>
        <div className="row">
          <DateRangeFields value={range} onChange={setRange} />
          <button type="button" className="btn secondary" onClick={() => preset(1)}>
            {t.dash_today}
          </button>
          <button type="button" className="btn secondary" onClick={() => preset(7)}>
            {t.dash_7days}
          </button>
          <button type="button" className="btn secondary" onClick={() => preset(21)}>
            {t.dash_21days}
          </button>
        </div>
        <ErrorAlert message={error} />
      </section>
      {!report ? (
        <p className="muted">{t.loading}</p>
      ) : (
        <>
          <Summary report={report} />
          <section className="card">
            <h2>{t.dash_reports}</h2>
            <div className="row">
              <ExportButton label={t.dash_report_pdf} request={{ ...reportRequest, format: 'pdf' }} />
              <ExportButton label={t.dash_report_xlsx} request={{ ...reportRequest, format: 'xlsx' }} />
              <Link to={`/compliance?unit=${unit}`}>{t.nav_compliance} →</Link>
            </div>
          </section>
          <div className="grid">
            <section className="card">
              <h2>{t.dash_per_day}</h2>
              <DayChart days={report.days} />
            </section>
            <section className="card">
              <h2>{t.dash_per_channel}</h2>
              <ChannelChart byChannel={report.checkIns.byChannel} />
            </section>
          </div>
          {report.children.length > 0 && <ChildrenTable report={report} onOpen={setUnit} />}
          <section className="card">
            <h2>{t.dash_per_category}</h2>
            <CategoryChart categories={report.categories} />
          </section>
          <VenueTable venues={venues} />
          {report.level > 0 && (
            <PopulationForm
              code={report.adminUnit}
              current={report.cards.population}
              onSaved={() => setRange({ ...range })}
            />
          )}
        </>
      )}
    </>
  );
}

function Summary({ report }: { report: StatsReport }) {
  const { t } = useT();
  const c = report.checkIns;
  return (
    <section className="card">
      <div className="stats">
        <Stat label={t.dash_venues_registered} value={count(report.venues.registered)} />
        <Stat
          label={t.dash_venues_active}
          value={count(report.venues.active)}
          note={percent(report.venues.registered ? report.venues.active / report.venues.registered : null)}
        />
        <Stat
          label={t.dash_check_ins}
          value={count(c.total)}
          note={`${t.dash_electronic} ${count(c.electronic)} · ${t.dash_paper} ${count(c.paper)}`}
        />
        <Stat
          label={t.dash_people}
          value={people(report, report.uniquePeople)}
          note={report.uniquePeopleEstimated ? t.dash_people_estimated : undefined}
        />
        <Stat
          label={t.dash_declarations}
          value={count(report.declarations.total)}
          note={`${count(report.declarations.flagged)} ${t.dash_flagged}`}
        />
        <Stat
          label={t.dash_cards}
          value={count(report.cards.issuedToDate)}
          note={
            report.cards.issuanceRate === null
              ? t.dash_population_missing
              : `${t.dash_issuance} ${percent(report.cards.issuanceRate)}`
          }
        />
      </div>
    </section>
  );
}

/** Distinct people, with "≈" when the figure is a sketch estimate. */
const people = (report: StatsReport, n: number) => `${report.uniquePeopleEstimated ? '≈ ' : ''}${count(n)}`;

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat" data-testid="stat">
      <div className="muted">{label}</div>
      <div className="n">{value}</div>
      {note && <div className="muted small">{note}</div>}
    </div>
  );
}

function ChildrenTable({ report, onOpen }: { report: StatsReport; onOpen: (code: string) => void }) {
  const { t } = useT();
  return (
    <section className="card scroll">
      <h2>{t.dash_children}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.dash_unit}</th>
            <th className="num">{t.dash_venues_registered}</th>
            <th className="num">{t.dash_venues_active}</th>
            <th className="num">{t.dash_share_active}</th>
            <th className="num">{t.dash_check_ins}</th>
            <th className="num">{t.dash_paper}</th>
            <th className="num">{t.dash_people}</th>
            <th className="num">{t.dash_declarations}</th>
            <th className="num">{t.dash_issuance}</th>
          </tr>
        </thead>
        <tbody>
          {[...report.children]
            .sort((a, b) => b.checkIns.total - a.checkIns.total || b.venues.registered - a.venues.registered)
            .map((c) => (
              <tr key={c.code}>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(c.code)}>
                    {c.name}
                  </button>
                </td>
                <td className="num">{count(c.venues.registered)}</td>
                <td className="num">{count(c.venues.active)}</td>
                <td className="num">
                  {percent(c.venues.registered ? c.venues.active / c.venues.registered : null)}
                </td>
                <td className="num">{count(c.checkIns.total)}</td>
                <td className="num">{count(c.checkIns.paper)}</td>
                <td
                  className="num"
                  title={report.uniquePeopleEstimated ? t.dash_people_estimated : undefined}
                >
                  {people(report, c.uniquePeople)}
                </td>
                <td className="num">{count(c.declarations.total)}</td>
                <td className="num">{percent(c.cards.issuanceRate)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}

function VenueTable({ venues }: { venues: VenueRow[] }) {
  const { t } = useT();
  return (
    <section className="card scroll">
      <h2>{t.dash_venues}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.dash_venue}</th>
            <th>{t.field_category}</th>
            <th className="num">{t.dash_check_ins}</th>
            <th className="num">{t.dash_electronic}</th>
            <th className="num">{t.dash_paper}</th>
            <th>{t.dash_last_check_in}</th>
          </tr>
        </thead>
        <tbody>
          {venues.map((v) => (
            <tr key={v.venueId}>
              <td>
                <Link to={`/venues/${v.venueId}`}>{v.name}</Link>{' '}
                {v.status === 'suspended' && <span className="badge suspended">{t.status_suspended}</span>}
              </td>
              <td>{v.categoryName}</td>
              <td className="num">{count(v.total)}</td>
              <td className="num">{count(v.electronic)}</td>
              <td className="num">{count(v.paper)}</td>
              <td>{v.lastCheckInAt ? formatDateTime(v.lastCheckInAt) : t.dash_never}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PopulationForm({
  code,
  current,
  onSaved,
}: {
  code: string;
  current: number | null;
  onSaved: () => void;
}) {
  const { t } = useT();
  const [value, setValue] = useState(current ? String(current) : '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('PUT', `/api/admin-units/${code}/population`, { population: Number(value) });
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="card row" onSubmit={submit}>
      <label className="inline">
        {t.dash_population}{' '}
        <input
          type="number"
          min={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          style={{ width: 160 }}
        />
      </label>
      <button className="btn secondary" type="submit">
        {t.dash_save}
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
}
