/**
 * The public venue list and map (F22): a manager confirms the safety checklist and sets the map point;
 * a citizen on a phone, without logging in, finds the venue by name typed without marks and sees it
 * is full; the map shows it on the province's tiles, and falls back to the list when tiles cannot load.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { artifact, see } from './support/browser.js';
import { apiPost, logInOnPage, useJourney } from './support/journey.js';
import { startTileServer, type TileServer } from './support/tile-server.js';

let tiles: TileServer;
const env: Record<string, string> = {};
beforeAll(async () => {
  tiles = await startTileServer();
  env.MAP_TILE_URL = tiles.url;
  env.MAP_TILE_ATTRIBUTION = 'Bản đồ thử nghiệm';
  // The journey reads occupancy right after the check-ins it made.
  env.PUBLIC_LIST_CACHE_SECONDS = '0';
});
const journey = useJourney(env);

async function venue(name: string, phone: string, location: { lat: number; lng: number }, capacity?: number) {
  const created = await apiPost(journey.server, '/api/venues', {
    name,
    category: 'meeting',
    adminUnitCode: '00001',
    address: '5 Phúc Xá',
    contactName: 'Trưởng nhà văn hoá',
    contactPhone: phone,
    managerPassword: 'nha-van-hoa-1',
    location,
    ...(capacity ? { capacity } : {}),
  });
  return { id: Number(created.body.id), code: String(created.body.code) };
}

describe('the public venue list', () => {
  it('shows the manager’s checklist and a full venue to a citizen, on the map and in the list', async () => {
    const hall = await venue('Nhà văn hoá Phúc Xá', '0905111222', { lat: 21.0465, lng: 105.8479 }, 2);
    await venue('Nhà văn hoá Ngọc Hà', '0905111333', { lat: 21.038, lng: 105.826 });
    for (const [fullName, phone] of [
      ['Đỗ Văn Một', '0982222001'],
      ['Đỗ Văn Hai', '0982222002'],
    ])
      await apiPost(journey.server, '/api/check-ins', {
        venueCode: hall.code,
        clientId: crypto.randomUUID(),
        channel: 'qr_self',
        person: { fullName, phone },
      });

    // The manager confirms what the venue does.
    const managerContext = await journey.browser.newContext();
    const manager = await managerContext.newPage();
    await logInOnPage(manager, journey.server, '0905111222', 'nha-van-hoa-1');
    await manager.waitForURL(/\/venues/);
    await manager.goto(`${journey.server.baseUrl}/venues/${hall.id}`);
    await manager.waitForSelector('#public-listing');
    for (const label of ['Đeo khẩu trang', 'Giữ khoảng cách', 'Có dung dịch sát khuẩn tay'])
      await manager.getByLabel(label).check();
    await manager.click('button:has-text("Xác nhận tự đánh giá")');
    await see(manager, '#public-listing .ok:has-text("Đã xác nhận lúc")', 'safety-confirmed');
    expect(await manager.inputValue('#location-lat')).toBe('21.0465');
    await manager.locator('#public-listing').screenshot({ path: artifact('90-manager-safety.png') });
    await managerContext.close();

    // A citizen looks the venue up before going.
    const context = await journey.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await phone.goto(journey.server.baseUrl);
    await phone.click('main a:has-text("Địa điểm an toàn")');
    await phone.fill('#place-q', 'nha van hoa phuc xa');
    await phone.click('button:has-text("Tìm")');
    const card = phone.locator('[data-testid=place]', { hasText: 'Nhà văn hoá Phúc Xá' });
    await see(phone, '[data-testid=place]', 'place-found');
    // The hall, whose name has every word, comes first; Ngọc Hà, at the same address, after it.
    expect(await phone.locator('[data-testid=place]').first().getAttribute('aria-label')).toBe(
      'Nhà văn hoá Phúc Xá',
    );
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Đang có 2/2 người');
    expect(text).toContain('Đã đủ người');
    expect(text).toContain('Đang hoạt động');
    expect(text).toMatch(/Tự đánh giá an toàn ngày \d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toContain('Trưởng nhà văn hoá');
    await phone.screenshot({ path: artifact('91-public-list-full.png'), fullPage: true });

    // On the map, on the province's tiles: both venues of the ward.
    await phone.fill('#place-q', 'nha van hoa');
    await phone.click('button:has-text("Tìm")');
    await phone.waitForSelector('text=Tìm thấy 2 địa điểm');
    await phone.click('button:has-text("Bản đồ")');
    await see(phone, '.leaflet-tile-loaded', 'map-tiles');
    expect(await phone.locator('path.leaflet-interactive').count()).toBe(2);
    expect(tiles.served()).toBeGreaterThan(0);
    await phone.locator('path.leaflet-interactive').first().click();
    await see(phone, '.leaflet-popup-content', 'map-popup');
    await phone.screenshot({ path: artifact('92-public-map.png'), fullPage: true });

    // The tile server goes down: the page says so and lists the venues instead.
    await tiles.stop();
    await phone.reload();
    await phone.fill('#place-q', 'nha van hoa');
    await phone.click('button:has-text("Tìm")');
    await phone.click('button:has-text("Bản đồ")');
    await see(phone, '[role=alert]:has-text("Không tải được bản đồ")', 'map-fallback');
    expect(await phone.locator('[data-testid=place]').count()).toBe(2);
    await phone.screenshot({ path: artifact('93-public-map-fallback.png'), fullPage: true });
    await context.close();
  });
});
