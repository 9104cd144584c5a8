/**
 * Kiosk mode on a tablet (issue 11): the manager turns the device into a kiosk with an exit PIN; the
 * device then shows nothing but the scanner, whatever address is typed, records card scans with its
 * own token, holds no session that could read the visitor list, says so when the manager revokes it,
 * and leaves kiosk mode only with the PIN.
 */
import { describe, expect, it } from 'vitest';
import { artifact } from './support/browser.js';
import { apiPost, useSharedJourney } from './support/journey.js';
import { declarationBody } from '../support/app.js';

const journey = useSharedJourney();

describe('a tablet at the gate in kiosk mode', () => {
  it('scans, shows no navigation, reads nothing, and leaves only with the PIN', async () => {
    const base = journey.server.baseUrl;
    const phone = '0913555777';
    const venue = await apiPost(journey.server, '/api/venues', {
      name: 'Chợ Đồng Xuân',
      category: 'market',
      adminUnitCode: '00001',
      address: 'Phố Đồng Xuân',
      contactName: 'Ban quản lý chợ',
      contactPhone: phone,
      managerPassword: 'cho-dong-xuan-1',
    });
    const venueId = Number(venue.body.id);
    const card = await apiPost(
      journey.server,
      '/api/declarations',
      declarationBody({ person: { fullName: 'Phan Văn Mười', phone: '0977000111' } }),
    );

    const tablet = await journey.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await tablet.newPage();
    await page.goto(`${base}/login`);
    await page.fill('#username', phone);
    await page.fill('#password', 'cho-dong-xuan-1');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/venues/);
    await page.goto(`${base}/venues/${venueId}`);
    await page.waitForSelector('#kiosks');
    // The button says why it is disabled until a PIN of 4 digits is chosen.
    expect(await page.isDisabled('#kiosks button[type=submit]')).toBe(true);
    await page.fill('#kiosk-pin', '2468');
    await page.screenshot({ path: artifact('50-kiosk-enrol.png'), fullPage: true });
    await page.click('#kiosks button[type=submit]');
    await page.waitForSelector('#wedge');

    // Only the scanner: no site header or links, on any address.
    for (const path of ['/', `/venues/${venueId}`, '/dashboard']) {
      await page.goto(`${base}${path}`);
      await page.waitForSelector('#wedge');
      expect(await page.locator('header.bar').count()).toBe(0);
      expect(await page.textContent('h1')).toContain('Chợ Đồng Xuân');
    }
    // The device holds no session: the visitor list is closed to it.
    const list = await page.evaluate(async (id) => (await fetch(`/api/venues/${id}/today`)).status, venueId);
    expect(list).toBe(401);

    const qr = String((card.body.card as { qr: string }).qr);
    await page.fill('#wedge', qr);
    await page.press('#wedge', 'Enter');
    await page.waitForSelector('#result:not(.idle)');
    expect(await page.textContent('#result')).toContain('Phan Văn Mười');
    // The tablet's screen holds it all, without scrolling: the venue's title, the result, the camera.
    for (const part of ['h1', '#result', 'video.camera']) {
      const box = (await page.locator(part).boundingBox())!;
      expect(box.y, part).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, part).toBeLessThanOrEqual(768);
    }
    await page.screenshot({ path: artifact('51-kiosk-scan.png') });

    const manager = await apiPost(journey.server, '/api/auth/login', {
      username: phone,
      password: 'cho-dong-xuan-1',
    });
    const today = await fetch(`${base}/api/venues/${venueId}/today`, {
      headers: { cookie: manager.cookie! },
    });
    const recorded = (await today.json()) as { byChannel: Record<string, number> };
    expect(recorded.byChannel.kiosk).toBe(1);

    // The manager revokes the device from another one: its next scan is kept, and it says why.
    const kiosks = await fetch(`${base}/api/venues/${venueId}/kiosks`, {
      headers: { cookie: manager.cookie! },
    });
    const [kiosk] = ((await kiosks.json()) as { items: { id: number }[] }).items;
    const revoke = await fetch(`${base}/api/venues/${venueId}/kiosks/${kiosk!.id}`, {
      method: 'DELETE',
      headers: { cookie: manager.cookie! },
    });
    expect(revoke.status).toBe(204);
    await page.fill('#wedge', qr);
    await page.press('#wedge', 'Enter');
    await page.waitForSelector('#kiosk-revoked');
    expect(await page.textContent('#pending-count')).toBe('1');
    expect(await page.locator('#result.queued').count()).toBe(0);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: artifact('53-kiosk-revoked.png') });

    await page.click('.kiosk-exit');
    await page.fill('#exit-pin', '0000');
    await page.click('.kiosk-exit-dialog form:first-of-type button[type=submit]');
    await page.waitForSelector('.kiosk-exit-dialog [role=alert]');
    await page.screenshot({ path: artifact('52-kiosk-exit-wrong-pin.png') });
    await page.fill('#exit-pin', '2468');
    await page.click('.kiosk-exit-dialog form:first-of-type button[type=submit]');
    await page.waitForURL(/\/login/);
    await page.waitForSelector('header.bar');
    await tablet.close();
  });
});
