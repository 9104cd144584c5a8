/**
 * The authorization matrix (F14): every API route the app serves × every kind of caller (a kiosk
 * device token included), each acting on a venue and unit in Hà Nội. Routes come from the app's own route table, so a new endpoint without
 * a rule here fails the suite. "Allowed" means the access check let the call through (not 401/403/404,
 * never 5xx); a refused logged-in caller gets 403 or, outside their area, 404; anonymous gets 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSetupToken } from '../../src/server/db/queries/accounts.js';
import { tokenHash } from '../../src/server/services/auth.js';
import { routeTables } from '../../src/server/app.js';
import {
  ADMIN,
  call,
  checkInBody,
  declare,
  declarationBody,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  uniquePhone,
  venueBody,
  type TestApp,
} from '../support/app.js';

const CALLERS = [
  'anonymous',
  'admin',
  'official_in',
  'official_out',
  'tracer_in',
  'manager',
  'manager_other',
  'staff',
  'kiosk',
] as const;
type Caller = (typeof CALLERS)[number];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Fixture {
  venue: Awaited<ReturnType<typeof registerVenue>>;
  card: { id: string; holderToken: string };
  password: Record<Exclude<Caller, 'anonymous' | 'kiosk'>, { username: string; password: string }>;
}

interface Rule {
  /** Who gets through; everyone else is refused. 'everyone' = public endpoint (a kiosk excepted). */
  allowed: readonly Caller[] | 'everyone';
  /** Builds one call (run once per caller, so it may create what it consumes). */
  request: (
    f: Fixture,
    caller: Caller,
  ) =>
    | Promise<{ method: Method; url: string; body?: unknown }>
    | { method: Method; url: string; body?: unknown };
  /** The call ends the caller's session (logout): it gets a session of its own. */
  ownSession?: boolean;
}

const LOGGED_IN = CALLERS.filter((c) => c !== 'anonymous' && c !== 'kiosk');
/** A kiosk may only record check-ins at its venue; every other call is refused, public ones too. */
const EVERYONE = CALLERS.filter((c) => c !== 'kiosk');
const OFFICIALS = ['admin', 'official_in'] as const;
const VENUE_READERS = ['admin', 'official_in', 'manager', 'staff'] as const;
const VENUE_MANAGERS = ['admin', 'official_in', 'manager'] as const;
const VENUE_RECORDERS = ['admin', 'manager', 'staff'] as const;
const AREA_WORKERS = ['admin', 'official_in', 'tracer_in'] as const;

let t: TestApp;
let fixture: Fixture;
let adminCookie: string;
let exportId: string;
let kioskToken: string;

