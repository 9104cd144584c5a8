/**
 * A report printed on A4: an official letter (documents/official-letter.ts), then its tables
 * (documents/spreadsheet.ts Sheet) as appendices, each under its heading with its header row repeated
 * on every page, and page numbers.
 */
import { drawOfficialLetter, type OfficialLetter } from './official-letter.js';
import { newDocument, toBuffer } from './pdf.js';
import type { Sheet } from './spreadsheet.js';
import type { CellValue } from '../domain/spreadsheet-safety.js';

const FONT_SIZE = 9;
const PADDING = 3;

/** The letter, then each appendix on a page of its own under its centred heading. */
export async function letterToPdf(
  title: string,
  letter: OfficialLetter,
  appendices: readonly Sheet[],
): Promise<Buffer> {
  const doc = await newDocument({ title }, { bufferPages: true });
  doc.page.margins.left = doc.page.margins.right = 56;
  drawOfficialLetter(doc, letter);
  for (const sheet of appendices) {
    doc.addPage();
    drawHeading(doc, sheet.heading, sheet.heading.length);
    drawTable(doc, sheet);
  }
  numberPages(doc);
  return toBuffer(doc);
}

/** The first line bold as a title; up to `centred` lines centred, the rest as left-aligned lines. */
function drawHeading(doc: PDFKit.PDFDocument, lines: readonly string[], centred = 1) {
  const [first, ...rest] = lines;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (first) doc.font('bold').fontSize(13).text(first, { align: 'center', width }).moveDown(0.5);
  doc.font('regular').fontSize(10);
  rest.forEach((line, i) => {
    // A centred heading's second line names what the table holds, in bold like the title.
    doc.font(i === 0 && centred > 1 ? 'bold' : 'regular');
    doc.text(line, { width, align: i + 1 < centred ? 'center' : 'left' }).moveDown(0.15);
  });
  doc.moveDown(0.6);
}

function drawTable(doc: PDFKit.PDFDocument, sheet: Sheet) {
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const widths = columnWidths(doc, sheet, usable);
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

/**
 * Widths in proportion to the columns' weights, but never narrower than the longest word of a header
 * ("STT" printed as "ST/T" otherwise): such columns get their minimum, the others share the rest.
 */
function columnWidths(doc: PDFKit.PDFDocument, sheet: Sheet, usable: number): number[] {
  doc.font('bold').fontSize(FONT_SIZE);
  const minimum = sheet.columns.map(
    (c) => Math.max(...c.header.split(/\s+/).map((word) => doc.widthOfString(word))) + PADDING * 2 + 1,
  );
  const weights = sheet.columns.map((c) => c.width ?? 16);
  const fixed = new Set<number>();
  for (;;) {
    const room = usable - [...fixed].reduce((n, i) => n + minimum[i]!, 0);
    const share = weights.reduce((n, w, i) => (fixed.has(i) ? n : n + w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? minimum[i]! : (w * room) / share));
    const tooNarrow = widths.findIndex((w, i) => !fixed.has(i) && w < minimum[i]!);
    if (tooNarrow < 0) return widths;
    fixed.add(tooNarrow);
  }
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
