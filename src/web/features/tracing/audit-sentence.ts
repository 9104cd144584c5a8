/**
 * An audit entry as a sentence an official reads (issue 14): who did what, about whom, for which
 * window, why, and what came back. Raw keys never reach the screen; an unknown action is named as is.
 */
import type { AnswerOf } from '../../../shared/api/endpoint.js';
import type { tracingApi } from '../../../shared/api/tracing.js';
import type { Lang } from '../../i18n/index.js';

type Entry = AnswerOf<typeof tracingApi.audit>['items'][number];

const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 16).replace('T', ' ') : '?');
const num = (r: Record<string, number>, k: string) => r[k] ?? 0;

function subjectOf(e: Entry, lang: Lang): string {
  const s = e.subject;
  if (typeof s.phoneMasked === 'string')
    return lang === 'vi' ? `số điện thoại ${s.phoneMasked}` : `phone ${s.phoneMasked}`;
  if (s.idNumberHash) return lang === 'vi' ? 'một số giấy tờ tùy thân' : 'an ID number';
  if (s.byCard) return lang === 'vi' ? 'một thẻ QR cá nhân' : 'a personal QR card';
  if (s.venueId !== undefined)
    return lang === 'vi' ? `địa điểm số ${String(s.venueId)}` : `venue no. ${String(s.venueId)}`;
  return lang === 'vi' ? 'một người' : 'a person';
}

export function auditSentence(e: Entry, lang: Lang): string {
  const r = e.result;
  const who = e.actor;
  const about = subjectOf(e, lang);
  const window = `${day(e.subject.from)} – ${day(e.subject.to)}`;
  const vi = lang === 'vi';
  switch (e.action) {
    case 'contact_trace':
      return vi
        ? `${who} truy vết ${about} từ ${window}: ${num(r, 'visits')} lượt đến, ${num(r, 'contacts')} người tiếp xúc gần (F1), ${num(r, 'secondLevel')} F2; đã báo ${num(r, 'notified')} người.`
        : `${who} traced ${about} over ${window}: ${num(r, 'visits')} visits, ${num(r, 'contacts')} close contacts (F1), ${num(r, 'secondLevel')} F2; ${num(r, 'notified')} notified.`;
    case 'venue_exposure_list':
      return vi
        ? `${who} xem danh sách người có mặt tại ${about} từ ${window}: ${num(r, 'people')} người.`
        : `${who} listed the people present at ${about} over ${window}: ${num(r, 'people')}.`;
    case 'venue_exposure_mark':
      return vi
        ? `${who} đánh dấu ${about} là nơi phơi nhiễm từ ${window}: ${num(r, 'people')} người có mặt, đã báo ${num(r, 'notified')}.`
        : `${who} marked ${about} as an exposure over ${window}: ${num(r, 'people')} present, ${num(r, 'notified')} notified.`;
    default:
      return `${who}: ${e.action} (${about})`;
  }
}
