import { describe, expect, it } from 'vitest';
import { checkoutTime, isInside, personNameKey, stayEnd } from '../../src/server/domain/stay.js';

const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+07:00`);

describe('a stay at a venue', () => {
  const open = { checkedInAt: at('08:00'), checkedOutAt: null, stayMinutes: 240 };

  it('ends at the default stay when nobody checks out', () => {
    expect(stayEnd(open)).toEqual(at('12:00'));
    expect(isInside(open, at('11:59'))).toBe(true);
    expect(isInside(open, at('12:00'))).toBe(false);
  });

  it('ends at the check-out when there is one', () => {
    const closed = { ...open, checkedOutAt: at('09:30') };
    expect(stayEnd(closed)).toEqual(at('09:30'));
    expect(isInside(closed, at('10:00'))).toBe(false);
  });

  it('is not inside before it starts (a paper entry recorded ahead)', () => {
    expect(isInside(open, at('07:59'))).toBe(false);
  });

  it('records a late check-out at the end of the default stay, not the next morning', () => {
    expect(checkoutTime(open, at('10:15'))).toEqual(at('10:15'));
    expect(checkoutTime(open, new Date('2026-11-25T07:00:00+07:00'))).toEqual(at('12:00'));
  });

  it('keeps the first check-out when asked to check out twice', () => {
    expect(checkoutTime({ ...open, checkedOutAt: at('09:00') }, at('10:00'))).toEqual(at('09:00'));
  });
});

describe('person name key', () => {
  it('matches the same name typed with other spacing, case or Unicode composition', () => {
    const composed = 'Nguyễn  Thị   Hoa';
    const decomposed = 'nguye\u0302\u0303n thi\u0323 hoa';
    expect(personNameKey(composed)).toBe('nguyễn thị hoa');
    expect(personNameKey(decomposed)).toBe('nguyễn thị hoa');
  });

  it('lower-cases every Vietnamese letter as the Vietnamese locale does', () => {
    const letters =
      'AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ';
    expect(personNameKey(letters)).toBe(letters.toLocaleLowerCase('vi'));
    expect(personNameKey(letters)).toHaveLength(letters.length);
  });

  it('tells family members apart', () => {
    expect(personNameKey('Nguyễn Văn An')).not.toBe(personNameKey('Nguyễn Văn Ân'));
  });
});