async function adminCall(method: Method, url: string, body?: unknown) {
  const res = await call(t.app, method, url, { cookie: adminCookie, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function mainEntranceOf(venueId: number): Promise<number> {
  const { rows } = await t.ctx.db.query<{ id: number }>(
    'SELECT min(id)::int AS id FROM venue_entrances WHERE venue_id = $1',
    [venueId],
  );
  return rows[0]!.id;
}

/** A staff account of the venue of its own (resetting it touches nobody else's session). */
async function staffOf(venueId: number): Promise<number> {
  const { id } = (await adminCall('POST', '/api/users', {
    username: `s-${crypto.randomUUID().slice(0, 8)}`,
    password: 'some-password-1',
    role: 'venue_staff',
    venueIds: [venueId],
  })) as { id: number };
  return id;
}

/** A review entry an upgrade would have left for the venue (its unit had to be chosen). */
/** A tracing case saved by the tracer of the area: its id. */
async function caseSavedInArea(f: Fixture): Promise<string> {
  const tracer = await login(t.app, f.password.tracer_in.username, f.password.tracer_in.password);
  const saved = await call(t.app, 'POST', '/api/tracing/cases', {
    cookie: tracer,
    body: { subject: { phone: '0912345678' }, purpose: 'kiểm tra quyền truy cập', label: 'BN-0001' },
  });
  return saved.body.id as string;
}

async function reviewOf(venueId: number): Promise<number> {
  const { rows } = await t.ctx.db.query<{ id: number }>(
    `WITH up AS (INSERT INTO admin_unit_upgrades (from_version, to_version, done_at, moved)
                 VALUES ('vn-gso-2021', 'vn-gso-2021', now(), '{}') RETURNING id)
     INSERT INTO admin_unit_reviews (upgrade_id, subject, subject_id, old_code, old_name, chosen_code, path, candidates, reason)
     SELECT up.id, 'venue', $1, $2, 'Phường Phúc Xá', $2, ARRAY['01', '001', $2], ARRAY[$2], 'split' FROM up
     RETURNING id::int AS id`,
    [venueId, HANOI_COMMUNE],
  );
  return rows[0]!.id;
}

const RULES: Record<string, Rule> = {
  'GET /api/health': { allowed: 'everyone', request: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/login': {
    allowed: 'everyone',
    request: (f) => ({ method: 'POST', url: '/api/auth/login', body: f.password.tracer_in }),
  },
  'POST /api/auth/logout': {
    allowed: LOGGED_IN,
    ownSession: true,
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
  },
  'GET /api/auth/me': { allowed: LOGGED_IN, request: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'GET /api/admin-units': {
    allowed: 'everyone',
    request: () => ({ method: 'GET', url: '/api/admin-units?parent=01' }),
  },
  'GET /api/admin-units/resolve': {
    allowed: 'everyone',
    request: () => ({ method: 'GET', url: '/api/admin-units/resolve?code=00001' }),
  },
  'GET /api/venue-categories': {
    allowed: 'everyone',
    request: () => ({ method: 'GET', url: '/api/venue-categories' }),
  },
  'POST /api/venues': {
    // Self-registration is public; an official registers only within their area.
    allowed: EVERYONE.filter((c) => c !== 'official_out'),
    request: () => ({ method: 'POST', url: '/api/venues', body: venueBody() }),
  },
  'GET /api/venues': { allowed: LOGGED_IN, request: () => ({ method: 'GET', url: '/api/venues' }) },
  'GET /api/venues/:id': {
    allowed: VENUE_READERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}` }),
  },
  'GET /api/venues/by-code/:code': {
    allowed: 'everyone',
    request: (f) => ({ method: 'GET', url: `/api/venues/by-code/${f.venue.code}` }),
  },
  'GET /api/public/venues': {
    allowed: 'everyone',
    request: () => ({ method: 'GET', url: '/api/public/venues?q=pho' }),
  },
  'PUT /api/venues/:id/safety': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({
      method: 'PUT',
      url: `/api/venues/${f.venue.id}/safety`,
      body: { masks: true, distance: true, handSanitiser: true, ventilation: false },
    }),
  },
  'PATCH /api/venues/:id': {
    allowed: VENUE_MANAGERS,
    request: () => ({ method: 'PATCH', url: `/api/venues/${fixture.venue.id}`, body: { capacity: 120 } }),
  },
  'GET /api/venues/:id/entrances': {
    allowed: VENUE_READERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/entrances` }),
  },
  'POST /api/venues/:id/entrances': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({
      method: 'POST',
      url: `/api/venues/${f.venue.id}/entrances`,
      body: { name: 'Cổng phụ' },
    }),
  },
  'PATCH /api/venues/:id/entrances/:entranceId': {
    allowed: VENUE_MANAGERS,
    request: async (f) => ({
      method: 'PATCH',
      url: `/api/venues/${f.venue.id}/entrances/${await mainEntranceOf(f.venue.id)}`,
      body: { name: 'Cổng chính' },
    }),
  },
  'GET /api/venues/:id/entrances/:entranceId/poster.pdf': {
    allowed: VENUE_MANAGERS,
    request: async (f) => ({
      method: 'GET',
      url: `/api/venues/${f.venue.id}/entrances/${await mainEntranceOf(f.venue.id)}/poster.pdf`,
    }),
  },
  'GET /api/venues/:id/poster.pdf': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/poster.pdf` }),
  },
  'GET /api/venues/:id/qr.png': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/qr.png` }),
  },
  'GET /api/venues/:id/qr.svg': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/qr.svg` }),
  },
  'POST /api/venues/:id/suspend': {
    allowed: OFFICIALS,
    request: (f) => ({
      method: 'POST',
      url: `/api/venues/${f.venue.id}/suspend`,
      body: { reason: 'kiểm tra' },
    }),
  },
  'POST /api/venues/:id/reinstate': {
    allowed: OFFICIALS,
    request: (f) => ({
      method: 'POST',
      url: `/api/venues/${f.venue.id}/reinstate`,
      body: { reason: 'kiểm tra' },
    }),
  },
  'GET /api/venues/:id/today': {
    allowed: VENUE_READERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/today` }),
  },
  'POST /api/check-ins': {
    allowed: 'everyone',
    request: (f) => ({ method: 'POST', url: '/api/check-ins', body: checkInBody(f.venue.code) }),
  },
  'POST /api/venues/:id/check-ins': {
    allowed: [...VENUE_RECORDERS, 'kiosk'],
    request: (f, caller) => ({
      method: 'POST',
      url: `/api/venues/${f.venue.id}/check-ins`,
      body: {
        clientId: crypto.randomUUID(),
        channel: caller === 'kiosk' ? 'kiosk' : 'qr_staff',
        person: { fullName: 'Ngô Văn Bảy', phone: uniquePhone() },
      },
    }),
  },
  // Looking a person up by phone is for whoever records entries there, not for officials.
  'GET /api/venues/:id/people': {
    allowed: VENUE_RECORDERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/people?phone=0912345678` }),
  },
  'POST /api/check-ins/:id/check-out': {
    // The checkout token is the key: whoever holds it may check out.
    allowed: 'everyone',
    request: async (f) => {
      const made = await call(t.app, 'POST', '/api/check-ins', {
        body: checkInBody(f.venue.code, { person: { fullName: 'Khách', phone: uniquePhone() } }),
      });
      return {
        method: 'POST',
        url: `/api/check-ins/${made.body.id}/check-out`,
        body: { checkoutToken: made.body.checkoutToken },
      };
    },
  },
  'POST /api/declarations': {
    allowed: 'everyone',
    request: () => ({ method: 'POST', url: '/api/declarations', body: declarationBody() }),
  },
  'GET /api/hotspots/active': {
    allowed: 'everyone',
    request: () => ({ method: 'GET', url: '/api/hotspots/active' }),
  },
  'POST /api/hotspots': {
    allowed: AREA_WORKERS,
    request: () => ({
      method: 'POST',
      url: '/api/hotspots',
      body: { adminUnitCode: HANOI_COMMUNE, from: '2026-11-01', to: '2026-11-10' },
    }),
  },
  'DELETE /api/hotspots/:id': {
    allowed: AREA_WORKERS,
    request: async () => {
      const h = await adminCall('POST', '/api/hotspots', {
        adminUnitCode: HANOI_COMMUNE,
        from: '2026-11-01',
        to: '2026-11-10',
      });
      return { method: 'DELETE', url: `/api/hotspots/${h.id}` };
    },
  },
  'GET /api/status-rules/:scope': {
    allowed: OFFICIALS,
    request: () => ({ method: 'GET', url: '/api/status-rules/01' }),
  },
  'PUT /api/status-rules/:scope': {
    allowed: OFFICIALS,
    request: () => ({ method: 'PUT', url: '/api/status-rules/01', body: { anySymptom: 'yellow' } }),
  },
  // Cards: the holder token is the key, for everyone who holds it; a card never opens a history.
  'GET /api/cards/:id': {
    allowed: 'everyone',
    request: (f) => ({ method: 'GET', url: `/api/cards/${f.card.id}?token=${f.card.holderToken}` }),
  },
  'GET /api/cards/:id/card.pdf': {
    allowed: 'everyone',
    request: (f) => ({ method: 'GET', url: `/api/cards/${f.card.id}/card.pdf?token=${f.card.holderToken}` }),
  },
  'POST /api/cards/print': {
    allowed: 'everyone',
    request: (f) => ({
      method: 'POST',
      url: '/api/cards/print',
      body: { cards: [{ id: f.card.id, holderToken: f.card.holderToken }] },
    }),
  },
  'POST /api/cards/:id/reissue': {
    allowed: 'everyone',
    request: async () => {
      const card = (await declare(t.app)).card;
      return {
        method: 'POST',
        url: `/api/cards/${card.id}/reissue`,
        body: { holderToken: card.holderToken },
      };
    },
  },
  'POST /api/cards/:id/revoke': {
    allowed: 'everyone',
    request: async () => {
      const card = (await declare(t.app)).card;
      return { method: 'POST', url: `/api/cards/${card.id}/revoke`, body: { holderToken: card.holderToken } };
    },
  },
  'POST /api/users': {
    allowed: OFFICIALS,
    request: () => ({
      method: 'POST',
      url: '/api/users',
      body: {
        username: `u-${crypto.randomUUID().slice(0, 8)}`,
        password: 'some-password-1',
        role: 'official',
        adminUnitCode: '001',
      },
    }),
  },
  'POST /api/users (venue staff)': {
    // A venue manager creates staff for their own venue; the other manager's venue is not found.
    allowed: VENUE_MANAGERS,
    request: (f) => ({
      method: 'POST',
      url: '/api/users',
      body: {
        username: `s-${crypto.randomUUID().slice(0, 8)}`,
        password: 'some-password-1',
        role: 'venue_staff',
        venueIds: [f.venue.id],
      },
    }),
  },
  'GET /api/users': {
    // Everyone who manages accounts lists those of their own area or venues.
    allowed: ['admin', 'official_in', 'official_out', 'manager', 'manager_other'],
    request: () => ({ method: 'GET', url: '/api/users' }),
  },
  'PATCH /api/users/:id': {
    allowed: VENUE_MANAGERS,
    request: async (f) => ({
      method: 'PATCH',
      url: `/api/users/${await staffOf(f.venue.id)}`,
      body: { active: true },
    }),
  },
  'POST /api/users/:id/password-reset': {
    allowed: VENUE_MANAGERS,
    request: async (f) => ({ method: 'POST', url: `/api/users/${await staffOf(f.venue.id)}/password-reset` }),
  },
  'POST /api/setup/admin': {
    // A valid link on an installation that has its admin: 409 setup_done, the call got through.
    allowed: 'everyone',
    request: async () => {
      const token = crypto.randomUUID();
      await insertSetupToken(t.ctx.db, tokenHash(token), new Date(Date.now() + 60_000));
      return {
        method: 'POST',
        url: '/api/setup/admin',
        body: { token, username: 'x-admin', password: 'some-password-1' },
      };
    },
  },
  'POST /api/auth/password': {
    // A wrong current password is a 400: the call got through to the check.
    allowed: LOGGED_IN,
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      body: { currentPassword: 'not-the-password', newPassword: 'another-password-1' },
    }),
  },
  'GET /api/arrivals': {
    allowed: AREA_WORKERS,
    request: () => ({ method: 'GET', url: '/api/arrivals?adminUnit=01' }),
  },
  'GET /api/stats': {
    allowed: OFFICIALS,
    request: () => ({ method: 'GET', url: '/api/stats?adminUnit=01' }),
  },
  'GET /api/stats/venues': {
    allowed: OFFICIALS,
    request: () => ({ method: 'GET', url: '/api/stats/venues?adminUnit=001' }),
  },
  'GET /api/admin-units/reviews': {
    // Every official reads the list of their own area (the one outside sees none of this venue's).
    allowed: ['admin', 'official_in', 'official_out'],
    request: () => ({ method: 'GET', url: '/api/admin-units/reviews' }),
  },
  'POST /api/admin-units/reviews/:id': {
    allowed: OFFICIALS,
    request: async (f) => ({
      method: 'POST',
      url: `/api/admin-units/reviews/${await reviewOf(f.venue.id)}`,
      body: { adminUnitCode: HANOI_COMMUNE },
    }),
  },
  'PUT /api/admin-units/:code/population': {
    allowed: OFFICIALS,
    request: () => ({ method: 'PUT', url: '/api/admin-units/001/population', body: { population: 250_000 } }),
  },
  'GET /api/compliance': {
    allowed: OFFICIALS,
    request: () => ({ method: 'GET', url: '/api/compliance?adminUnit=01' }),
  },
  'POST /api/compliance/reminders': {
    allowed: OFFICIALS,
    request: (f) => ({
      method: 'POST',
      url: '/api/compliance/reminders',
      body: { venueIds: [f.venue.id], message: 'Nhắc quét mã', sms: false },
    }),
  },
  'GET /api/venues/:id/reminders': {
    allowed: VENUE_READERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/reminders` }),
  },
  'POST /api/venues/:id/reminders/read': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({ method: 'POST', url: `/api/venues/${f.venue.id}/reminders/read` }),
  },
  'POST /api/registration-deadlines': {
    allowed: OFFICIALS,
    request: () => ({
      method: 'POST',
      url: '/api/registration-deadlines',
      body: { adminUnitCode: '001', deadline: '2026-12-01' },
    }),
  },
  'DELETE /api/registration-deadlines/:id': {
    allowed: OFFICIALS,
    request: async () => {
      const d = await adminCall('POST', '/api/registration-deadlines', {
        adminUnitCode: '001',
        deadline: '2026-12-01',
      });
      return { method: 'DELETE', url: `/api/registration-deadlines/${d.id}` };
    },
  },
  'GET /api/reports/unit': {
    allowed: OFFICIALS,
    request: () => ({ method: 'GET', url: '/api/reports/unit?adminUnit=001&format=xlsx' }),
  },
  'GET /api/venues/:id/visits': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/visits` }),
  },
  'POST /api/exports': {
    allowed: OFFICIALS,
    request: () => ({
      method: 'POST',
      url: '/api/exports',
      body: { kind: 'unit_report', format: 'xlsx', adminUnit: '001' },
    }),
  },
  // An import is refused row by row outside the official's area (tests/routes/reports-and-exports.test.ts).
  'POST /api/imports/venues': {
    allowed: ['admin', 'official_in', 'official_out'],
    request: () => ({
      method: 'POST',
      url: '/api/imports/venues',
      body: {
        csv: 'name,category,adminUnitCode,address,contactName,contactPhone\nA,office,00001,1,B,0912000009',
      },
    }),
  },
  // An export belongs to the user who started it (official_in here), nobody else.
  'GET /api/exports/:id': {
    allowed: ['official_in'],
    request: () => ({ method: 'GET', url: `/api/exports/${exportId}` }),
  },
  'GET /api/exports/:id/file': {
    allowed: ['official_in'],
    request: () => ({ method: 'GET', url: `/api/exports/${exportId}/file` }),
  },
  // Tracing answers are scoped (visits in the caller's area only: tests/routes/tracing.test.ts), so an
  // official of another province gets through with an answer about their own area.
  'POST /api/tracing/queries': {
    allowed: ['admin', 'official_in', 'official_out', 'tracer_in'],
    request: () => ({
      method: 'POST',
      url: '/api/tracing/queries',
      body: { subject: { phone: '0912345678' }, purpose: 'kiểm tra quyền truy cập' },
    }),
  },
  // Saved cases: the caller's own area's (tests/routes/tracing-cases.test.ts).
  'POST /api/tracing/cases': {
    allowed: ['admin', 'official_in', 'official_out', 'tracer_in'],
    request: () => ({
      method: 'POST',
      url: '/api/tracing/cases',
      body: { subject: { phone: '0912345678' }, purpose: 'kiểm tra quyền truy cập', label: 'BN-0001' },
    }),
  },
  'GET /api/tracing/cases': {
    allowed: ['admin', 'official_in', 'official_out', 'tracer_in'],
    request: () => ({ method: 'GET', url: '/api/tracing/cases' }),
  },
  // A case saved by a tracer of the area: opened within the area only (another province: 404).
  'GET /api/tracing/cases/:id': {
    allowed: AREA_WORKERS,
    request: async (f) => ({ method: 'GET', url: `/api/tracing/cases/${await caseSavedInArea(f)}` }),
  },
  'PATCH /api/tracing/cases/:id': {
    allowed: AREA_WORKERS,
    request: async (f) => ({
      method: 'PATCH',
      url: `/api/tracing/cases/${await caseSavedInArea(f)}`,
      body: { closed: true },
    }),
  },
  // Venues found for a tracer are those of the caller's own area (tests/routes/tracing-venues.test.ts).
  'GET /api/tracing/venues': {
    allowed: ['admin', 'official_in', 'official_out', 'tracer_in'],
    request: () => ({ method: 'GET', url: '/api/tracing/venues?q=cho' }),
  },
  'POST /api/tracing/venue-exposures': {
    allowed: AREA_WORKERS,
    request: (f) => ({
      method: 'POST',
      url: '/api/tracing/venue-exposures',
      body: {
        venueId: f.venue.id,
        from: '2026-11-01T08:00:00+07:00',
        to: '2026-11-01T09:00:00+07:00',
        purpose: 'kiểm tra quyền truy cập',
      },
    }),
  },
  'POST /api/tracing/exposure-marks': {
    allowed: AREA_WORKERS,
    request: (f) => ({
      method: 'POST',
      url: '/api/tracing/exposure-marks',
      body: {
        venueId: f.venue.id,
        from: '2026-11-01T08:00:00+07:00',
        to: '2026-11-01T09:00:00+07:00',
        purpose: 'kiểm tra quyền truy cập',
      },
    }),
  },
  // The audit is for officials: each sees the entries touching their own area.
  'GET /api/audit': {
    allowed: ['admin', 'official_in', 'official_out'],
    request: () => ({ method: 'GET', url: '/api/audit' }),
  },
  // A device proves each check-in with its token; no token, nothing.
  'GET /api/venues/:id/kiosks': {
    allowed: VENUE_MANAGERS,
    request: (f) => ({ method: 'GET', url: `/api/venues/${f.venue.id}/kiosks` }),
  },
  'POST /api/venues/:id/kiosks': {
    allowed: ['manager'],
    request: (f) => ({ method: 'POST', url: `/api/venues/${f.venue.id}/kiosks`, body: { name: 'Quầy 2' } }),
  },
  'DELETE /api/venues/:id/kiosks/:kioskId': {
    allowed: VENUE_MANAGERS,
    request: async (f) => {
      const kiosk = await call(t.app, 'POST', `/api/venues/${f.venue.id}/kiosks`, {
        cookie: cookies.manager,
        body: { name: 'Tạm' },
      });
      return { method: 'DELETE', url: `/api/venues/${f.venue.id}/kiosks/${kiosk.body.id}` };
    },
  },
  'POST /api/history': {
    allowed: 'everyone',
    request: () => ({ method: 'POST', url: '/api/history', body: { items: [] } }),
  },
};

/** Routes that are not part of the JSON API: pages, static files and the API's own documentation. */
const NOT_API = (url: string) =>
  !url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/openapi.json';

const cookies = {} as Record<Caller, string | undefined>;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
  adminCookie = await login(t.app, ADMIN.username, ADMIN.password);
  const venue = await registerVenue(t.app, { adminUnitCode: HANOI_COMMUNE });
  const other = await registerVenue(t.app, { adminUnitCode: HCMC_COMMUNE });
  const password = 'matrix-pass-1';
  const accounts: [Exclude<Caller, 'anonymous' | 'admin' | 'manager' | 'manager_other' | 'kiosk'>, object][] =
    [
      ['official_in', { role: 'official', adminUnitCode: '01' }],
      ['official_out', { role: 'official', adminUnitCode: '79' }],
      ['tracer_in', { role: 'tracer', adminUnitCode: '01' }],
      ['staff', { role: 'venue_staff', venueIds: [venue.id] }],
    ];
  const credentials = {
    admin: ADMIN,
    manager: { username: String(venue.body.contactPhone), password: 'manager-pass-1' },
    manager_other: { username: String(other.body.contactPhone), password: 'manager-pass-1' },
  } as Fixture['password'];
  for (const [caller, account] of accounts) {
    await adminCall('POST', '/api/users', { username: `matrix-${caller}`, password, ...account });
    credentials[caller] = { username: `matrix-${caller}`, password };
  }
  for (const caller of LOGGED_IN)
    cookies[caller] = await login(t.app, credentials[caller].username, credentials[caller].password);
  fixture = { venue, card: (await declare(t.app)).card, password: credentials };
  kioskToken = (
    await call(t.app, 'POST', `/api/venues/${venue.id}/kiosks`, {
      cookie: cookies.manager,
      body: { name: 'Cổng chính' },
    })
  ).body.deviceToken;
  const started = await call(t.app, 'POST', '/api/exports', {
    cookie: cookies.official_in,
    body: { kind: 'unit_report', format: 'xlsx', adminUnit: '001' },
  });
  exportId = started.body.id;
  await new Promise((r) => setTimeout(r, 500));
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('has a rule for every API route the app serves, and no rule for a route that is gone', () => {
    const served = routeTables
      .get(t.app)!
      .filter((r) => !NOT_API(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(served.filter((route) => !(route in RULES))).toEqual([]);
    // A route may have several rules, told apart by a note in brackets: `POST /api/users (venue staff)`.
    const ruled = Object.keys(RULES).map((route) => route.replace(/ \(.*\)$/, ''));
    expect(ruled.filter((route) => !served.includes(route))).toEqual([]);
  });

  for (const [route, rule] of Object.entries(RULES)) {
    it(`${route}: ${rule.allowed === 'everyone' ? 'everyone but kiosks' : rule.allowed.join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const caller of CALLERS) {
        const req = await rule.request(fixture, caller);
        const cookie =
          rule.ownSession && caller !== 'anonymous' && caller !== 'kiosk'
            ? await login(t.app, fixture.password[caller].username, fixture.password[caller].password)
            : cookies[caller];
        const res = await call(t.app, req.method, req.url, {
          cookie,
          body: req.body,
          headers: caller === 'kiosk' ? { authorization: `Kiosk ${kioskToken}` } : undefined,
        });
        outcomes[caller] = res.status;
      }
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const caller of CALLERS) {
        const status = outcomes[caller]!;
        const allowed = (rule.allowed === 'everyone' ? EVERYONE : rule.allowed).includes(caller);
        expected[caller] = allowed ? 'through' : caller === 'anonymous' ? '401' : 'refused';
        actual[caller] =
          status >= 500
            ? `5xx`
            : [401, 403, 404].includes(status)
              ? status === 401 && caller === 'anonymous'
                ? '401'
                : allowed
                  ? String(status)
                  : 'refused'
              : 'through';
        if (!allowed && caller !== 'anonymous' && status === 401) actual[caller] = '401 (logged in)';
        // API v1.1: a kiosk is refused with 403 everywhere but its own scanner route, never 401 or 404.
        if (!allowed && caller === 'kiosk' && status !== 403) actual[caller] = `${status} (kiosk)`;
      }
      expect(actual).toEqual(expected);
    });
  }
});
