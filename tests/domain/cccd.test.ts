import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../src/server/domain/cccd.js';

const CARD = '001190000123|123456789|Nguyễn Văn An|15081990|Nam|Số 1 Phúc Xá, Ba Đình, Hà Nội|20042021';

describe('the QR of a chip ID card', () => {
  it('reads the seven fields', () => {
    expect(parseCccdQr(CARD)).toEqual({
      idNumber: '001190000123',
      oldIdNumber: '123456789',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-08-15',
      birthYear: 1990,
      sex: 'male',
      address: 'Số 1 Phúc Xá, Ba Đình, Hà Nội',
      issuedOn: '2021-04-20',
    });
  });

  it('accepts a card without the old 9-digit number, and Nữ', () => {
    const card = parseCccdQr('079300001234||Trần Thị Bình|01012000|Nữ|Quận 1, TP Hồ Chí Minh|10102021');
    expect(card).toMatchObject({ oldIdNumber: null, sex: 'female', birthYear: 2000 });
  });

  it('refuses what is not such a card', () => {
    for (const text of [
      'hello',
      CARD.replace('001190000123', '00119000012'), // 11 digits
      CARD.replace('15081990', '31021990'), // 31 February
      CARD.replace('20042021', '20041980'), // issued before birth
      CARD.replace('Nguyễn Văn An', ''),
      '001190000123|123456789|Nguyễn Văn An|15081990|Nam|Hà Nội', // six fields
      'https://example.com/card/K01ABC',
    ])
      expect(parseCccdQr(text), text).toBeNull();
  });
});
