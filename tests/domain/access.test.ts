import { describe, expect, it } from 'vitest';
import { mayOnVenue, type Actor } from '../../src/server/domain/access.js';

const venue = { id: 7, adminUnitPath: ['01', '001', '00001'] };
const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  username: 'u',
  role: 'official',
  adminUnitCode: null,
  venueIds: [],
  ...over,
});

describe('who may act on a venue', () => {
  it('lets officials of the province, district and commune read and govern it', () => {
    for (const unit of ['01', '001', '00001']) {
      const official = actor({ adminUnitCode: unit });
      expect(mayOnVenue(official, venue, 'read')).toBe(true);
      expect(mayOnVenue(official, venue, 'govern')).toBe(true);
    }
  });

  it('hides it from officials of a sibling unit', () => {
    expect(mayOnVenue(actor({ adminUnitCode: '002' }), venue, 'read')).toBe(false);
    expect(mayOnVenue(actor({ adminUnitCode: '79' }), venue, 'read')).toBe(false);
  });

  it('lets its staff read and record check-ins, but only the manager manage it, and neither govern it', () => {
    const staff = actor({ role: 'venue_staff', venueIds: [7] });
    const manager = actor({ role: 'venue_manager', venueIds: [7] });
    expect(mayOnVenue(staff, venue, 'record_check_ins')).toBe(true);
    expect(mayOnVenue(staff, venue, 'manage')).toBe(false);
    expect(mayOnVenue(manager, venue, 'manage')).toBe(true);
    expect(mayOnVenue(manager, venue, 'govern')).toBe(false);
  });

  it('gives a manager of another venue nothing', () => {
    expect(mayOnVenue(actor({ role: 'venue_manager', venueIds: [8] }), venue, 'read')).toBe(false);
  });

  it('lets the national admin do everything', () => {
    const admin = actor({ role: 'admin' });
    for (const action of ['read', 'manage', 'record_check_ins', 'govern'] as const)
      expect(mayOnVenue(admin, venue, action)).toBe(true);
  });
});
