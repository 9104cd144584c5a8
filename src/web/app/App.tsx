import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from '../components/Link.js';
import { HomePage } from '../features/home/HomePage.js';

// Every page but the home page loads when opened: a citizen's phone fetches the declaration form
// without the officials' dashboards, and a venue manager's pages without the scanner's QR decoder.
const DeclarePage = lazy(() =>
  import('../features/declare/DeclarePage.js').then((m) => ({ default: m.DeclarePage })),
);
const LoginPage = lazy(() =>
  import('../features/login/LoginPage.js').then((m) => ({ default: m.LoginPage })),
);
const PasswordPage = lazy(() =>
  import('../features/password/PasswordPage.js').then((m) => ({ default: m.PasswordPage })),
);
const SetupPage = lazy(() =>
  import('../features/setup/SetupPage.js').then((m) => ({ default: m.SetupPage })),
);
const RegisterVenuePage = lazy(() =>
  import('../features/register/RegisterVenuePage.js').then((m) => ({ default: m.RegisterVenuePage })),
);
const MyVenuesPage = lazy(() =>
  import('../features/venue/MyVenuesPage.js').then((m) => ({ default: m.MyVenuesPage })),
);
const VenuePage = lazy(() =>
  import('../features/venue/VenuePage.js').then((m) => ({ default: m.VenuePage })),
);
const ScannerPage = lazy(() =>
  import('../features/scanner/ScannerPage.js').then((m) => ({ default: m.ScannerPage })),
);
const CardsPage = lazy(() =>
  import('../features/cards/CardsPage.js').then((m) => ({ default: m.CardsPage })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const CompliancePage = lazy(() =>
  import('../features/compliance/CompliancePage.js').then((m) => ({ default: m.CompliancePage })),
);
const AccountsPage = lazy(() =>
  import('../features/accounts/AccountsPage.js').then((m) => ({ default: m.AccountsPage })),
);
const TracingPage = lazy(() =>
  import('../features/tracing/TracingPage.js').then((m) => ({ default: m.TracingPage })),
);
const CasePage = lazy(() =>
  import('../features/tracing/SavedCases.js').then((m) => ({ default: m.CasePage })),
);
const AuditPage = lazy(() =>
  import('../features/tracing/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);
const HistoryPage = lazy(() =>
  import('../features/history/HistoryPage.js').then((m) => ({ default: m.HistoryPage })),
);
const PlacesPage = lazy(() =>
  import('../features/places/PlacesPage.js').then((m) => ({ default: m.PlacesPage })),
);
const CardInfoPage = lazy(() =>
  import('../features/cards/CardsPage.js').then((m) => ({ default: m.CardInfoPage })),
);
import { LangProvider, useT } from './lang.js';
import { match, navigate, usePath } from './router.js';
import { SessionProvider, useSession } from './session.js';
import { kioskEnrolment } from '../device/kiosk.js';

export function App() {
  return (
    <LangProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </LangProvider>
  );
}

function Shell() {
  const { t, toggle } = useT();
  const { user, logout } = useSession();
  const path = usePath();
  // A device enrolled as a kiosk shows its scanner and nothing else, whatever the address.
  const kiosk = kioskEnrolment();
  if (kiosk)
    return (
      <main>
        <Suspense fallback={<p className="muted">{t.loading}</p>}>
          <ScannerPage venueId={kiosk.venueId} kiosk />
        </Suspense>
      </main>
    );
  return (
    <>
      <header className="bar">
        <div className="in">
          <Link to="/" className="brand">
            {t.appName}
          </Link>
          {!isStaffOfArea(user?.role) && <Link to="/declare">{t.nav_declare}</Link>}
          {!isStaffOfArea(user?.role) && <Link to="/cards">{t.nav_cards}</Link>}
          {!user && <Link to="/places">{t.nav_places}</Link>}
          {user && isOfficial(user.role) && <Link to="/dashboard">{t.nav_dashboard}</Link>}
          {user && isOfficial(user.role) && <Link to="/compliance">{t.nav_compliance}</Link>}
          {user && isTracing(user.role) && <Link to="/tracing">{t.nav_tracing}</Link>}
          {user && isOfficial(user.role) && <Link to="/audit">{t.nav_audit}</Link>}
          {user && (isOfficial(user.role) || user.role === 'venue_manager') && (
            <Link to="/accounts">{t.nav_accounts}</Link>
          )}
          {user && <Link to="/password">{t.nav_password}</Link>}
          {!user && <Link to="/history">{t.nav_history}</Link>}
          {user && (user.role === 'venue_manager' || user.role === 'venue_staff') && (
            <Link to="/venues">{t.nav_my_venues}</Link>
          )}
          {user ? (
            <button type="button" onClick={() => void logout().then(() => navigate('/'))}>
              {t.nav_logout}
            </button>
          ) : (
            <Link to="/login">{t.home_login}</Link>
          )}
          <button type="button" onClick={toggle}>
            {t.language}
          </button>
        </div>
      </header>
      <main>
        <Suspense fallback={<p className="muted">{t.loading}</p>}>
          {/* A temporary password opens nothing but its change. */}
          {user?.mustChangePassword ? <PasswordPage /> : page(path)}
        </Suspense>
      </main>
    </>
  );
}

function page(path: string): ReactNode {
  const scanner = match('/venues/:id/scanner', path);
  if (scanner) return <ScannerPage venueId={Number(scanner.id)} kiosk={false} />;
  const venue = match('/venues/:id', path);
  if (venue) return <VenuePage id={Number(venue.id)} />;
  if (match('/card/:code', path)) return <CardInfoPage />;
  const tracingCase = match('/tracing/cases/:id', path);
  if (tracingCase) return <CasePage id={tracingCase.id!} />;
  switch (path.replace(/\/+$/, '') || '/') {
    case '/':
      return <HomePage />;
    case '/register':
      return <RegisterVenuePage />;
    case '/login':
      return <LoginPage />;
    case '/password':
      return <PasswordPage />;
    case '/setup':
      return <SetupPage />;
    case '/venues':
      return <MyVenuesPage />;
    case '/declare':
    case '/declare/arrival':
      return <DeclarePage />;
    case '/cards':
      return <CardsPage />;
    case '/dashboard':
      return (
        <AfterSession>
          <DashboardPage />
        </AfterSession>
      );
    case '/compliance':
      return (
        <AfterSession>
          <CompliancePage />
        </AfterSession>
      );
    case '/accounts':
      return (
        <AfterSession>
          <AccountsPage />
        </AfterSession>
      );
    case '/tracing':
      return <TracingPage />;
    case '/audit':
      return <AuditPage />;
    case '/history':
      return <HistoryPage />;
    case '/places':
      return <PlacesPage />;
    default:
      return <NotFound />;
  }
}

/** Accounts whose home is the dashboard rather than a venue. */
export const isOfficial = (role: string) => role === 'admin' || role === 'official';
/** Officials and tracers: their header shows their tools, not the citizen's pages. */
const isStaffOfArea = (role: string | undefined) =>
  role !== undefined && (isOfficial(role) || role === 'tracer');
/** Accounts that may trace contacts. */
const isTracing = (role: string) => isOfficial(role) || role === 'tracer';

/**
 * A page whose first state comes from the account (its unit, its venues) renders once the session is
 * known: opened straight from a bookmark or reloaded, the dashboard of a ward official asked for the
 * whole country (404) before the account had loaded. Citizens' pages do not wait for it.
 */
function AfterSession({ children }: { children: ReactNode }) {
  const { loaded } = useSession();
  const { t } = useT();
  return loaded ? children : <p className="muted">{t.loading}</p>;
}

function NotFound() {
  const { t } = useT();
  return (
    <div className="card">
      <p>{t.not_found}</p>
      <Link to="/">{t.back_home}</Link>
    </div>
  );
}
