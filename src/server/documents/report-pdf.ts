/**
 * Tables (documents/spreadsheet.ts Sheet) printed on A4: the first heading line as the title, the
 * rest as paragraphs, then the table with its header repeated on every page and page numbers.
 */
import { newDocument, toBuffer } from './pdf.js';
import type { Sheet } from './spreadsheet.js';
import type { CellValue } from '../domain/spreadsheet-safety.js';

const FONT_SIZE = 9;
const PADDING = 3;

export async function sheetsToPdf(title: string, sheets: readonly Sheet[]): Promise<Buffer> {
  const doc = newDocument({ title }, { bufferPages: true });
  sheets.forEach((sheet, i) => {
    if (i > 0) doc.addPage();
    drawHeading(doc, sheet.heading);
    drawTable(doc, sheet);
  });
  numberPages(doc);
  return toBuffer(doc);
}

function drawHeading(doc: PDFKit.PDFDocument, lines: readonly string[]) {
  const [first, ...rest] = lines;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (first) doc.font('bold').fontSize(13).text(first, { align: 'center', width }).moveDown(0.5);
  doc.font('regular').fontSize(10);
  for (const line of rest) doc.text(line, { width }).moveDown(0.15);
  doc.moveDown(0.6);
}

function drawTable(doc: PDFKit.PDFDocument, sheet: Sheet) {
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const weights = sheet.columns.map((c) => c.width ?? 16);
  const scale = usable / weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => w * scale);
  const bottom = () => doc.page.height - doc.page.margins.bottom - 16;

  const drawRow = (cells: readonly CellValue[], opts: { bold?: boolean; fill?: string }) => {
    doc.font(opts.bold ? 'bold' : 'regular').fontSize(FONT_SIZE);
    const texts = cells.map((c) => (c === null ? '' : typeof c === 'number' ? c.toLocaleString('vi-VN') : c));
    const height =
      Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i]! - PADDING * 2 }))) +
      PADDING * 2;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!opts.fill)
        drawRow(
          sheet.columns.map((c) => c.header),
          { bold: true, fill: '#e8f0fe' },
        );
      doc.font(opts.bold ? 'bold' : 'regular').fontSize(FONT_SIZE);
    }
    const y = doc.y;
    let x = left;
    texts.forEach((text, i) => {
      const w = widths[i]!;
      if (opts.fill) doc.save().rect(x, y, w, height).fill(opts.fill).restore();
      doc.save().lineWidth(0.5).strokeColor('#9aa4b2').rect(x, y, w, height).stroke().restore();
      doc.fillColor('#000000').text(text, x + PADDING, y + PADDING, {
        width: w - PADDING * 2,
        align: typeof cells[i] === 'number' ? 'right' : 'left',
      });
      x += w;
    });
    doc.x = left;
    doc.y = y + height;
  };

  drawRow(
    sheet.columns.map((c) => c.header),
    { bold: true, fill: '#e8f0fe' },
  );
  for (const row of sheet.rows) drawRow(row, {});
  if (sheet.totals) drawRow(sheet.totals, { bold: true });
}

function numberPages(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${i + 1}/${range.count}`, 0, doc.page.height - 24, { width: doc.page.width, align: 'center' });
    doc.page.margins.bottom = bottomMargin;
  }
}
