/**
 * The app on a fresh real database, driven through app.inject(), with a clock the test controls.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { prepareContext } from '../../src/server/bootstrap.js';
import { parseConfig } from '../../src/server/config.js';
import type { FileLayerObserver } from '../../src/server/db/pglite-files.js';
import type { ServiceContext } from '../../src/server/services/context.js';
import { freshDatabase, migratedPgliteTemplate, type FreshDatabase } from './database.js';
import { dumpOpenPglite } from '../../src/server/db/pglite.js';
import { useCheapPasswordHashesInTests } from '../../src/server/services/passwords.js';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };
/** The master key of test apps (32 bytes, base64): codes stay valid across apps on one database. */
export const TEST_SIGNING_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: FastifyInstance;
  ctx: ServiceContext;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  /** Stops this app and starts another on the same database (same clock) with `env` added. */
  restart(env: Record<string, string | undefined>): Promise<TestApp>;
  close(): Promise<void>;
}

// Route tests create and log in hundreds of accounts: cheap hashes (the cost is checked in a fresh
// node, tests/built/server-modules.test.ts; servers started as processes keep it).
useCheapPasswordHashesInTests();

type Env = Record<string, string | undefined>;

export async function startTestApp(
  env: Env = {},
  start = new Date(),
  opts: { files?: FileLayerObserver } = {},
): Promise<TestApp> {
  const clock = {
    now: start,
    advanceMinutes(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  return startOn(await freshDatabase(), env, clock, opts.files, await migratedPgliteTemplate());
}

async function startOn(
  db: FreshDatabase,
  env: Env,
  clock: TestApp['clock'],
  files: FileLayerObserver | undefined,
  initialData: Blob | undefined,
): Promise<TestApp> {
  const config = parseConfig({
    DATA_DIR: '',
    PUBLIC_URL: 'https://qr.example.vn',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    QR_SIGNING_KEY: TEST_SIGNING_KEY,
    // The fixtures name 2021 units (three levels); tests of the 2025 list ask for it.
    ADMIN_UNITS_VERSION: 'vn-gso-2021',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const ctx = await prepareContext(
    config,
    () => clock.now,
    () => undefined,
    { files, initialData },
  );
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    async restart(more) {
      // An in-memory PGlite database lives on as its dump; a PostgreSQL one as itself.
      const dump = db.url ? undefined : await dumpOpenPglite(ctx.db);
      await app.close();
      await ctx.db.close();
      return startOn(db, { ...env, ...more }, clock, files, dump);
    },
    async close() {
      // After a restart that failed, the app and its database are already closed.
      await app.close().catch(() => undefined);
      await ctx.db.close().catch(() => undefined);
      await db.drop();
    },
  };
}

type Json = Record<string, unknown>;

export interface Call {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: LightMyRequestResponse['headers'];
}

export async function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  opts: {
    body?: unknown;
    cookie?: string;
    lang?: string;
    headers?: Record<string, string>;
    /** The TCP peer address of the request (default 127.0.0.1). */
    from?: string;
  } = {},
): Promise<Call> {
  const res = await app.inject({
    method,
    url,
    ...(opts.from ? { remoteAddress: opts.from } : {}),
    payload: opts.body === undefined ? undefined : (opts.body as Json),
    headers: {
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      ...opts.headers,
    },
  });
  const isJson = String(res.headers['content-type'] ?? '').includes('json');
  return { status: res.statusCode, body: isJson ? res.json() : res.rawPayload, headers: res.headers };
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  return `sid=${cookie!.value}`;
}

let phoneCounter = 0;
/** A unique valid Vietnamese mobile number per call. */
export function uniquePhone(): string {
  phoneCounter += 1;
  return `09${String(10_000_000 + ((process.pid * 1000 + phoneCounter) % 90_000_000)).padStart(8, '0')}`;
}

/** Phường Phúc Xá, Quận Ba Đình, Hà Nội. */
export const HANOI_COMMUNE = '00001';
/** Phường Bến Thành, Quận 1, TP Hồ Chí Minh. */
export const HCMC_COMMUNE = '26743';

export function venueBody(overrides: Json = {}): Json {
  return {
    name: 'Quán Phở Thìn',
    category: 'restaurant',
    adminUnitCode: HANOI_COMMUNE,
    address: '13 Lò Đúc',
    contactName: 'Nguyễn Văn Thìn',
    contactPhone: uniquePhone(),
    managerPassword: 'manager-pass-1',
    ...overrides,
  };
}

export async function registerVenue(app: FastifyInstance, overrides: Json = {}) {
  const body = venueBody(overrides);
  const res = await call(app, 'POST', '/api/venues', { body });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const managerCookie = body.managerPassword
    ? await login(app, String(body.contactPhone), String(body.managerPassword))
    : undefined;
  return { ...(res.body as { id: number; code: string; checkInUrl: string }), managerCookie, body };
}

/** A paper form typed in later by the venue's manager (logged in now), for a person at `at`. */
export async function typePaperForm(
  app: FastifyInstance,
  venue: Awaited<ReturnType<typeof registerVenue>>,
  at: string,
  person: { fullName: string; phone: string },
) {
  const cookie = await login(app, String(venue.body.contactPhone), String(venue.body.managerPassword));
  return call(app, 'POST', `/api/venues/${venue.id}/check-ins`, {
    cookie,
    body: { clientId: crypto.randomUUID(), channel: 'paper', at, person },
  });
}

export function checkInBody(venueCode: string, overrides: Json = {}): Json {
  return {
    venueCode,
    clientId: crypto.randomUUID(),
    channel: 'qr_self',
    person: { fullName: 'Lê Văn Minh', phone: '0912345678' },
    ...overrides,
  };
}

export const NO_SYMPTOMS = {
  fever: false,
  cough: false,
  breathlessness: false,
  pneumonia: false,
  soreThroat: false,
  fatigue: false,
};
export const NO_EXPOSURE = { confirmedCase: false, fromAffectedArea: false, symptomaticPerson: false };

export function declarationBody(overrides: Json = {}): Json {
  return {
    clientId: crypto.randomUUID(),
    person: {
      fullName: 'Hoàng Thị Lan',
      phone: uniquePhone(),
      idNumber: '001190012345',
      birthYear: 1990,
      sex: 'female',
      nationality: 'VN',
    },
    visitedAreas: [],
    symptoms: NO_SYMPTOMS,
    exposure: NO_EXPOSURE,
    pledge: true,
    ...overrides,
  };
}

export async function declare(app: FastifyInstance, overrides: Json = {}) {
  const res = await call(app, 'POST', '/api/declarations', { body: declarationBody(overrides) });
  if (res.status !== 201) throw new Error(`declaration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: string;
    flagged: boolean;
    statusColour: string;
    card: { id: string; qr: string; number: string; holderToken: string };
  };
}
