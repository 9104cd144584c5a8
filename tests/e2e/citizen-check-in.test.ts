/**
 * The first whole journey: an owner registers a venue, downloads the poster PDF, the QR printed on it
 * (rendered with pdftoppm, decoded with jsQR) opens the check-in page on a phone, the citizen checks
 * in, and the manager sees the check-in on the venue page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TODAY_LIST_REFRESH_MS } from '../../src/shared/api/venues.js';
import { artifact } from './support/browser.js';
import { decodeQrFromPng, renderPdfPage } from './support/qr-from-pdf.js';
import { useSharedJourney } from './support/journey.js';

const journey = useSharedJourney();

/**
 * The manager's page asks for today's list every TODAY_LIST_REFRESH_MS: its clock (installed by
 * Playwright, time flowing) is moved on by one interval, so the next refresh happens now instead of
 * within the next 5 s, and the page is then waited for until it shows `shown`.
 */
async function nextRefreshShows(page: Page, shown: () => boolean | undefined) {
  await page.clock.fastForward(TODAY_LIST_REFRESH_MS);
  await page.waitForFunction(shown, null, { timeout: 15_000 });
}

describe('citizen check-in journey', () => {
  it('registers a venue, prints its poster, and a phone checks in from the decoded QR', async () => {
    // 1. The owner registers the venue in Vietnamese.
    const owner = await journey.browser.newContext({
      viewport: { width: 1200, height: 900 },
      acceptDownloads: true,
    });
    await owner.clock.install();
    const page = await owner.newPage();
    await page.goto(`${journey.server.baseUrl}/register`);
    await page.fill('#name', 'Chợ Bến Thành – Cổng Nam');
    await page.selectOption('#category', 'market');
    await page.selectOption('#province', '79');
    await page.waitForSelector('#district option[value="760"]', { state: 'attached' });
    await page.selectOption('#district', '760');
    await page.waitForSelector('#commune option[value="26743"]', { state: 'attached' });
    await page.selectOption('#commune', '26743');
    await page.fill('#address', 'Đường Lê Lợi');
    await page.fill('#contactName', 'Nguyễn Thị Hoa');
    await page.fill('#contactPhone', '0908123456');
    await page.fill('#capacity', '300');
    await page.fill('#password', 'matkhau-an-toan');
    await page.fill('#password2', 'matkhau-an-toan');
    await page.screenshot({ path: artifact('01-register-form.png'), fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/venues\/\d+/);
    await page.waitForSelector('text=Chợ Bến Thành – Cổng Nam');
    await page.waitForSelector('img.qr');
    await page.screenshot({ path: artifact('02-venue-page.png'), fullPage: true });

    // 2. Download the printable poster and read the QR the way a phone camera would.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Tải áp phích PDF (A4)'),
    ]);
    const pdfPath = artifact('03-poster.pdf');
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const pngPath = renderPdfPage(pdfPath, artifact('03-poster'));
    const url = decodeQrFromPng(pngPath);
    expect(url).toMatch(new RegExp(`^${journey.server.baseUrl}/c/[0-9A-Z]{23}$`));

    // 3. A phone opens the decoded URL and checks in with one tap.
    const phone = await journey.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(url!);
    await mobile.waitForSelector('text=Chợ Bến Thành – Cổng Nam');
    await mobile.screenshot({ path: artifact('04-phone-check-in-form.png'), fullPage: true });
    await mobile.fill('#fullName', 'Lê Văn Minh');
    await mobile.fill('#phone', '0912 345 678');
    await mobile.click('button[type=submit]');
    await mobile.waitForSelector('#confirmation');
    expect(await mobile.textContent('#confirmation')).toContain('Đã ghi nhận vào');
    expect(await mobile.textContent('#confirmation')).toContain('Lê Văn Minh');
    await mobile.screenshot({ path: artifact('05-phone-confirmation.png'), fullPage: true });

    // 4. The manager's page shows the check-in live.
    await nextRefreshShows(page, () =>
      document.querySelector('#today')?.textContent?.includes('Lê Văn Minh'),
    );
    expect(await page.textContent('#total-today')).toContain('1');
    expect(await page.textContent('#inside-now')).toContain('1');
    await page.screenshot({ path: artifact('06-manager-sees-check-in.png'), fullPage: true });

    // 5. Reopening the venue page on the phone shows the open stay; check out from it.
    await mobile.reload();
    await mobile.waitForSelector('#confirmation');
    expect(await mobile.textContent('#confirmation')).toContain('Lê Văn Minh');
    await mobile.click('text=Ra về');
    await mobile.waitForSelector('text=Đã ghi nhận ra về lúc');
    await mobile.screenshot({ path: artifact('07-phone-checked-out.png'), fullPage: true });
    await nextRefreshShows(page, () =>
      document.querySelector('#inside-now .n')?.textContent?.startsWith('0'),
    );

    // 6. The device remembers the person: the next check-in is one tap, no typing.
    await mobile.goto(url!);
    await mobile.waitForSelector('text=Lê Văn Minh');
    expect(await mobile.locator('#fullName').count()).toBe(0);
    await mobile.click('button[type=submit]');
    await mobile.waitForSelector('#confirmation');
    await nextRefreshShows(page, () => document.querySelector('#total-today .n')?.textContent === '2');
    await owner.close();
    await phone.close();
  });

  it('shows a clear message for a forged or mistyped QR code', async () => {
    const phone = await journey.browser.newContext({ viewport: { width: 360, height: 740 } });
    const mobile = await phone.newPage();
    const res = await mobile.goto(`${journey.server.baseUrl}/c/AAAAAAAAAA1BBBBBBBBBBBB`);
    expect(res?.status()).toBe(404);
    await mobile.waitForSelector('text=Mã QR không hợp lệ');
    writeFileSync(artifact('08-forged-code.png'), await mobile.screenshot());
    await phone.close();
  });
});

describe('languages', () => {
  it('switches the check-in page and the web app to English and remembers the choice', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const res = await fetch(`${journey.server.baseUrl}/api/venues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Trường THCS Nguyễn Du',
        category: 'school',
        adminUnitCode: '00001',
        address: '1 Phúc Xá',
        contactName: 'Thầy Hùng',
        contactPhone: '0911222333',
        managerPassword: 'truong-hoc-123',
      }),
    });
    const { checkInUrl } = (await res.json()) as { checkInUrl: string };
    await page.goto(checkInUrl);
    await page.waitForSelector('button:has-text("Ghi nhận vào")');
    await page.click('button:has-text("English")');
    await page.waitForSelector('button:has-text("Check in")');
    expect(await page.textContent('body')).toContain('deleted automatically after 21 days');
    await page.screenshot({ path: artifact('09-check-in-page-english.png') });
    await page.goto(`${journey.server.baseUrl}/register`);
    await page.waitForSelector('h1:has-text("Register a venue")');
    await context.close();
  });
});
