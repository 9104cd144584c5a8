/**
 * Tables as XLSX (exceljs) and CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese right).
 * Every text cell goes through neutraliseCell: exports never carry a live formula. exceljs is loaded on
 * the first XLSX, not at start (≈ 0.4 s and ≈ 28 MB that a node which never exports does without).
 */
import { csvField, neutraliseCell, type CellValue } from '../domain/spreadsheet-safety.js';

export interface Sheet {
  name: string;
  /** Lines above the table (title, unit, period). */
  heading: string[];
  columns: { header: string; width?: number }[];
  rows: CellValue[][];
  totals?: CellValue[];
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'QR check-in';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.heading) ws.addRow([neutraliseCell(line)]).font = { bold: true };
    if (sheet.heading.length) ws.addRow([]);
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of sheet.rows) ws.addRow(row.map(neutraliseCell));
    if (sheet.totals) ws.addRow(sheet.totals.map(neutraliseCell)).font = { bold: true };
    sheet.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of sheet.rows) lines.push(row.map(csvField).join(','));
  if (sheet.totals) lines.push(sheet.totals.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
