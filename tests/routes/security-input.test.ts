/**
 * Trust nothing a client sends (issue 11): forged client addresses, NUL characters, absurd dates,
 * lenient ids, validation before login, and error bodies from the router and Node's HTTP parser.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  declarationBody,
  HANOI_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  venueBody,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let adminCookie: string;
let venue: Awaited<ReturnType<typeof registerVenue>>;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
  adminCookie = await login(t.app, ADMIN.username, ADMIN.password);
  venue = await registerVenue(t.app);
});
afterAll(() => t.close());

const expectErrorShape = (body: { error?: { code?: unknown; message?: unknown } }) => {
  expect(typeof body.error?.code).toBe('string');
  expect(typeof body.error?.message).toBe('string');
};

describe('client addresses', () => {
  const loginFrom = (app: TestApp['app'], forwardedFor: string) =>
    call(app, 'POST', '/api/auth/login', {
      body: { username: 'spray', password: 'wrong-password' },
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores X-Forwarded-For without TRUST_PROXY: a new header per attempt does not escape the limit', async () => {
    const app = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '5', LOGIN_DELAY_CAP_MS: '0' });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await loginFrom(app.app, `198.51.100.${i}`)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    } finally {
      await app.close();
    }
  });

  it('believes X-Forwarded-For only from the proxies in TRUST_PROXY', async () => {
    const app = await startTestApp({
      RATE_LIMIT_LOGIN_PER_MINUTE: '5',
      LOGIN_DELAY_CAP_MS: '0',
      TRUST_PROXY: '127.0.0.1/32',
    });
    try {
      for (let i = 0; i < 8; i++) expect((await loginFrom(app.app, `198.51.100.${i}`)).status).toBe(401);
      // The same header from a peer that is not a configured proxy is not believed.
      const direct = [];
      for (let i = 0; i < 7; i++)
        direct.push(
          (
            await call(app.app, 'POST', '/api/auth/login', {
              body: { username: 'spray', password: 'wrong-password' },
              headers: { 'x-forwarded-for': `198.51.100.${100 + i}` },
              from: '192.0.2.7',
            })
          ).status,
        );
      expect(direct.at(-1)).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('refuses a TRUST_PROXY that is not a list of addresses or CIDRs', async () => {
    await expect(startTestApp({ TRUST_PROXY: 'everyone' })).rejects.toThrow(/TRUST_PROXY/);
  });
});

describe('text and dates', () => {
  it('answers a NUL character in any text field with 400, never a 500', async () => {
    const cases = [
      call(t.app, 'POST', '/api/auth/login', { body: { username: 'ad\u0000min', password: 'x' } }),
      call(t.app, 'POST', '/api/venues', { body: venueBody({ name: 'Quán\u0000' }) }),
      call(t.app, 'POST', '/api/check-ins', {
        body: checkInBody(venue.code, { person: { fullName: 'Lê\u0000Minh', phone: '0912345678' } }),
      }),
      call(t.app, 'POST', '/api/declarations', {
        body: declarationBody({ person: { fullName: 'A\u0000', phone: '0912345678' } }),
      }),
      call(t.app, 'POST', `/api/venues/${venue.id}/suspend`, {
        cookie: adminCookie,
        body: { reason: 'x\u0000' },
      }),
      call(t.app, 'GET', '/api/stats?adminUnit=01%00', { cookie: adminCookie }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expectErrorShape(res.body);
    }
    const venueName = await call(t.app, 'POST', '/api/venues', { body: venueBody({ name: 'Quán\u0000' }) });
    expect(venueName.body.error.details[0]).toMatchObject({ path: 'name', code: 'nul_character' });
  });

  it('answers dates outside 2000–2100 with 400 on every range, deadline and window', async () => {
    for (const day of ['0000-01-01', '9999-12-31', '1999-12-31', '2101-01-01']) {
      const urls = [
        `/api/stats?adminUnit=01&from=${day}&to=2026-11-20`,
        `/api/stats/venues?adminUnit=01&from=2026-11-20&to=${day}`,
        `/api/reports/unit?adminUnit=01&from=${day}&format=xlsx`,
        `/api/venues/${venue.id}/visits?from=${day}&format=csv`,
        `/api/audit?from=${day}`,
      ];
      for (const url of urls) {
        const res = await call(t.app, 'GET', url, { cookie: adminCookie });
        expect(res.status, url).toBe(400);
        expectErrorShape(res.body);
      }
      const hotspot = await call(t.app, 'POST', '/api/hotspots', {
        cookie: adminCookie,
        body: { adminUnitCode: HANOI_COMMUNE, from: day, to: '2026-11-20' },
      });
      expect(hotspot.status).toBe(400);
      const deadline = await call(t.app, 'POST', '/api/registration-deadlines', {
        cookie: adminCookie,
        body: { adminUnitCode: '01', deadline: day },
      });
      expect(deadline.status).toBe(400);
    }
  });

  it('answers two concurrent creations of one username with 201 and 409, never a 500', async () => {
    const body = {
      username: 'race-official',
      password: 'official-pass-1',
      role: 'official',
      adminUnitCode: '01',
    };
    const statuses = (
      await Promise.all([1, 2, 3].map(() => call(t.app, 'POST', '/api/users', { cookie: adminCookie, body })))
    )
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([201, 409, 409]);
  });
});

describe('what a wrong field says', () => {
  it('words each finding in the caller language, naming the value it found', async () => {
    const body = { name: 'Quán', category: 'casino', adminUnitCode: 7, address: 'x', contactName: 'y' };
    const answer = async (lang: string) =>
      (await call(t.app, 'POST', '/api/venues', { body, headers: { 'accept-language': lang } })).body.error;
    const vi = await answer('vi');
    expect(vi.code).toBe('validation_failed');
    expect(vi.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    const viByPath = Object.fromEntries(
      vi.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(viByPath.category).toMatch(/^Tùy chọn không hợp lệ: mong đợi một trong các giá trị "/);
    expect(viByPath.adminUnitCode).toBe('Sai kiểu: cần một chuỗi ký tự.');
    expect(viByPath.contactPhone).toBe('Thiếu trường này.');
    const en = await answer('en');
    const enByPath = Object.fromEntries(
      en.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(enByPath.adminUnitCode).toBe('Invalid input: expected string, received number');
    expect(enByPath.contactPhone).toBe('This field is required.');
    // The finding itself stays inside.
    expect(JSON.stringify(vi)).not.toContain('"issue"');
  });
});

describe('what a wrong field says, in Vietnamese words', () => {
  it('names types and limits in Vietnamese, never a type name or a pattern in English', async () => {
    const body = {
      name: 'Q'.repeat(201),
      category: 'market',
      adminUnitCode: HANOI_COMMUNE,
      address: 'x',
      contactName: 'y',
      contactPhone: 'not-a-phone',
      capacity: 0,
      password: 'matkhau-an-toan',
    };
    const res = await call(t.app, 'POST', '/api/venues', { body });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(
      res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath.name).toBe('Quá dài: tối đa 200 ký tự.');
    expect(byPath.capacity).toBe('Quá nhỏ: ít nhất 1.');
    expect(byPath.contactPhone).toBe(
      'Số điện thoại không hợp lệ: 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678.',
    );
    for (const message of Object.values(byPath) as string[])
      expect(message).not.toMatch(/string|number|boolean|\/\^/);
  });

  it("says which of our rules a value breaks, in the caller's language (never the rule's inner name)", async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const asked = async (lang: string, body: object) =>
      (
        await call(t.app, 'POST', '/api/tracing/queries', {
          cookie: admin,
          body: { purpose: 'Kiểm tra thông báo lỗi', ...body },
          headers: { 'accept-language': lang },
        })
      ).body.error.details.map((d: { message: string }) => d.message);
    expect(await asked('vi', { subject: {} })).toEqual([
      'Cần số điện thoại, số CCCD/hộ chiếu hoặc mã QR thẻ của ca bệnh.',
    ]);
    expect(await asked('en', { subject: {} })).toEqual(["The case's phone, ID number or card QR is needed."]);
    expect(await asked('en', { subject: { phone: '12' } })).toEqual([
      'Not a valid phone number: 10 digits starting with 0, e.g. 0912345678.',
    ]);
    expect(await asked('vi', { subject: { phone: '0912345678' }, from: '1999-12-31' })).toEqual([
      'Ngày nằm ngoài khoảng cho phép (từ năm 2000 đến năm 2100).',
    ]);
  });
});

describe('order of checks and path parameters', () => {
  it('answers an anonymous request with a bad body or query 401, before validating it', async () => {
    for (const [method, url, body] of [
      ['POST', '/api/users', { role: 'king' }],
      ['GET', '/api/stats?from=not-a-date', undefined],
      ['POST', '/api/tracing/queries', {}],
      ['PUT', '/api/status-rules/01', { anySymptom: 'purple' }],
      ['POST', `/api/venues/${venue.id}/check-ins`, { channel: 'nope' }],
    ] as const) {
      const res = await call(t.app, method, url, { body });
      expect(res.status, `${method} ${url}`).toBe(401);
      expect(res.body.error.code).toBe('not_logged_in');
    }
  });

  it('reads numeric ids as plain decimal digits only', async () => {
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}`, { cookie: adminCookie })).status).toBe(200);
    for (const id of ['0x1', '1e0', '%201', '+1', '1.0', '01x']) {
      const res = await call(t.app, 'GET', `/api/venues/${id}`, { cookie: adminCookie });
      expect(res.status, id).toBe(404);
      expectErrorShape(res.body);
    }
  });

  it('answers router errors in the contract shape: bad percent-encoding, a too-long parameter', async () => {
    const bad = await call(t.app, 'GET', '/api/venues/by-code/%E0%A4%A');
    expect(bad.status).toBe(404);
    expectErrorShape(bad.body);
    // Over the router's parameter limit: the static files' wildcard answers it, in the same shape.
    const long = await call(t.app, 'GET', `/api/venues/by-code/${'A'.repeat(300)}`, { lang: 'en' });
    expect(long.status).toBe(404);
    expect(long.body.error).toMatchObject({ code: 'not_found', message: 'Not found.' });
  });

  it("answers Node's parser errors (too-long URL or header) in the contract shape", async () => {
    const app = await startTestApp();
    try {
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.app.server.address() as AddressInfo;
      const raw = (request: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.end(request));
          let text = '';
          socket.on('data', (d) => (text += d.toString()));
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
      for (const request of [
        `GET /api/health?${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`,
        `GET /api/health HTTP/1.1\r\nHost: a\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
      ]) {
        const answer = await raw(request);
        expect(answer).toMatch(/^HTTP\/1\.1 431/);
        const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
        expect(body.error).toMatchObject({ code: 'headers_too_large' });
        expect(body.error.message).toContain('quá lớn');
      }
    } finally {
      await app.close();
    }
  });
});

describe('headers and origins', () => {
  it('marks API answers no-store and gives the API docs a content security policy', async () => {
    const me = await call(t.app, 'GET', '/api/auth/me', { cookie: adminCookie });
    expect(me.headers['cache-control']).toBe('no-store');
    const docs = await call(t.app, 'GET', '/api/docs/static/index.html');
    expect(String(docs.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('refuses state-changing requests from another origin, bodiless ones included', async () => {
    const cookie = await login(t.app, ADMIN.username, ADMIN.password);
    const evil = await call(t.app, 'POST', '/api/auth/logout', {
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('forbidden_origin');
    const crossSite = await call(t.app, 'POST', '/api/auth/logout', {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    const own = await call(t.app, 'POST', '/api/auth/logout', {
      cookie,
      headers: { origin: 'https://qr.example.vn' },
    });
    expect(own.status).toBe(204);
  });
});
