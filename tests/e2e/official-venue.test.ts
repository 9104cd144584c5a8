/**
 * An official at a venue (issue 14): sees its contact, suspends it with a reason given in a dialog
 * (the citizen's check-in is then refused), reinstates it, and reads the history of both decisions.
 */
import { describe, expect, it } from 'vitest';
import { artifact } from './support/browser.js';
import { apiPost, E2E_ADMIN, logInOnPage, useSharedJourney } from './support/journey.js';

const journey = useSharedJourney();
const post = (path: string, body: unknown, cookie?: string) => apiPost(journey.server, path, body, cookie);

describe('an official at a venue', () => {
  it('suspends and reinstates it with reasons, and reads the history', async () => {
    const admin = (await post('/api/auth/login', E2E_ADMIN)).cookie!;
    await post(
      '/api/users',
      { username: 'ubnd-hn-dia-diem', password: 'ubnd-ha-noi-1', role: 'official', adminUnitCode: '01' },
      admin,
    );
    const venue = (
      await post('/api/venues', {
        name: 'Karaoke Ánh Trăng',
        category: 'bar_karaoke',
        adminUnitCode: '00001',
        address: '5 Phúc Xá',
        contactName: 'Phạm Văn Trăng',
        contactPhone: '0905333444',
        managerPassword: 'karaoke-anh-trang',
      })
    ).body as { id: number; code: string };

    const context = await journey.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await logInOnPage(page, journey.server, 'ubnd-hn-dia-diem', 'ubnd-ha-noi-1');
    await page.waitForURL(/\/dashboard/);
    await page.goto(`${journey.server.baseUrl}/venues/${venue.id}`);
    await page.waitForSelector('#official-actions >> text=Phạm Văn Trăng');

    await page.click('#official-actions button:has-text("Tạm dừng")');
    await page.waitForSelector('dialog[open]');
    expect(await page.isDisabled('dialog button[type=submit]')).toBe(true); // no reason yet
    await page.fill('#reason-text', 'Hoạt động quá 30 người trong phòng kín');
    await page.screenshot({ path: artifact('80-suspend-dialog.png') });
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('.badge.suspended');
    const refused = await fetch(`${journey.server.baseUrl}/api/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        venueCode: venue.code,
        clientId: crypto.randomUUID(),
        channel: 'qr_self',
        person: { fullName: 'Lê Văn Minh', phone: '0912345678' },
      }),
    });
    expect(refused.status).toBe(409);

    await page.click('#official-actions button:has-text("Cho hoạt động lại")');
    await page.fill('#reason-text', 'Đã cam kết giới hạn 20 người');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('.badge.active');
    const history = await page.locator('#official-actions li').allTextContents();
    expect(history[0]).toContain('Đã cam kết giới hạn 20 người');
    expect(history[1]).toContain('Hoạt động quá 30 người trong phòng kín');
    await page.screenshot({ path: artifact('81-venue-history.png'), fullPage: true });
    await context.close();
  });
});
