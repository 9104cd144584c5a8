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
      'truyvet-badinh truy vết số điện thoại 09******78 từ 2026-11-18 00:00 – 2026-12-02 10:00: 7 lượt đến, 12 người tiếp xúc gần (F1), 0 F2; đã báo 12 người.',
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
});
