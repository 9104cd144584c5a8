/**
 * Fuzzing every route of the app's own route table (issue 11): random path parameters, query strings
 * and bodies (random text with NUL and other control characters, absurd dates, numbers written
 * every way, JSON of any shape, and objects built from the field names of the route's own schema),
 * anonymous and as the national admin. Whatever comes in: never a 5xx, every error in the contract's
 * shape, and a check-in stored before is unchanged afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTables } from '../../src/server/app.js';
import {
  ADMIN,
  NO_EXPOSURE,
  NO_SYMPTOMS,
  call,
  checkInBody,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

/** Random cases per route (two callers each); enough to find NUL and date problems on its own. */
const RUNS_PER_ROUTE = 12;

let t: TestApp;
let adminCookie: string;
let storedCheckIn: { id: string; row: unknown };
let venueId: number;
let venueCode: string;
const fieldNames = new Map<string, string[]>();

const isApi = (url: string) =>
  url.startsWith('/api/') && !url.startsWith('/api/docs') && url !== '/api/openapi.json';

/** Every property name under a JSON schema (request bodies of the OpenAPI document). */
function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return into;
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === 'object')
    for (const [name, sub] of Object.entries(s.properties)) {
      into.add(name);
      propertyNames(sub, into);
    }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf'])
    [s[key]].flat().forEach((sub) => propertyNames(sub, into));
  return into;
}

/** Any `YYYY-MM-DD`, years 0000–9999, with the edges weighted in. */
const day = fc.oneof(
  fc.constantFrom('0000-01-01', '9999-12-31', '1999-12-31', '2101-01-01', '2026-02-30'),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
);
const DATE_FIELDS = /^(from|to|at|deadline|arrivalDate)$/;
const numberText = fc.oneof(
  fc.constantFrom('0x10', '1e1', ' 1', '-1', '1.5', '99999999999999999999', 'NaN', '0', '00001'),
  fc.integer().map(String),
);
/** Control characters, injection attempts and edge values, weighted so every run meets some. */
const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\u0001\u001f',
  '=1+1',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
);
const text = fc.oneof(
  { arbitrary: nasty, weight: 3 },
  { arbitrary: day, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: numberText, weight: 1 },
);
const scalar = fc.oneof(
  { arbitrary: text, weight: 4 },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

function bodyFor(route: string) {
  const names = fieldNames.get(route) ?? [];
  const shaped =
    names.length === 0
      ? fc.constant({})
      : fc.dictionary(
          fc.constantFrom(...names),
          fc.oneof(
            scalar,
            fc.array(scalar, { maxLength: 3 }),
            fc.dictionary(fc.constantFrom(...names), scalar),
          ),
          { maxKeys: 8 },
        );
  return fc.oneof(shaped, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
}

const QUERY_NAMES = [
  'from',
  'to',
  'adminUnit',
  'format',
  'limit',
  'entrance',
  'parent',
  'silentDays',
  'target',
  'token',
  'phone',
  'q',
];
const query = fc.dictionary(fc.constantFrom(...QUERY_NAMES), text, { maxKeys: 4 });

function fill(url: string, params: string[]) {
  let i = 0;
  return url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[i++] ?? ''));
}

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    LOGIN_DELAY_CAP_MS: '0',
    LOGIN_MAX_FAILURES: '100000',
  });
  adminCookie = await login(t.app, ADMIN.username, ADMIN.password);
  const venue = await registerVenue(t.app);
  venueId = venue.id;
  venueCode = venue.code;
  const checkIn = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code) });
  const row = (await t.ctx.db.query('SELECT * FROM check_ins WHERE id = $1', [checkIn.body.id])).rows[0];
  storedCheckIn = { id: checkIn.body.id, row };
  const doc = (await call(t.app, 'GET', '/api/openapi.json')).body as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      fieldNames.set(`${method.toUpperCase()} ${url}`, [...propertyNames(schema)]);
    }
});
afterAll(() => t.close());

