/**
 * Day-one accounts in the browser (issue 14): an official resets a tracer's password and the tracer
 * must choose a new one before anything else; a venue manager adds an entrance and creates a staff
 * account, and the staff member logs in to the scanner.
 */
import { describe, expect, it } from 'vitest';
import { artifact } from './support/browser.js';
import { apiPost, E2E_ADMIN, logInOnPage, useSharedJourney } from './support/journey.js';

const journey = useSharedJourney();
const post = (path: string, body: unknown, cookie?: string) => apiPost(journey.server, path, body, cookie);

describe('accounts', () => {
  it('an official resets a tracer’s password; the tracer must change it at the next login', async () => {
    const admin = (await post('/api/auth/login', E2E_ADMIN)).cookie!;
    await post(
      '/api/users',
      { username: 'ubnd-hanoi', password: 'ubnd-ha-noi-1', role: 'official', adminUnitCode: '01' },
      admin,
    );
    await post(
      '/api/users',
      { username: 'truyvet-badinh', password: 'truy-vet-ba-dinh', role: 'tracer', adminUnitCode: '001' },
      admin,
    );

    const office = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    await logInOnPage(page, journey.server, 'ubnd-hanoi', 'ubnd-ha-noi-1');
    await page.waitForURL(/\/dashboard/);
    await page.click('a:has-text("Tài khoản")');
    const row = page.locator('tr', { hasText: 'truyvet-badinh' });
    await row.waitFor();
    await row.locator('button:has-text("Cấp mật khẩu tạm")').click();
    const notice = page.locator('[data-testid=account-notice]');
    await notice.waitFor();
    const temporary = /: ([a-z2-9]{12}) —/.exec((await notice.textContent()) ?? '')?.[1];
    expect(temporary).toBeTruthy();
    await page.screenshot({ path: artifact('70-accounts-temporary-password.png'), fullPage: true });

    const tracerContext = await journey.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const tracer = await tracerContext.newPage();
    await logInOnPage(tracer, journey.server, 'truyvet-badinh', temporary!);
    await tracer.waitForSelector('text=mật khẩu tạm');
    await tracer.goto(`${journey.server.baseUrl}/tracing`);
    await tracer.waitForSelector('h1:has-text("Đổi mật khẩu")'); // nothing else opens
    await tracer.screenshot({ path: artifact('71-tracer-must-change-password.png'), fullPage: true });
    await tracer.fill('#currentPassword', temporary!);
    await tracer.fill('#newPassword', 'mat-khau-rieng-1');
    await tracer.fill('#repeat', 'mat-khau-rieng-1');
    await tracer.click('button[type=submit]');
    // Changed: the page asked for opens.
    await tracer.waitForSelector('h1:has-text("Truy vết")');
    await tracer.screenshot({ path: artifact('72-tracer-after-change.png'), fullPage: true });

    // The tracer is sent to Hoàn Kiếm: the official moves the account from the list.
    await row.locator('button:has-text("Đổi đơn vị")').click();
    await page.selectOption('#move-province', '01');
    await page.waitForSelector('#move-district option[value="002"]', { state: 'attached' });
    await page.selectOption('#move-district', '002');
    await page.screenshot({ path: artifact('75-official-moves-tracer.png'), fullPage: true });
    await page.click('dialog button:has-text("Lưu thay đổi")');
    await page.waitForSelector(
      '[data-testid=account-notice]:has-text("Đã chuyển tài khoản: truyvet-badinh")',
    );
    // The list is read again after the move: the row follows once that answer is in.
    await row.filter({ hasText: 'Hoàn Kiếm' }).waitFor({ timeout: 10_000 });
    await Promise.all([office.close(), tracerContext.close()]);
  });

  it('a venue manager adds an entrance and a staff account; the staff member opens the scanner', async () => {
    const venue = (
      await post('/api/venues', {
        name: 'Quán bún chả Giảng',
        category: 'restaurant',
        adminUnitCode: '00001',
        address: '39 Nguyễn Hữu Huân',
        contactName: 'Nguyễn Văn Giảng',
        contactPhone: '0904111222',
        managerPassword: 'quan-ly-cafe-1',
      })
    ).body as { id: number };
    const context = await journey.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await logInOnPage(page, journey.server, '0904111222', 'quan-ly-cafe-1');
    await page.waitForURL(/\/venues/);
    // A second entrance with its own QR and poster.
    await page.goto(`${journey.server.baseUrl}/venues/${venue.id}`);
    await page.fill('#entrances input:not([aria-label])', 'Cổng sau');
    await page.click('#entrances button:has-text("Thêm và tạo mã QR")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=entrance]').length === 2);
    await page.screenshot({ path: artifact('74-venue-two-entrances.png'), fullPage: true });
    await page.click('a:has-text("Tài khoản")');
    await page.fill('#acc-username', 'nhanvien-cafe');
    await page.fill('#acc-password', 'nhan-vien-cafe-1');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Đã tạo tài khoản: nhanvien-cafe');
    await page.locator('tr', { hasText: 'nhanvien-cafe' }).waitFor();
    await page.screenshot({ path: artifact('73-manager-creates-staff.png'), fullPage: true });

    const staffContext = await journey.browser.newContext({ viewport: { width: 800, height: 900 } });
    const staff = await staffContext.newPage();
    await logInOnPage(staff, journey.server, 'nhanvien-cafe', 'nhan-vien-cafe-1');
    await staff.waitForURL(/\/venues/);
    await staff.goto(`${journey.server.baseUrl}/venues/${venue.id}/scanner`);
    await staff.waitForSelector('text=Quán bún chả Giảng');
    await Promise.all([context.close(), staffContext.close()]);
  });
});
