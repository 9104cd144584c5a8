/**
 * An official's day: log in, read the province dashboard, drill down province → district → commune →
 * venue → its in/out list, and take the chairman's report as PDF (rendered with pdftoppm, kept as a
 * PNG artifact) and as XLSX (opened again to prove formulas are inert). The national admin's country
 * view says when today's figures were totalled.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact } from './support/browser.js';
import { ADMIN_ENV, apiPost, E2E_ADMIN, logInOnPage, useJourney } from './support/journey.js';
import { renderPdfPage } from './support/qr-from-pdf.js';

// The country view from the roll-ups however few check-ins (by default so few are counted live).
const journey = useJourney({ ...ADMIN_ENV, COUNTRY_LIVE_VENUE_DAYS: '0' });
const post = (path: string, body: unknown, cookie?: string) => apiPost(journey.server, path, body, cookie);

async function seed() {
  const admin = (await post('/api/auth/login', E2E_ADMIN)).cookie!;
  await post(
    '/api/users',
    { username: 'ubnd-hanoi', password: 'ubnd-ha-noi-1', role: 'official', adminUnitCode: '01' },
    admin,
  );
  const venue = (name: string, adminUnitCode: string, contactPhone: string) =>
    post('/api/venues', {
      name,
      category: 'office',
      adminUnitCode,
      address: '1 Phố Quán Thánh',
      contactName: 'Văn thư',
      contactPhone,
      managerPassword: 'van-thu-12345',
    });
  const office = (await venue('Văn phòng UBND phường Phúc Xá', '00001', '0911000001')).body;
  await venue('Trường Tiểu học Hoàn Kiếm', '00037', '0911000002');
  const people = [
    ['Nguyễn Văn An', '0912000001'],
    ['Trần Thị Bình', '0912000002'],
    ['=HYPERLINK("http://evil.example","x")', '0912000003'],
  ];
  for (const [fullName, phone] of people) {
    await post('/api/check-ins', {
      venueCode: office.code,
      clientId: crypto.randomUUID(),
      channel: 'qr_self',
      person: { fullName, phone },
    });
  }
  return office as { id: number; code: string };
}

async function download(page: Page, buttonText: string, file: string) {
  await page.click(`button:has-text("${buttonText}")`);
  const link = page.locator('a.download');
  await link.first().waitFor({ timeout: 20_000 });
  const [dl] = await Promise.all([page.waitForEvent('download'), link.first().click()]);
  await dl.saveAs(artifact(file));
  return artifact(file);
}

describe('official dashboard', () => {
  it('drills from the province to a venue and downloads the PDF and XLSX reports', async () => {
    const office = await seed();
    const context = await journey.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await logInOnPage(page, journey.server, 'ubnd-hanoi', 'ubnd-ha-noi-1');
    await page.waitForURL(/\/dashboard/);
    await page.waitForSelector('text=Quận Ba Đình');
    const tiles = await page.locator('[data-testid=stat]').allTextContents();
    expect(tiles.join(' | ')).toContain('Địa điểm đăng ký mã QR2');
    expect(tiles.join(' | ')).toContain('Lượt quét/ghi nhận3');
    await page.waitForSelector('.recharts-surface');
    // Opened straight from a bookmark (the whole page loaded again), it waits for the account: the
    // province again, not the whole country (404 for an official) asked before the account is known.
    await page.goto(`${journey.server.baseUrl}/dashboard`);
    await page.waitForSelector('text=Quận Ba Đình');
    expect(await page.locator('.error').count()).toBe(0);
    // The range's preset shows as chosen; another preset moves the mark.
    expect(await page.locator('button[aria-pressed=true]').allTextContents()).toEqual(['7 ngày']);
    await page.click('button:has-text("Hôm nay")');
    expect(await page.locator('button[aria-pressed=true]').allTextContents()).toEqual(['Hôm nay']);
    await page.click('button:has-text("7 ngày")');
    // Days are written dd/mm/yyyy whatever the browser's language (this Chromium runs in English),
    // and a day typed that way moves the range.
    const fromField = page.locator('label:has-text("Từ ngày") input').first();
    const toField = page.locator('label:has-text("Đến ngày") input').first();
    const to = await toField.inputValue();
    expect(to).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await fromField.fill(to);
    const [d, m, y] = to.split('/');
    await page.waitForURL(new RegExp(`from=${y}-${m}-${d}&to=${y}-${m}-${d}`));
    expect(await page.locator('button[aria-pressed=true]').allTextContents()).toEqual(['Hôm nay']);
    // A "from" after today is refused at the field, which says up to which day it may go.
    await fromField.fill('31/12/2099');
    expect(await fromField.getAttribute('aria-invalid')).toBe('true');
    expect(await fromField.getAttribute('title')).toBe(`Chọn một ngày không sau ${to}.`);
    expect(page.url()).toContain(`from=${y}-${m}-${d}`);
    await page.click('button:has-text("7 ngày")');
    await page.screenshot({
      path: artifact('30b-dashboard-range-presets.png'),
      clip: { x: 0, y: 0, width: 1280, height: 300 },
    });
    await page.screenshot({ path: artifact('30-dashboard-province.png'), fullPage: true });

    await page.click('button.link:has-text("Quận Ba Đình")');
    await page.waitForSelector('button.link:has-text("Phường Phúc Xá")');
    await page.click('button.link:has-text("Phường Phúc Xá")');
    await page.waitForSelector('.crumbs >> text=Phường Phúc Xá');
    await page.screenshot({ path: artifact('31-dashboard-commune.png'), fullPage: true });

    await page.click('text=Văn phòng UBND phường Phúc Xá');
    await page.waitForURL(new RegExp(`/venues/${office.id}$`));
    await page.waitForSelector('#today >> text=Nguyễn Văn An');
    await page.screenshot({ path: artifact('32-venue-in-out-list.png'), fullPage: true });

    await page.goBack();
    await page.waitForSelector('text=Báo cáo PDF');
    // The chairman's office numbers the letter and names the signer before printing it.
    await page.fill('#report-number', '125/BC-UBND');
    await page.fill('#report-signer', 'Trần Sỹ Thanh');
    const pdf = await download(page, 'Báo cáo PDF', '33-report.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = renderPdfPage(pdf, artifact('33-report-page1'), 80);
    expect(readFileSync(png).length).toBeGreaterThan(10_000);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 125/BC-UBND');
    expect(text).toContain('Trần Sỹ Thanh');
    expect(text).toContain('PHỤ LỤC I');
    expect(text).toMatch(/Văn phòng UBND phường Phúc Xá\s+3\s+3\s+0/);

    await page.reload();
    await page.waitForSelector('text=Báo cáo Excel');
    const xlsx = await download(page, 'Báo cáo Excel', '34-report.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([1, 'Văn phòng UBND phường Phúc Xá', 3, 3, 0]);
    await context.close();
  });

  it("shows the national admin when the country's figures of today were totalled", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await logInOnPage(page, journey.server, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.waitForURL(/\/dashboard/);
    await page.waitForSelector('text=Thành phố Hà Nội');
    // The server's start ran the roll-up job: today's national figures are its snapshot, and say so.
    const note = await page.locator('#today-counted-at').textContent();
    expect(note).toMatch(/^Số liệu hôm nay của cả nước được tổng hợp lúc \d\d:\d\d \(10 phút một lần\)/);
    await page.screenshot({ path: artifact('35-dashboard-country.png'), fullPage: true });
    await context.close();
  });
});
