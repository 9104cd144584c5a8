/**
 * A province's first start (issue 14): without ADMIN_USERNAME/ADMIN_PASSWORD the server gives a
 * one-time link that creates the first national admin; with a PUBLIC_URL phones cannot open, the pages
 * say so and posters and cards are printed marked as a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAdminLink } from '../../src/server/services/first-admin.js';
import { startupReport } from '../../src/server/startup-report.js';
import { call, declare, login, registerVenue, startTestApp, type TestApp } from '../support/app.js';
import { pdfText } from '../support/documents.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    ADMIN_USERNAME: undefined,
    ADMIN_PASSWORD: undefined,
    PUBLIC_URL: 'http://localhost:3000',
    ADMIN_UNITS_VERSION: undefined,
  });
});
afterAll(() => t.close());

describe('the first admin', () => {
  it('is created once through the printed link, which then stops working', async () => {
    const link = await firstAdminLink(t.ctx);
    expect(link).toMatch(/^http:\/\/localhost:3000\/setup\?token=[\w-]{32}$/);
    const report = startupReport(t.ctx, link);
    expect(report).toContain(link);
    expect(report).toContain('vn-2025 (2 levels)');
    expect(report).toContain('WARNING: PUBLIC_URL (http://localhost:3000) is a local or private address');
    const token = new URL(link!).searchParams.get('token')!;

    const body = { token, username: 'quantri', password: 'quan-tri-12345' };
    const wrong = await call(t.app, 'POST', '/api/setup/admin', { body: { ...body, token: 'guess' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('setup_link_invalid');
    expect(
      (await call(t.app, 'POST', '/api/setup/admin', { body: { ...body, password: 'short' } })).status,
    ).toBe(400);
    const made = await call(t.app, 'POST', '/api/setup/admin', { body });
    expect(made.status).toBe(201);
    expect(made.body.username).toBe('quantri');
    const admin = await login(t.app, 'quantri', 'quan-tri-12345');
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie: admin })).body.user.role).toBe('admin');

    expect((await call(t.app, 'POST', '/api/setup/admin', { body })).status).toBe(403);
    expect(await firstAdminLink(t.ctx)).toBeNull();
    expect(startupReport(t.ctx, null)).not.toContain('setup');
  });
});

describe('a PUBLIC_URL phones cannot open', () => {
  it('marks the pages, the posters and the cards as a test', async () => {
    const page = await call(t.app, 'GET', '/venues/1');
    expect(page.body.toString()).toContain('<meta name="public-url-test" content="1">');
    const venue = await registerVenue(t.app, { adminUnitCode: '00097' });
    const poster = await call(t.app, 'GET', `/api/venues/${venue.id}/poster.pdf`, {
      cookie: venue.managerCookie,
    });
    expect(pdfText(poster.body)).toContain('BẢN THỬ – KHÔNG DÁN, KHÔNG PHÁT (TEST – not for display)');
    const card = (await declare(t.app)).card;
    const pdf = await call(t.app, 'GET', `/api/cards/${card.id}/card.pdf?token=${card.holderToken}`);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body)).toContain('TEST – not for display');
  });
});
