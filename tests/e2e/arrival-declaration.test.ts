/**
 * The arrival declaration (F21): a traveller from abroad declares on a phone, in English, on arrival
 * (the page opened at /declare/arrival), gets the card, and the official of the ward of stay sees the
 * arrival on the dashboard: the day's figure and the list with where the traveller came from.
 */
import { describe, expect, it } from 'vitest';
import { answerTheRestNo, artifact, see } from './support/browser.js';
import { apiPost, E2E_ADMIN, logInOnPage, useSharedJourney } from './support/journey.js';

const journey = useSharedJourney();

describe('arrival declaration', () => {
  it('is declared in English on a phone and seen by the official of the ward of stay', async () => {
    const phone = await journey.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.addInitScript(() => localStorage.setItem('lang', 'en'));
    const page = await phone.newPage();
    await page.goto(`${journey.server.baseUrl}/declare/arrival`);
    await see(page, 'input[name=kind][value=arrival]:checked', 'arrival-kind');
    await page.fill('#fullName', 'Kim Min-jun');
    await page.fill('#phone', '0931 000 111');
    await page.fill('#idNumber', 'M12345678');
    await page.selectOption('#nationality', 'KR');
    await page.selectOption('#fromCountry', 'KR');
    expect(await page.textContent('#fromCountry option[value=KR]')).toBe('South Korea');
    await page.fill('#transport', 'VN 417');
    await page.fill('#stayAddress', 'Lotte Hotel, 54 Liễu Giai');
    await answerTheRestNo(page, 'No');
    await page.check('#pledge');
    // The ward of stay is not chosen yet: the browser holds the form back and points at it.
    await page.click('button[type=submit]');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe(
      'stay-province',
    );
    expect(page.url()).toMatch(/\/declare\/arrival$/);
    await page.selectOption('#stay-province', '01');
    await page.waitForSelector('#stay-district option[value="001"]', { state: 'attached' });
    await page.selectOption('#stay-district', '001');
    await page.waitForSelector('#stay-commune option[value="00001"]', { state: 'attached' });
    await page.selectOption('#stay-commune', '00001');
    await page.screenshot({ path: artifact('95-arrival-form-en.png'), fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/cards/);
    await see(page, '.person-card .qr-svg svg', 'arrival-card');
    expect(await page.textContent('.person-card')).toContain('Kim Min-jun');
    await phone.close();

    // The official of Hà Nội sees the arrival on the dashboard.
    const admin = (await apiPost(journey.server, '/api/auth/login', E2E_ADMIN)).cookie!;
    await apiPost(
      journey.server,
      '/api/users',
      { username: 'ubnd-ha-noi', password: 'ubnd-ha-noi-1', role: 'official', adminUnitCode: '01' },
      admin,
    );
    const office = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const official = await office.newPage();
    await logInOnPage(official, journey.server, 'ubnd-ha-noi', 'ubnd-ha-noi-1');
    await official.waitForURL(/\/dashboard/);
    await see(official, '#arrivals tbody tr', 'arrivals-list');
    const row = (await official.textContent('#arrivals tbody tr')) ?? '';
    expect(row).toContain('Kim Min-jun');
    expect(row).toContain('0931000111');
    expect(row).toContain('Hàn Quốc');
    expect(row).toContain('VN 417');
    expect(row).toContain('Lotte Hotel, 54 Liễu Giai, Phường Phúc Xá');
    const figure = official.locator('[data-testid=stat]', { hasText: 'Người đến có khai báo' });
    expect(await figure.locator('.n').textContent()).toBe('1');
    await official.locator('#arrivals').screenshot({ path: artifact('96-official-arrivals.png') });
    await office.close();
  });
});
