/**
 * The officials' dashboard (F9): figures of a unit over a range of local days, charts, the units below
 * with drill-down (province → district → commune → venue → its in/out list), reports with progress.
 */
import { useEffect, useState } from 'react';
import { statsApi } from '../../../shared/api/stats.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { useSession } from '../../app/session.js';
import { DateRangeFields } from '../../components/DateRangeFields.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CategoryChart, ChannelChart, DayChart } from './Charts.js';
import { addDays, localToday } from './dates.js';
import { ReportsCard } from './ReportsCard.js';
import { PopulationForm } from './PopulationForm.js';
import { ArrivalsPanel } from './ArrivalsPanel.js';
import { ChildrenTable, Summary, VenueTable } from './UnitTables.js';

/** Venues listed under the figures (busiest first). */
const VENUES_SHOWN = 200;

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
  // A quick change of unit or range: only the newest answer is shown (useRequest drops older ones).
  const figures = useRequest(() => {
    const query = { adminUnit: unit, from: range.from, to: range.to };
    return Promise.all([
      call(statsApi.unit, { query }),
      call(statsApi.venues, { query: { ...query, limit: String(VENUES_SHOWN) } }),
    ]);
  }, [unit, range.from, range.to]);
  const [report, venueTable] = figures.data ?? [];

  useEffect(() => {
    history.replaceState(null, '', `/dashboard?unit=${unit}&from=${range.from}&to=${range.to}`);
  }, [unit, range.from, range.to]);
  useEffect(() => {
    if (!report) return;
    setTrail((old) => {
      const at = old.findIndex((c) => c.code === report.adminUnit);
      return at >= 0
        ? old.slice(0, at + 1)
        : [...old, { code: report.adminUnit, name: report.adminUnitName }];
    });
  }, [report]);

  const preset = (days: number) => setRange({ from: addDays(today, -(days - 1)), to: today });
  const reportRequest = { kind: 'unit_report' as const, adminUnit: unit, from: range.from, to: range.to };

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
          {(
            [
              [1, t.dash_today],
              [7, t.dash_7days],
              [21, t.dash_21days],
            ] as const
          ).map(([days, label]) => {
            // The preset the range is now shows as chosen.
            const active = range.to === today && range.from === addDays(today, -(days - 1));
            return (
              <button
                key={days}
                type="button"
                className={active ? 'btn secondary active' : 'btn secondary'}
                aria-pressed={active}
                onClick={() => preset(days)}
              >
                {label}
              </button>
            );
          })}
        </div>
        <ErrorAlert message={figures.error} />
      </section>
      {!report ? (
        <p className="muted">{t.loading}</p>
      ) : (
        <>
          <Summary report={report} />
          <ReportsCard request={reportRequest} unit={unit} />
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
          <ArrivalsPanel unit={report.adminUnit} lastDay={range.to} />
          {report.children.length > 0 && <ChildrenTable report={report} onOpen={setUnit} />}
          <section className="card">
            <h2>{t.dash_per_category}</h2>
            <CategoryChart categories={report.categories} />
          </section>
          <VenueTable venues={venueTable?.items ?? []} />
          {report.level > 0 && (
            <PopulationForm
              code={report.adminUnit}
              current={report.cards.population}
              onSaved={figures.reload}
            />
          )}
        </>
      )}
    </>
  );
}
