import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../src/web/features/tracing/audit-sentence.js';

const entry = {
  at: '2026-12-02T03:00:00Z',
  actor: 'truyvet-badinh',
  actorRole: 'tracer',
  action: 'contact_trace',
  purpose: 'Ca F0 số 12',
  subject: { phoneMasked: '09******78', from: '2026-11-18T00:00:00+07:00', to: '2026-12-02T10:00:00+07:00' },
  result: { visits: 7, contacts: 12, secondLevel: 0, notified: 12 },
};

describe('an audit entry as a sentence', () => {
  it('says who traced whom, over which window and what came back, without raw keys', () => {
    const said = auditSentence(entry, 'vi');
    expect(said).toBe(
      'truyvet-badinh truy vết số điện thoại 09******78 từ 18/11/2026 00:00 – 02/12/2026 10:00: 7 lượt đến, 12 người tiếp xúc gần (F1), 0 F2; đã báo 12 người.',
    );
    expect(said).not.toMatch(/phoneHash|visits|secondLevel/);
    expect(auditSentence(entry, 'en')).toContain('traced phone 09******78');
  });

  it('names a venue look-up and an exposure mark', () => {
    const venue = { ...entry, subject: { venueId: 7, from: '2026-12-01T08:00', to: '2026-12-01T12:00' } };
    expect(
      auditSentence({ ...venue, action: 'venue_exposure_list', result: { people: 30 } }, 'vi'),
    ).toContain('xem danh sách người có mặt tại địa điểm số 7');
    expect(
      auditSentence({ ...venue, action: 'venue_exposure_mark', result: { people: 30, notified: 29 } }, 'vi'),
    ).toContain('đã báo 29');
  });

  it('names the saved case opened, with its window', () => {
    const opened = {
      ...entry,
      action: 'case_open',
      subject: { caseId: '0190d5a8', label: 'BN-0001 quán Giảng', from: '2026-11-20', to: '2026-12-03' },
      result: { contacts: 2 },
    };
    expect(auditSentence(opened, 'vi')).toBe(
      'truyvet-badinh mở hồ sơ truy vết «BN-0001 quán Giảng» (20/11/2026 – 03/12/2026): 2 người tiếp xúc.',
    );
    expect(auditSentence({ ...opened, action: 'case_export' }, 'en')).toContain(
      'exported the list of the tracing case “BN-0001 quán Giảng”',
    );
    expect(auditSentence({ ...opened, action: 'case_close' }, 'vi')).toContain(
      'truyvet-badinh đóng hồ sơ truy vết «BN-0001 quán Giảng»',
    );
    expect(auditSentence({ ...opened, action: 'case_reopen' }, 'en')).toContain(
      'reopened the tracing case “BN-0001 quán Giảng”',
    );
  });
});
