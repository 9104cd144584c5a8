/**
 * What staff at the door see on a citizen's phone (issue 15, F17, F18): a typo in the phone number
 * keeps what was typed and says what is wrong beside the field; the confirmation is grey when no
 * declaration is on record, with the date, and a clock that ticks (an old screenshot does not); the
 * third person into a room for two is warned and still recorded.
 */
import { describe, expect, it } from 'vitest';
import { artifact } from './support/browser.js';
import { apiPost, useSharedJourney } from './support/journey.js';

const journey = useSharedJourney();

describe('the confirmation at the door', () => {
  it('keeps typed input, shows grey with a live clock, and warns over capacity', async () => {
    const room = await apiPost(journey.server, '/api/venues', {
      name: 'Phòng họp tổ dân phố',
      category: 'meeting',
      adminUnitCode: '00001',
      address: '5 Phúc Xá',
      contactName: 'Tổ trưởng',
      contactPhone: '0904333444',
      managerPassword: 'to-dan-pho-1',
      capacity: 2,
    });
    const code = String(room.body.code);
    for (const [fullName, phone] of [
      ['Hà Văn Một', '0981111001'],
      ['Hà Văn Hai', '0981111002'],
    ])
      await apiPost(journey.server, '/api/check-ins', {
        venueCode: code,
        clientId: crypto.randomUUID(),
        channel: 'qr_self',
        person: { fullName, phone },
      });

    const context = await journey.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await phone.goto(`${journey.server.baseUrl}/c/${code}`);
    await phone.waitForSelector('#occupancy');
    expect(await phone.textContent('#occupancy')).toContain('đã đủ số người cho phép (2/2)');
    expect(await phone.getAttribute('#phone', 'inputmode')).toBe('tel');
    await phone.fill('#fullName', 'Hà Thị Ba');
    await phone.fill('#phone', '0981 11');
    await phone.click('button[type=submit]');
    await phone.waitForSelector('#phone-error:has-text("Số điện thoại")');
    expect(await phone.inputValue('#fullName')).toBe('Hà Thị Ba');
    expect(await phone.inputValue('#phone')).toBe('0981 11');
    await phone.screenshot({ path: artifact('80-phone-typo-kept.png'), fullPage: true });

    await phone.fill('#phone', '0981 111 003');
    await phone.click('button[type=submit]');
    await phone.waitForSelector('#confirmation[data-colour="grey"]');
    const card = (await phone.textContent('#confirmation')) ?? '';
    expect(card).toContain('Xám – chưa có tờ khai y tế');
    expect(card).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(await phone.textContent('#occupancy')).toContain('quá số người cho phép (3/2)');
    const first = await phone.textContent('#live-clock');
    await phone.waitForFunction(
      (before) => document.getElementById('live-clock')?.textContent !== before,
      first,
    );
    await phone.screenshot({ path: artifact('81-phone-grey-over-capacity.png'), fullPage: true });
    await context.close();
  });
});
