/**
 * Declaration → personal card on a phone; the scanner station reading that card through a (fake)
 * camera with a real QR decoder; and the offline outbox: 20 keyboard-wedge scans while offline,
 * a reload without network, then exactly 20 check-ins on the server once back online.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerTheRestNo, artifact, launchChromium, waitOrExplain } from './support/browser.js';
import { useSharedJourney } from './support/journey.js';
import { renderPdfPage } from './support/qr-from-pdf.js';
import { writeQrVideo } from './support/y4m.js';
import { tempDirs } from '../support/temp-dirs.js';
import { localDate, startOfLocalDay } from '../../src/server/domain/local-day.js';

/** The fake camera's videos (9 MB each), removed after this file's journeys. */
const cameraDir = tempDirs('cam');

const journey = useSharedJourney();

async function registerVenue(name: string, phone: string) {
  const res = await fetch(`${journey.server.baseUrl}/api/venues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      category: 'office',
      adminUnitCode: '00001',
      address: '1 Phúc Xá',
      contactName: 'Bảo vệ',
      contactPhone: phone,
      managerPassword: 'bao-ve-12345',
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; code: string };
}

async function managerContext(b: Browser, phone: string, options = {}): Promise<BrowserContext> {
  const context = await b.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const login = await context.request.post(`${journey.server.baseUrl}/api/auth/login`, {
    data: { username: phone, password: 'bao-ve-12345' },
  });
  expect(login.status()).toBe(200);
  return context;
}

async function today(context: BrowserContext, venueId: number) {
  const res = await context.request.get(`${journey.server.baseUrl}/api/venues/${venueId}/today`);
  return (await res.json()) as {
    total: number;
    byChannel: Record<string, number>;
    items: { checkedInAt: string }[];
  };
}

let cardQr: string;
let cardNumber: string;

/** Chooses Phường Phúc Xá (Ba Đình, Hà Nội) as where the person lives: the form asks for it. */
async function chooseHomeWard(page: Page) {
  await page.selectOption('#province', '01');
  await page.waitForSelector('#district option[value="001"]', { state: 'attached' });
  await page.selectOption('#district', '001');
  await page.waitForSelector('#commune option[value="00001"]', { state: 'attached' });
  await page.selectOption('#commune', '00001');
}

describe('health declaration on a phone', () => {
  it('produces a personal QR card with the status colour', async () => {
    const phone = await journey.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(`${journey.server.baseUrl}/declare`);
    await page.fill('#fullName', 'Đặng Thuỳ Trâm');
    await page.fill('#phone', '0987 111 222');
    await page.fill('#idNumber', '001190000123');
    await page.fill('#birthYear', '1990');
    await page.selectOption('#sex', 'female');
    await chooseHomeWard(page);
    await page.check('#visited input[value="01"]');
    await page.click('#sym_cough button:has-text("Có")');
    await page.check('#pledge');
    // Nothing is answered for the citizen: sent with one answer, the form names the eight left.
    await page.click('button[type=submit]');
    await page.waitForSelector('#unanswered:has-text("Còn 8 câu hỏi chưa trả lời")');
    expect(await page.locator('.yesno.missing').count()).toBe(8);
    await page.screenshot({ path: artifact('09-declaration-unanswered.png'), fullPage: true });
    await answerTheRestNo(page);
    await page.screenshot({ path: artifact('10-declaration-form.png'), fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/cards/);
    await page.waitForSelector('.person-card .qr-svg svg');
    expect(await page.textContent('.person-card')).toContain('Đặng Thuỳ Trâm');
    expect(await page.getAttribute('.person-card', 'class')).toContain('colour-yellow');
    await page.screenshot({ path: artifact('11-card-on-phone.png'), fullPage: true });
    const people = await page.evaluate(() => JSON.parse(localStorage.getItem('people') ?? '[]'));
    cardQr = people[0].card.qr;
    cardNumber = people[0].card.number;
    expect(cardQr).toMatch(/\/card\/[0-9A-Z]{23}$/);
    expect(cardQr).not.toContain('0987111222');
    await phone.close();
  });
});

/**
 * A scanner station whose camera films `qrText` (Chromium's fake camera plays a video of the QR),
 * logged in as the manager of the venue registered with `phone`, its scanner page open and the camera
 * started; `use` runs on it, then the browser closes.
 */
async function withCameraOn(
  qrText: string,
  venue: { id: number },
  phone: string,
  use: (page: Page, context: BrowserContext) => Promise<void>,
) {
  const video = join(cameraDir(), 'camera.y4m');
  writeQrVideo(video, qrText);
  const cameraBrowser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    const context = await managerContext(cameraBrowser, phone, { permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(`${journey.server.baseUrl}/venues/${venue.id}/scanner`);
    await page.click('button:has-text("Bật camera")');
    await use(page, context);
    await context.close();
  } finally {
    await cameraBrowser.close();
  }
}

describe('scanner station', () => {
  it('reads the card through the camera and records a qr_staff check-in', async () => {
    const venue = await registerVenue('UBND phường Phúc Xá', '0241000001');
    await withCameraOn(cardQr, venue, '0241000001', async (page, context) => {
      await waitOrExplain(page, '#result[data-colour="yellow"]', {
        timeout: 20_000,
        explainWith: '#result, .error',
        screenshot: '12-scanner-camera-failed.png',
      });
      expect(await page.textContent('#result')).toContain('Đặng Thuỳ Trâm');
      expect(await page.textContent('#result')).toContain('Tờ khai có dấu hiệu cần theo dõi');
      await page.screenshot({ path: artifact('12-scanner-camera-result.png'), fullPage: true });
      // The camera keeps seeing the same card: it is counted once.
      await page.waitForTimeout(1500);
      expect((await today(context, venue.id)).byChannel).toEqual({ qr_staff: 1 });
    });
  });

  it('finds the card from the number printed on it, typed by hand at the door', async () => {
    const venue = await registerVenue('Nhà văn hóa phường Phúc Xá', '0241000010');
    const context = await managerContext(journey.browser, '0241000010');
    const page = await context.newPage();
    await page.goto(`${journey.server.baseUrl}/venues/${venue.id}/scanner`);
    // Read out over the counter: lower case, as people say it.
    await page.fill('#wedge', cardNumber.toLowerCase());
    await page.press('#wedge', 'Enter');
    await waitOrExplain(page, '#result[data-colour="yellow"]', {
      timeout: 10_000,
      explainWith: '#result, .error',
      screenshot: '12b-scanner-typed-number-failed.png',
    });
    expect(await page.textContent('#result')).toContain('Đặng Thuỳ Trâm');
    await page.screenshot({ path: artifact('12b-scanner-typed-number.png'), fullPage: true });
    expect((await today(context, venue.id)).byChannel).toEqual({ qr_staff: 1 });
    await context.close();
  });

  it('reads a chip ID card through the camera (grey, nothing issued) and refuses a damaged one', async () => {
    const venue = await registerVenue('Chợ Long Biên', '0241000009');
    const chip = '001085001234|012345678|Trương Văn Chín|02031985|Nam|12 Phúc Xá, Ba Đình, Hà Nội|11062021';
    await withCameraOn(chip, venue, '0241000009', async (page, context) => {
      await waitOrExplain(page, '#result[data-colour="grey"]', {
        timeout: 20_000,
        explainWith: '#result, .error',
        screenshot: '14-scanner-chip-card-failed.png',
      });
      expect(await page.textContent('#result')).toContain('Trương Văn Chín');
      expect(await page.textContent('#result')).toContain('chưa có tờ khai');
      await page.screenshot({ path: artifact('14-scanner-chip-card.png'), fullPage: true });
      // A damaged chip card typed by the USB scanner: a clear red message, nothing recorded.
      await page.reload();
      const before = (await today(context, venue.id)).total;
      expect(before).toBeGreaterThanOrEqual(1);
      await page.fill('#wedge', '001085001234|012345678|Trương Văn Chín|31021985');
      await page.press('#wedge', 'Enter');
      await page.waitForSelector('#result[data-code="cccd_invalid"]');
      expect(await page.textContent('#result')).toContain('thẻ căn cước công dân gắn chip');
      await page.screenshot({ path: artifact('15-scanner-chip-card-damaged.png'), fullPage: true });
      expect((await today(context, venue.id)).total).toBe(before);
    });
  });

  it('keeps 20 wedge scans made offline through a reload and syncs exactly 20 when back online', async () => {
    const venue = await registerVenue('Bến xe Mỹ Đình', '0241000002');
    const context = await managerContext(journey.browser, '0241000002');
    const page = await context.newPage();
    await page.goto(`${journey.server.baseUrl}/venues/${venue.id}/scanner`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    await page.waitForFunction(
      async () => Boolean(await (await caches.open('app-shell-v1')).match(location.pathname)),
      null,
      { timeout: 15_000 },
    );
    await page.waitForSelector('#result');

    await context.setOffline(true);
    for (let i = 0; i < 20; i++) {
      await page.fill('#wedge', cardQr);
      await page.press('#wedge', 'Enter');
      await page.waitForFunction(
        (n) => document.querySelector('#pending-count')?.textContent === String(n),
        i + 1,
      );
    }
    await page.screenshot({ path: artifact('13-scanner-offline-20-pending.png'), fullPage: true });

    await page.reload();
    await page.waitForFunction(() => document.querySelector('#pending-count')?.textContent === '20', null, {
      timeout: 15_000,
    });
    expect(await page.textContent('body')).toContain('Mất mạng');
    await page.screenshot({ path: artifact('14-scanner-reloaded-offline.png'), fullPage: true });

    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('#pending-count')?.textContent === '0', null, {
      timeout: 30_000,
    });
    const counts = await today(context, venue.id);
    expect(counts.total).toBe(20);
    expect(counts.byChannel).toEqual({ qr_staff: 20 });
    // Staff see what became of the scans made offline: the last ones, each with its colour and name.
    await page.waitForFunction(() => document.querySelectorAll('#recent-scans li[data-colour]').length === 8);
    await page.screenshot({ path: artifact('15-scanner-synced.png'), fullPage: true });
    await context.close();
  });

  it('saves a paper declaration only with every answer copied from the paper', async () => {
    const venue = await registerVenue('Nhà thuốc Long Châu', '0241000019');
    // The desk's computer is set to New York's time: the paper's time is still read as Vietnam's.
    const context = await managerContext(journey.browser, '0241000019', { timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${journey.server.baseUrl}/venues/${venue.id}/scanner`);
    const paperTime = page.locator('.day-time:has(#paper-at) .time-input');
    const vietnamClock = (at: number) =>
      new Date(at).toLocaleTimeString('en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        hour: '2-digit',
        minute: '2-digit',
      });
    expect([vietnamClock(Date.now() - 60_000), vietnamClock(Date.now())]).toContain(
      await paperTime.inputValue(),
    );
    // The paper says a time 30 minutes ago, or Vietnam's midnight if today began since.
    const midnight = startOfLocalDay(localDate(new Date(), 'Asia/Ho_Chi_Minh'), 'Asia/Ho_Chi_Minh');
    const copiedAt = Math.max(Date.now() - 30 * 60_000, midnight.getTime());
    await paperTime.fill(vietnamClock(copiedAt));
    await page.fill('#paper-name', 'Phạm Văn Giấy');
    await page.fill('#paper-phone', '0977000111');
    await page.check('text=Có tờ khai y tế giấy');
    await page.click('#paper-fever button:has-text("Có")');
    await page.click('button:has-text("Lưu khai báo giấy")');
    // Nothing is assumed for the questions left blank: the form asks for them and saves nothing.
    await page.waitForSelector('#paper-unanswered:has-text("Còn 8 câu hỏi chưa trả lời")');
    expect(await page.locator('form .yesno.missing').count()).toBe(8);
    expect((await today(context, venue.id)).total).toBe(0);
    await answerTheRestNo(page, 'Không', 'form');
    await page.click('button:has-text("Lưu khai báo giấy")');
    await expect.poll(async () => (await today(context, venue.id)).byChannel).toEqual({ paper: 1 });
    const saved = Date.parse((await today(context, venue.id)).items[0]!.checkedInAt);
    expect(Math.abs(saved - copiedAt)).toBeLessThan(90_000);
    await context.close();
  });

  it('checks in a whole family with one tap from the venue QR page', async () => {
    const venue = await registerVenue('Siêu thị Big C', '0241000003');
    const phone = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${journey.server.baseUrl}/declare`);
    for (const [who, name] of [
      ['me', 'Bố Nguyễn Văn Long'],
      ['__new__', 'Con Nguyễn Bảo Ngọc'],
    ] as const) {
      await page.goto(`${journey.server.baseUrl}/declare`);
      if (who === '__new__') await page.selectOption('#who', '__new__');
      await page.fill('#fullName', name);
      await page.fill('#phone', '0905333444');
      await chooseHomeWard(page);
      await answerTheRestNo(page);
      await page.check('#pledge');
      await page.click('button[type=submit]');
      await page.waitForURL(/\/cards/);
    }
    await page.waitForFunction(() => document.querySelectorAll('.person-card').length === 2);
    // Both cards print on one A4 sheet at ID-card size, to cut out and fold.
    const [printed] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("In cả 2 thẻ trên một tờ A4")'),
    ]);
    const sheet = artifact('16-family-cards.pdf');
    await printed.saveAs(sheet);
    const sheetText = execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8' });
    expect(sheetText).toContain('Bố Nguyễn Văn Long');
    expect(sheetText).toContain('Con Nguyễn Bảo Ngọc');
    renderPdfPage(sheet, artifact('16-family-cards'), 60);
    await page.goto(`${journey.server.baseUrl}/c/${venue.code}`);
    await page.waitForSelector('text=Con Nguyễn Bảo Ngọc');
    await page.screenshot({ path: artifact('16-family-check-in.png'), fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForSelector('#confirmation');
    expect(await page.textContent('#confirmation')).toContain('Bố Nguyễn Văn Long');
    expect(await page.textContent('#confirmation')).toContain('Con Nguyễn Bảo Ngọc');
    const manager = await managerContext(journey.browser, '0241000003');
    expect((await today(manager, venue.id)).byChannel).toEqual({ qr_self: 1, on_behalf: 1 });
    await manager.close();
    await phone.close();
  });
});
