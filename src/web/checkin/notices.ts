/**
 * Notices health authorities left on this device's check-ins (F13), shown at the top of the check-in
 * page the next time the device opens a venue's QR, not only on /history: what happened, what to do,
 * whom to call. Asked after the page is drawn, so the form never waits for it.
 */
import type { HistoryEntry, tracingApi } from '../../shared/api/tracing.js';
import { send } from '../api/client.js';
import { exposuresOf, telHref } from '../device/exposures.js';
import { rememberedCheckIns } from '../device/store.js';
import type { CheckinMessages } from '../i18n/checkin-texts.js';
import { formatDateTime } from '../i18n/lang.js';
import { el } from './dom.js';

/** The device's check-ins with their notices (none asked when the device has no check-in). */
export async function deviceNotices(): Promise<HistoryEntry[]> {
  const remembered = rememberedCheckIns();
  if (!remembered.length) return [];
  const answer = await send<typeof tracingApi.history>(
    { method: 'POST', path: '/api/history' },
    { body: { items: remembered.map((c) => ({ id: c.id, checkoutToken: c.checkoutToken })) } },
  );
  return answer.items;
}

/** One red box per exposure, or null when there is none. */
export function noticesBox(t: CheckinMessages, items: readonly HistoryEntry[]): HTMLElement | null {
  const names = new Map(rememberedCheckIns().map((c) => [c.id, c.fullName]));
  const exposures = exposuresOf(items, (id) => names.get(id));
  if (!exposures.length) return null;
  return el(
    'section',
    { className: 'notice', id: 'device-notices', role: 'alert' },
    el('strong', { textContent: t.notice_title }),
    ...exposures.map((e) =>
      el(
        'div',
        { className: 'notice-item' },
        el('div', { textContent: `${e.venueName} · ${formatDateTime(e.from)} – ${formatDateTime(e.to)}` }),
        ...(e.names.length ? [el('div', { className: 'small', textContent: e.names.join(', ') })] : []),
        el('div', { textContent: e.kind === 'contact' ? t.history_notice_contact : t.history_notice_venue }),
        el(
          'div',
          { textContent: `${t.notice_hotline} ` },
          el('a', { href: telHref(e.hotline), textContent: e.hotline }),
        ),
      ),
    ),
    el('a', { href: '/history', textContent: t.notice_more }),
  );
}
