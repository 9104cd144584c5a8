import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('system', () => {
  it('reports health with the database kind', async () => {
    const res = await call(t.app, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await call(t.app, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('publishes an OpenAPI document generated from the routes, covering every endpoint of API.md built so far', async () => {
    const res = await call(t.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/users',
      '/api/admin-units',
      '/api/venue-categories',
      '/api/venues',
      '/api/venues/{id}',
      '/api/venues/by-code/{code}',
      '/api/venues/{id}/poster.pdf',
      '/api/venues/{id}/suspend',
      '/api/venues/{id}/reinstate',
      '/api/check-ins',
      '/api/check-ins/{id}/check-out',
    ]) {
      expect(paths).toContain(path);
    }
    expect(
      res.body.paths['/api/check-ins'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['venueCode', 'clientId', 'channel', 'person']));
  });
});

describe('administrative units', () => {
  it('lists the 63 provinces at the top level with GSO codes', async () => {
    const res = await call(t.app, 'GET', '/api/admin-units');
    expect(res.body.items).toHaveLength(63);
    expect(res.body.items[0]).toEqual({ code: '01', name: 'Thành phố Hà Nội', level: 1, parentCode: null });
  });

  it('lists the children of a unit down to communes', async () => {
    const districts = (await call(t.app, 'GET', '/api/admin-units?parent=79')).body.items;
    expect(districts.map((d: { name: string }) => d.name)).toContain('Quận 1');
    const communes = (await call(t.app, 'GET', '/api/admin-units?parent=760')).body.items;
    expect(communes).toContainEqual({ code: '26743', name: 'Phường Bến Thành', level: 3, parentCode: '760' });
  });

  it('holds the whole shipped list: 705 districts and 10,599 communes', async () => {
    const { rows } = await t.ctx.db.query<{ level: number; n: number }>(
      "SELECT level, count(*)::int AS n FROM admin_units WHERE version = 'vn-gso-2021' GROUP BY level ORDER BY level",
    );
    expect(rows).toEqual([
      { level: 1, n: 63 },
      { level: 2, n: 705 },
      { level: 3, n: 10599 },
    ]);
  });

  it('rejects a malformed parent code with 400', async () => {
    expect((await call(t.app, 'GET', '/api/admin-units?parent=abc')).status).toBe(400);
  });
});

describe('venue categories', () => {
  it('names the categories of seed 004 and the product additions in the caller’s language', async () => {
    const vi = (await call(t.app, 'GET', '/api/venue-categories')).body.items;
    const en = (await call(t.app, 'GET', '/api/venue-categories', { lang: 'en' })).body.items;
    const codes = vi.map((c: { code: string }) => c.code);
    for (const code of [
      'market',
      'school',
      'hospital',
      'bar_karaoke',
      'checkpoint',
      'public_service_centre',
      'event',
      'public_vehicle',
    ]) {
      expect(codes).toContain(code);
    }
    expect(vi.find((c: { code: string }) => c.code === 'market').name).toBe('Chợ đầu mối, chợ dân sinh');
    expect(en.find((c: { code: string }) => c.code === 'market').name).toBe('Market');
  });
});

describe('the check-in page /c/:code', () => {
  it('embeds the venue for a valid code and answers 404 for a forged one', async () => {
    const register = await call(t.app, 'POST', '/api/venues', {
      body: {
        name: '<b>Quán</b> "Cô Ba"',
        category: 'restaurant',
        adminUnitCode: '00001',
        address: '1 Phố Huế',
        contactName: 'Ba',
        contactPhone: '0909111222',
        managerPassword: 'password-123',
      },
    });
    const page = await t.app.inject({ method: 'GET', url: `/c/${register.body.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('&#60;b&#62;Quán&#60;/b&#62;');
    expect(page.body).not.toContain('<b>Quán</b>');
    expect(page.body).toContain('\\u003cb\\u003eQuán');
    const forged = await t.app.inject({ method: 'GET', url: '/c/AAAAAAAAAA1AAAAAAAAAAAA' });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('"venue":null');
  });

  it('is built from the web app the server serves', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../dist/web/checkin.html'), 'utf8');
    expect(html).toContain('<main id="root"');
  });
});

describe('one contract for server and web', () => {
  it('serves exactly the endpoints of src/shared/api, each under its declared method and path', async () => {
    const { routeTables } = await import('../../src/server/app.js');
    const { ALL_ENDPOINTS } = await import('../../src/shared/api/index.js');
    const served = routeTables
      .get(t.app)!
      .filter(
        (r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json' && !r.url.startsWith('/api/docs'),
      )
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const declared = ALL_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort();
    expect(served).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });
});