describe('fuzzing every API route', () => {
  it('never answers 5xx, always answers errors in the contract shape, and changes no stored check-in', async () => {
    const routes = routeTables.get(t.app)!.filter((r) => isApi(r.url) && r.url !== '/api/auth/logout');
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      await fc.assert(
        fc.asyncProperty(
          fc.array(text, { minLength: 3, maxLength: 3 }),
          query,
          bodyFor(key),
          fc.boolean(),
          async (params, q, body, asAdmin) => {
            const search = new URLSearchParams(q).toString();
            const url = fill(route.url, params) + (search ? `?${search}` : '');
            const res = await call(t.app, route.method as 'GET', url, {
              cookie: asAdmin ? adminCookie : undefined,
              body: route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
            });
            if (res.status >= 500)
              throw new Error(`${key} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
            if (res.status >= 400 && String(res.headers['content-type']).includes('json')) {
              expect(typeof res.body.error?.code, `${key} ${url}`).toBe('string');
              expect(typeof res.body.error?.message, `${key} ${url}`).toBe('string');
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    await expectStoredCheckInUnchanged();
  });

  it('survives one field of a valid request replaced by anything, where values reach the database', async () => {
    for (const seed of validRequests()) {
      const leaves = leafPaths({ query: seed.query ?? {}, body: seed.body ?? {} });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...leaves), scalar, day, async (path, anyValue, anyDay) => {
          // Fields that hold a day or an instant mostly get days (every year 0000–9999), else anything.
          const value = DATE_FIELDS.test(path.at(-1)!) && typeof anyValue !== 'string' ? anyDay : anyValue;
          const mutated = setPath(
            structuredClone({ query: seed.query ?? {}, body: seed.body ?? {} }),
            path,
            value,
          );
          const search = new URLSearchParams(mutated.query as Record<string, string>).toString();
          const url = seed.url + (search ? `?${search}` : '');
          const res = await call(t.app, seed.method, url, {
            cookie: adminCookie,
            body: seed.body === undefined ? undefined : mutated.body,
          });
          if (res.status >= 500)
            throw new Error(
              `${seed.method} ${url} ${JSON.stringify(mutated.body)} → ${JSON.stringify(res.body)}`,
            );
        }),
        { numRuns: RUNS_PER_ROUTE * 2 },
      );
    }
    await expectStoredCheckInUnchanged();
  });
});

async function expectStoredCheckInUnchanged() {
  const after = (await t.ctx.db.query('SELECT * FROM check_ins WHERE id = $1', [storedCheckIn.id])).rows[0];
  expect(after).toEqual(storedCheckIn.row);
}

type Method = 'GET' | 'POST' | 'PUT';
interface Seed {
  method: Method;
  url: string;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** Valid requests whose fields reach the database: each case replaces one of their leaves. */
function validRequests(): Seed[] {
  const range = { adminUnit: '01', from: '2026-11-20', to: '2026-11-21' };
  const person = { fullName: 'Lê Văn Minh', phone: '0912345678', idNumber: '001190012345', address: 'Số 1' };
  const answers = {
    visitedAreas: ['01'],
    symptoms: NO_SYMPTOMS,
    exposure: NO_EXPOSURE,
    pledge: true,
  };
  return [
    { method: 'POST', url: '/api/auth/login', body: { username: 'admin', password: 'not-the-password' } },
    { method: 'GET', url: '/api/stats', query: range },
    // One bound alone: the other defaults to it, so a single absurd day reaches the database.
    { method: 'GET', url: '/api/stats', query: { adminUnit: '01', to: '2026-11-21' } },
    { method: 'GET', url: '/api/stats/venues', query: { adminUnit: '01', to: '2026-11-21' } },
    { method: 'GET', url: `/api/venues/${venueId}/visits`, query: { to: '2026-11-21', format: 'xlsx' } },
    { method: 'GET', url: '/api/stats/venues', query: range },
    { method: 'GET', url: '/api/reports/unit', query: { ...range, format: 'xlsx' } },
    { method: 'GET', url: `/api/venues/${venueId}/visits`, query: { from: '2026-11-20', format: 'csv' } },
    { method: 'GET', url: '/api/audit', query: { from: '2026-11-20', to: '2026-11-21' } },
    { method: 'GET', url: '/api/compliance', query: { adminUnit: '01', silentDays: '3', target: '0.5' } },
    { method: 'GET', url: '/api/admin-units', query: { parent: '01' } },
    {
      method: 'POST',
      url: '/api/check-ins',
      body: { venueCode, clientId: crypto.randomUUID(), channel: 'qr_self', person },
    },
    { method: 'POST', url: '/api/declarations', body: { clientId: crypto.randomUUID(), person, ...answers } },
    {
      method: 'POST',
      url: '/api/venues',
      body: {
        name: 'Quán',
        category: 'restaurant',
        adminUnitCode: '00001',
        address: 'Số 2',
        contactName: 'An',
        contactPhone: '0911111111',
      },
    },
    { method: 'POST', url: `/api/venues/${venueId}/reinstate`, body: { reason: 'đã khắc phục' } },
    {
      method: 'POST',
      url: '/api/users',
      body: { username: 'fuzz-user', password: 'fuzz-pass-123', role: 'tracer', adminUnitCode: '01' },
    },
    {
      method: 'POST',
      url: '/api/hotspots',
      body: { adminUnitCode: '00001', from: '2026-11-01', to: '2026-11-10', note: 'ổ dịch' },
    },
    {
      method: 'POST',
      url: '/api/registration-deadlines',
      body: { adminUnitCode: '01', deadline: '2026-12-10', note: 'hạn' },
    },
    {
      method: 'POST',
      url: '/api/compliance/reminders',
      body: { venueIds: [venueId], message: 'Đề nghị quét mã', sms: false },
    },
    { method: 'PUT', url: '/api/status-rules/01', body: { anySymptom: 'yellow', declarationValidDays: 3 } },
    {
      method: 'POST',
      url: '/api/tracing/queries',
      body: {
        subject: { phone: '0912345678' },
        from: '2026-11-20',
        to: '2026-11-21',
        purpose: 'Truy vết ca bệnh BN-1',
      },
    },
    {
      method: 'POST',
      url: '/api/tracing/venue-exposures',
      body: {
        venueId,
        from: '2026-11-20T01:00:00Z',
        to: '2026-11-20T03:00:00Z',
        purpose: 'Danh sách tiếp xúc',
      },
    },
    {
      method: 'POST',
      url: `/api/venues/${venueId}/check-ins`,
      body: { clientId: crypto.randomUUID(), channel: 'paper', person, at: '2026-11-20T01:00:00Z' },
    },
  ];
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return prefix.length > 1 ? [prefix] : [];
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = path[0] === 'query' ? String(value) : value;
  return target as { query: Record<string, unknown>; body: Record<string, unknown> };
}
