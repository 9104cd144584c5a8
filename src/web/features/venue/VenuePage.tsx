/** The manager's venue page: the QR with its downloads, and today's check-ins live (F3, F4, F17). */
import { venuesApi } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { channelName } from '../../../shared/channels.js';
import { currentLang, formatTime, isTestDeployment, type Messages } from '../../i18n/index.js';
import { useVenueToday, type VenueToday } from './useVenueToday.js';
import { VenueExports, VenueReminders } from './VenueReminders.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { KioskPanel } from '../kiosk/KioskPanel.js';
import { Entrances } from './Entrances.js';
import { OfficialActions } from './OfficialActions.js';
import { PublicListing } from './PublicListing.js';
import { useSession } from '../../app/session.js';

export function VenuePage({ id }: { id: number }) {
  const { t } = useT();
  const { user } = useSession();
  const { data: venue, error, reload } = useRequest(() => call(venuesApi.detail, { params: { id } }), [id]);
  if (error) return <ErrorAlert message={error} />;
  if (!venue) return <p className="muted">{t.loading}</p>;
  const isNew = new URLSearchParams(location.search).has('new');
  return (
    <>
      {isNew && <div className="ok">{t.venue_registered}</div>}
      {isTestDeployment() && (
        <div className="error" role="alert" data-testid="test-address">
          {t.venue_test_address}
        </div>
      )}
      <VenueReminders venueId={id} />
      <section className="card">
        <h1>
          {venue.name}{' '}
          <span className={`badge ${venue.status}`}>
            {venue.status === 'active' ? t.status_active : t.status_suspended}
          </span>
        </h1>
        <p className="muted">
          {venue.address}, {venue.adminUnitName}
        </p>
        {venue.status === 'suspended' && (
          <p className="error" role="alert">
            {t.suspended_notice}
            {venue.statusReason ? `: ${venue.statusReason}` : ''}
          </p>
        )}
        <p className="row">
          <a className="btn" href={`/venues/${id}/scanner`}>
            {t.scanner_open}
          </a>
        </p>
      </section>
      <OfficialActions venue={venue} onChanged={reload} />
      <KioskPanel venueId={id} venueName={venue.name} />
      <Entrances venueId={id} />
      {(user?.role === 'venue_manager' || user?.role === 'official' || user?.role === 'admin') && (
        <PublicListing venueId={id} safety={venue.safety} location={venue.location} />
      )}
      <TodayPanel venueId={id} t={t} />
      <VenueExports venueId={id} />
    </>
  );
}

function TodayPanel({ venueId, t }: { venueId: number; t: Messages }) {
  const today = useVenueToday(venueId);
  if (!today) return <p className="muted">{t.loading}</p>;
  return (
    <section className="card" id="today">
      <h2>
        {t.today} {today.date}
      </h2>
      <Stats today={today} t={t} />
      <p className="muted">{t.live_note}</p>
      {today.items.length === 0 ? (
        <p className="muted">{t.no_check_ins}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t.col_time}</th>
              <th>{t.col_out}</th>
              <th>{t.col_name}</th>
              <th>{t.col_phone}</th>
              <th>{t.col_channel}</th>
            </tr>
          </thead>
          <tbody>
            {today.items.map((c) => (
              <tr key={c.id}>
                <td>{formatTime(c.checkedInAt)}</td>
                <td>{c.checkedOutAt ? formatTime(c.checkedOutAt) : '—'}</td>
                <td>{c.fullName}</td>
                <td>{c.phone}</td>
                <td>{channelName(c.channel, currentLang())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Stats({ today, t }: { today: VenueToday; t: Messages }) {
  const full = today.capacity !== null && today.inside >= today.capacity;
  return (
    <div className="stats">
      <div className={`stat${full ? ' full' : ''}`} id="inside-now">
        <div className="n">
          {today.inside}
          {today.capacity !== null && <span className="muted"> / {today.capacity}</span>}
        </div>
        {t.inside_now}
      </div>
      <div className="stat" id="total-today">
        <div className="n">{today.total}</div>
        {t.total_today}
      </div>
      {Object.entries(today.byChannel).map(([channel, n]) => (
        <div className="stat" key={channel}>
          <div className="n">{n}</div>
          {channelName(channel, currentLang())}
        </div>
      ))}
    </div>
  );
}
