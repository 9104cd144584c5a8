/** The dashboard's tables: the unit's headline figures, its child units, its venues. */
import type { ReadFrom, UnitStats, VenueRow } from '../../../shared/api/stats.js';
import { useT } from '../../app/lang.js';
import { Link } from '../../components/Link.js';
import { formatDateTime, formatTime } from '../../i18n/index.js';
import { count, percent } from './dates.js';

export function Summary({ report }: { report: UnitStats }) {
  const { t } = useT();
  const c = report.checkIns;
  return (
    <section className="card">
      <ReadSource readFrom={report.readFrom} />
      {report.todayCountedAt && (
        <p className="muted" id="today-counted-at">
          {t.dash_today_counted_at(formatTime(report.todayCountedAt))}
        </p>
      )}
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
          note={
            `${count(report.declarations.flagged)} ${t.dash_flagged}` +
            (report.declarations.unassigned
              ? ` · ${count(report.declarations.unassigned)} ${t.dash_unassigned}`
              : '')
          }
        />
        <Stat label={t.dash_arrivals} value={count(report.declarations.arrivals)} />
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

/**
 * Where the figures were read, when a replica is configured: a line under it, a warning when the
 * primary answered because the replica is behind or down (the figures are then live).
 */
function ReadSource({ readFrom }: { readFrom: ReadFrom }) {
  const { t } = useT();
  if (readFrom.reason === 'no_replica') return null;
  const lag = readFrom.lagSeconds === null ? '' : t.dash_replica_lag(readFrom.lagSeconds);
  if (readFrom.source === 'replica')
    return (
      <p className="muted" id="read-source" data-source="replica">
        {t.dash_read_replica} {lag}
      </p>
    );
  return (
    <p className="warn-box" id="read-source" data-source="primary" role="status">
      {readFrom.reason === 'replica_lagging' ? t.dash_read_primary_lagging : t.dash_read_primary_down} {lag}
    </p>
  );
}

/** Distinct people, with "≈" when the figure is a sketch estimate. */
const people = (report: UnitStats, n: number) => `${report.uniquePeopleEstimated ? '≈ ' : ''}${count(n)}`;

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat" data-testid="stat">
      <div className="muted">{label}</div>
      <div className="n">{value}</div>
      {note && <div className="muted small">{note}</div>}
    </div>
  );
}

/** The first columns of every table of units: the unit, its venues, the share of them that scanned. */
export function UnitShareHeaders() {
  const { t } = useT();
  return (
    <>
      <th>{t.dash_unit}</th>
      <th className="num">{t.dash_venues_registered}</th>
      <th className="num">{t.dash_venues_active}</th>
      <th className="num">{t.dash_share_active}</th>
    </>
  );
}

export function ChildrenTable({ report, onOpen }: { report: UnitStats; onOpen: (code: string) => void }) {
  const { t } = useT();
  return (
    <section className="card scroll">
      <h2>{t.dash_children}</h2>
      <table>
        <thead>
          <tr>
            <UnitShareHeaders />
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

export function VenueTable({ venues }: { venues: VenueRow[] }) {
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
