import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../src/server/domain/csv.js';
import { csvField } from '../../src/server/domain/spreadsheet-safety.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('drops a UTF-8 BOM and blank lines, and accepts semicolons (spreadsheets in vi-VN)', () => {
    expect(parseCsv('\uFEFFtên;địa chỉ\n\nQuán A;Số 1\n')).toEqual([
      ['tên', 'địa chỉ'],
      ['Quán A', 'Số 1'],
    ]);
  });

  it('keeps a last line without a line break', () => {
    expect(parseCsv('x,y\n1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });
});

describe('csvRecords', () => {
  it('keys each row by the header and trims values; missing cells are empty', () => {
    expect(csvRecords(' name , phone \n Quán A ,0912345678\nQuán B').records).toEqual([
      { name: 'Quán A', phone: '0912345678' },
      { name: 'Quán B', phone: '' },
    ]);
  });
});

describe('CSV export fields', () => {
  it('quote fields with ; or a tab, so a spreadsheet splitting on them cannot start a cell with a formula', () => {
    expect(csvField('Nguyễn;=HYPERLINK("http://x")')).toBe('"Nguyễn;=HYPERLINK(""http://x"")"');
    expect(csvField('a\t=1+1')).toBe('"a\t=1+1"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('Phở Thìn')).toBe('Phở Thìn');
  });
});
