/**
 * The tracing team's journey: a citizen checks in on their phone, a confirmed case was there at the
 * same time; the tracer finds the case's visits and the contact with a stated purpose and notifies
 * them; the citizen's phone shows the notice on its history page; the official reads the audit.
 */
import { describe, expect, it } from 'vitest';
import { artifact, see, waitOrExplain } from './support/browser.js';
import { apiPost, E2E_ADMIN, logInOnPage, useSharedJourney } from './support/journey.js';

const journey = useSharedJourney();
const post = (path: string, body: unknown, cookie?: string) => apiPost(journey.server, path, body, cookie);

describe('contact tracing', () => {
  it('finds a contact, notifies them on their own phone, and leaves an audit entry', async () => {
    const admin = (await post('/api/auth/login', E2E_ADMIN)).cookie!;
    await post(
      '/api/users',
      { username: 'truyvet', password: 'truy-vet-12345', role: 'tracer', adminUnitCode: '01' },
      admin,
    );
    await post(
      '/api/users',
      { username: 'ubnd', password: 'ubnd-ha-noi-1', role: 'official', adminUnitCode: '01' },
      admin,
    );
    const venue = (
      await post('/api/venues', {
        name: 'Quán cà phê Giảng',
        category: 'restaurant',
        adminUnitCode: '00001',
        address: '39 Nguyễn Hữu Huân',
        contactName: 'Chủ quán',
        contactPhone: '0911222334',
        managerPassword: 'ca-phe-12345',
      })
    ).body as { id: number; code: string; checkInUrl: string };

    // The citizen checks in on their phone: the device keeps the check-out token.
    const phone = await journey.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const citizen = await phone.newPage();
    await citizen.goto(venue.checkInUrl);
    await citizen.fill('#fullName', 'Phạm Thu Hà');
    await citizen.fill('#phone', '0987 654 321');
    await citizen.click('button[type=submit]');
    await citizen.waitForSelector('#confirmation');
    // The confirmed case was there at the same time.
    await post('/api/check-ins', {
      venueCode: venue.code,
      clientId: crypto.randomUUID(),
      channel: 'qr_self',
      person: { fullName: 'Ca Bệnh Một', phone: '0900000001' },
    });
    // With his son, declared on the same phone (a family on one phone).
    await post('/api/check-ins', {
      venueCode: venue.code,
      clientId: crypto.randomUUID(),
      channel: 'on_behalf',
      person: { fullName: 'Con Ca Bệnh', phone: '0900000001' },
    });

    // The tracer's computer is set to New York's time: times typed and shown are still Vietnam's.
    const desk = await journey.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      timezoneId: 'America/New_York',
    });
    const page = await desk.newPage();
    await logInOnPage(page, journey.server, 'truyvet', 'truy-vet-12345');
    await page.waitForURL(/\/tracing/);
    await page.fill('#tr-value', '0900000001');
    // Without a purpose the form does not go (and the API would answer 400).
    await page.click('button[type=submit]');
    expect(await page.$eval('#tr-purpose', (el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(
      true,
    );
    await page.fill('#tr-purpose', 'Truy vết F0 số BN-0001 theo công văn của CDC');
    await page.check('text=Gửi thông báo cho F1');
    await page.click('button[type=submit]');
    // The phone is used by two people: the tracer picks the case; the son is then a contact.
    await page.waitForSelector('#tr-people >> text=Con Ca Bệnh');
    await page.screenshot({ path: artifact('39-tracing-which-person.png'), fullPage: true });
    await page.click('#tr-people button:has-text("Ca Bệnh Một")');
    await page.waitForSelector('#contacts >> text=Phạm Thu Hà');
    expect(await page.textContent('#contacts')).toContain('Con Ca Bệnh');
    expect(await page.textContent('#contacts')).toContain('0987654321');
    await page.waitForSelector('.tl-bar.case');
    await page.screenshot({ path: artifact('40-tracing-results.png'), fullPage: true });
    // The tracer saves the look-up as a case to hand over to the ward's team.
    await page.uncheck('text=Gửi thông báo cho F1');
    await page.fill('#tr-label', 'BN-0001 quán Giảng');
    await page.click('button[type=submit]');
    await page.waitForSelector('#case-saved >> text=BN-0001 quán Giảng');
    await page.waitForSelector('#saved-cases >> text=BN-0001 quán Giảng');

    // Who was at the café this morning: the tracer finds it by name, typed without accents.
    const panel = page.locator('section:has(h2:has-text("Danh sách có mặt tại địa điểm"))');
    await panel.locator('#venue-search').fill('ca phe giang');
    await panel.locator('.venue-results button:has-text("Quán cà phê Giảng")').click();
    await panel.locator('.chosen-venue:has-text("39 Nguyễn Hữu Huân")').waitFor();
    const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
    for (const [label, time] of [
      ['Từ lúc', '0:00'],
      ['Đến lúc', '23:59'],
    ] as const) {
      // The time typed before the day is kept when the day comes.
      const field = panel.locator(`label:has-text("${label}")`);
      await field.locator('.time-input').fill(time);
      await field.locator('.day-input input').first().fill(today);
    }
    await panel.locator('label:has-text("Mục đích") input').fill('Truy vết F0 số BN-0001 tại quán');
    await panel.locator('button:has-text("Xem danh sách")').click();
    await waitOrExplain(page, '.present-list >> text=Phạm Thu Hà', {
      timeout: 10_000,
      explainWith: 'section:has(h2:has-text("Danh sách có mặt tại địa điểm"))',
      screenshot: '40b-tracing-venue-failed.png',
    });
    await page.screenshot({ path: artifact('40b-tracing-venue-found-by-name.png'), fullPage: true });

    await citizen.goto(`${journey.server.baseUrl}/history`);
    await citizen.waitForSelector('.notice');
    expect(await citizen.textContent('.notice')).toContain('Quán cà phê Giảng');
    expect(await citizen.textContent('.notice')).toContain('Phạm Thu Hà');
    expect(await citizen.locator('.notice').count()).toBe(1);
    expect(await citizen.textContent('.notice')).toContain('Đường dây nóng: 1900 9095');
    // The stay is still open: the history checks the citizen out too.
    await citizen.click('table button:has-text("Ra về")');
    await citizen.waitForSelector('table button:has-text("Ra về")', { state: 'detached' });
    expect(await citizen.textContent('table tbody tr')).toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}.*\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    await citizen.screenshot({ path: artifact('41-history-notice-on-phone.png'), fullPage: true });
    // The next time the phone opens a venue's QR, the notice is on the check-in page too, above the form.
    await citizen.goto(venue.checkInUrl);
    await see(citizen, '#device-notices', 'check-in-page-notice');
    const onCheckIn = await citizen.textContent('#device-notices');
    expect(onCheckIn).toContain('Thông báo của cơ quan y tế');
    expect(onCheckIn).toContain('Quán cà phê Giảng');
    expect(onCheckIn).toContain('gọi đường dây nóng');
    expect(await citizen.getAttribute('#device-notices a[href^="tel:"]', 'href')).toBe('tel:19009095');
    await citizen.screenshot({ path: artifact('41b-check-in-page-notice.png'), fullPage: true });

    const official = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const audit = await official.newPage();
    await logInOnPage(audit, journey.server, 'ubnd', 'ubnd-ha-noi-1');
    await audit.waitForURL(/\/dashboard/);
    // The official reopens the saved case: the same contacts, nothing traced or sent again.
    await audit.goto(`${journey.server.baseUrl}/tracing`);
    await audit.click('#saved-cases a:has-text("BN-0001 quán Giảng")');
    await audit.waitForURL(/\/tracing\/cases\//);
    await audit.waitForSelector('#contacts >> text=Phạm Thu Hà');
    await audit.waitForSelector('#case-trail >> text=mở hồ sơ');
    expect(await audit.textContent('#case-trail')).toContain('truy vết và lưu hồ sơ');
    await audit.screenshot({ path: artifact('41c-saved-case-reopened.png'), fullPage: true });
    // The team is done: the official closes the case; it says so, and the trail too.
    await audit.click('#case-closing button:has-text("Đóng hồ sơ")');
    await audit.waitForSelector('#case-closing >> text=Đã đóng lúc');
    await audit.waitForSelector('#case-trail >> text=đóng hồ sơ');
    await audit.screenshot({ path: artifact('41d-saved-case-closed.png'), fullPage: true });
    await audit.goto(`${journey.server.baseUrl}/tracing`);
    await audit.waitForSelector('#saved-cases tr:has-text("BN-0001 quán Giảng") >> text=Đã đóng');
    await audit.goto(`${journey.server.baseUrl}/audit`);
    await audit.waitForSelector('text=Truy vết F0 số BN-0001 theo công văn của CDC');
    await audit.screenshot({ path: artifact('42-audit.png'), fullPage: true });
    await Promise.all([phone.close(), desk.close(), official.close()]);
  });
});
