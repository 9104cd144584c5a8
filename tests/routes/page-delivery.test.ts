/**
 * How pages reach a cheap phone (issue 15, point 6): the check-in page in one compressed response with
 * its script allowed by hash, hashed assets precompressed and kept a year, a citizen page's files
 * preloaded with the app shell. (The budget itself is measured by `npm run bench:page-weight`.)
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../src/server/paths.js';
import { call, registerVenue, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the check-in page', () => {
  it('comes in one brotli response whose only script is allowed by its hash', async () => {
    const venue = await registerVenue(t.app);
    const res = await call(t.app, 'GET', `/c/${venue.code}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toContain('accept-encoding');
    const html = brotliDecompressSync(res.body as Buffer).toString();
    expect(html).not.toMatch(/<script[^>]+src=|<link rel="stylesheet"/);
    expect(html).toContain('<style>');
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(String(res.headers['content-security-policy'])).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(html).toContain(venue.body.name as string);
  });

  it('is plain HTML for a client that accepts no compression', async () => {
    const venue = await registerVenue(t.app);
    const res = await call(t.app, 'GET', `/c/${venue.code}`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(String(res.body)).toContain('<script type="module">');
  });
});

describe('the app files', () => {
  const appScript = readdirSync(`${WEB_DIR}/assets`).find((f) => /^app-.*\.js$/.test(f))!;

  it('are sent precompressed as the browser accepts, and kept a year', async () => {
    const br = await call(t.app, 'GET', `/assets/${appScript}`, { headers: { 'accept-encoding': 'br' } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await call(t.app, 'GET', `/assets/${appScript}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await call(t.app, 'GET', `/assets/${appScript}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).length).toBeGreaterThan((br.body as Buffer).length * 2);
  });

  it("a citizen page's shell preloads that page's files; another page's shell does not", async () => {
    const declare = String((await call(t.app, 'GET', '/declare')).body);
    expect(declare).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/DeclarePage-[^"]+\.js">/);
    const dashboard = String((await call(t.app, 'GET', '/dashboard')).body);
    expect(dashboard).not.toContain('DeclarePage');
  });
});
