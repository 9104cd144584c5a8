/**
 * The 2025 map of Vietnam in the browser (issue 13): on a new database (vn-2025, two levels) an owner
 * registers a venue with the province → ward pickers, a phone checks in, and the province's official
 * sees it on the dashboard under the ward and in the daily report.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { artifact } from './support/browser.js';
import { ADMIN_ENV, apiPost, E2E_ADMIN, logInOnPage, useJourney } from './support/journey.js';

const journey = useJourney({ ...ADMIN_ENV, ADMIN_UNITS_VERSION: 'vn-2025' });

describe('the 2025 admin units in the browser', () => {
  it('registers a venue in a ward of An Giang, checks in, and shows it on the province dashboard', async () => {
    const owner = await journey.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await owner.newPage();
    await page.goto(`${journey.server.baseUrl}/register`);
    await page.fill('#name', 'Chợ Rạch Giá');
    await page.selectOption('#category', 'market');
    await page.selectOption('#province', '91');
    await page.waitForSelector('#ward option[value="30742"]', { state: 'attached' });
    expect(await page.locator('#district').count()).toBe(0); // no districts since July 2025
    await page.selectOption('#ward', '30742');
    await page.fill('#address', '2 Đường Trần Phú');
    await page.fill('#contactName', 'Trần Văn Giang');
    await page.fill('#contactPhone', '0907123456');
    await page.fill('#password', 'matkhau-an-toan');
    await page.fill('#password2', 'matkhau-an-toan');
    await page.screenshot({ path: artifact('60-register-2025-ward.png'), fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/venues\/\d+/);
    const id = page.url().split('/').pop();
    const venue = (await (await page.request.get(`${journey.server.baseUrl}/api/venues/${id}`)).json()) as {
      entrances: { checkInUrl: string }[];
      adminUnitName: string;
    };
    expect(venue.adminUnitName).toBe('Phường Rạch Giá, Tỉnh An Giang');

    const phone = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const mobile = await phone.newPage();
    await mobile.goto(venue.entrances[0]!.checkInUrl);
    await mobile.fill('#fullName', 'Lê Thị Hạnh');
    await mobile.fill('#phone', '0913 456 789');
    await mobile.click('button[type=submit]');
    await mobile.waitForSelector('#confirmation');

    const admin = (await apiPost(journey.server, '/api/auth/login', E2E_ADMIN)).cookie!;
    await apiPost(
      journey.server,
      '/api/users',
      { username: 'soyte-angiang', password: 'so-y-te-an-giang', role: 'official', adminUnitCode: '91' },
      admin,
    );
    const office = await journey.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    const dash = await office.newPage();
    await logInOnPage(dash, journey.server, 'soyte-angiang', 'so-y-te-an-giang');
    await dash.waitForURL(/\/dashboard/);
    await dash.waitForSelector('text=Tỉnh An Giang');
    const row = dash.locator('tr', { has: dash.locator('button.link:has-text("Phường Rạch Giá")') });
    await row.waitFor();
    expect(await row.textContent()).toContain('1');
    await dash.screenshot({ path: artifact('61-dashboard-an-giang-2025.png'), fullPage: true });
    await dash.click('button.link:has-text("Phường Rạch Giá")');
    await dash.waitForSelector('.crumbs >> text=Phường Rạch Giá');
    await dash.waitForSelector('text=Chợ Rạch Giá');
    await dash.screenshot({ path: artifact('62-dashboard-ward-2025.png'), fullPage: true });

    await dash.click('button:has-text("Báo cáo PDF")');
    const link = dash.locator('a.download').first();
    await link.waitFor({ timeout: 20_000 });
    const [dl] = await Promise.all([dash.waitForEvent('download'), link.click()]);
    const pdf = artifact('63-report-ward-2025.pdf');
    await dl.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Phường Rạch Giá');
    expect(text).toMatch(/Chợ Rạch Giá\s+1\s+1\s+0/);
    await Promise.all([owner.close(), phone.close(), office.close()]);
  });
});
