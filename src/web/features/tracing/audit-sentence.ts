/**
 * An audit entry as a sentence an official reads (issue 14): who did what, about whom, for which
 * window, why, and what came back. Raw keys never reach the screen; an unknown action is named as is.
 */
import type { AnswerOf } from '../../../shared/api/endpoint.js';
import type { tracingApi } from '../../../shared/api/tracing.js';
import type { Lang } from '../../i18n/index.js';

type Entry = AnswerOf<typeof tracingApi.audit>['items'][number];

/** "2026-11-18T08:30…" → "18/11/2026 08:30" (dates are written one way everywhere). */
const day = (v: unknown) => {
  if (typeof v !== 'string') return '?';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}` : ''}` : v;
};
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
    case 'case_save':
    case 'case_open':
    case 'case_export':
    case 'case_close':
    case 'case_reopen': {
      const label = typeof e.subject.label === 'string' ? e.subject.label : '?';
      const did = {
        case_save: vi ? 'lưu hồ sơ truy vết' : 'saved the tracing case',
        case_open: vi ? 'mở hồ sơ truy vết' : 'opened the tracing case',
        case_export: vi ? 'xuất danh sách của hồ sơ truy vết' : 'exported the list of the tracing case',
        case_close: vi ? 'đóng hồ sơ truy vết' : 'closed the tracing case',
        case_reopen: vi ? 'mở lại hồ sơ truy vết' : 'reopened the tracing case',
      }[e.action];
      return vi
        ? `${who} ${did} «${label}» (${window}): ${num(r, 'contacts')} người tiếp xúc.`
        : `${who} ${did} “${label}” (${window}): ${num(r, 'contacts')} contacts.`;
    }
    default:
      return `${who}: ${e.action} (${about})`;
  }
}
