/**
 * PDF documents (pdfkit): posters, cards, the chairman's report. pdfkit (and its fonts' parser) is
 * loaded on the first document, not at start: a node that never prints starts ≈ 0.2 s sooner and
 * holds ≈ 25 MB less.
 */
import { FONT_BOLD, FONT_REGULAR } from './fonts.js';
import type { QrMatrix } from './qr.js';

export const MM = 72 / 25.4;

export async function newDocument(
  info: { title: string },
  opts: { bufferPages?: boolean } = {},
): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 36,
    bufferPages: opts.bufferPages ?? false,
    info: { Title: info.title, Creator: 'QR check-in' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular');
  return doc;
}

export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws the QR as vector squares (sharp at any print size), with its quiet zone, at (x, y). */
export function drawQr(doc: PDFKit.PDFDocument, qr: QrMatrix, x: number, y: number, side: number) {
  const quiet = 4;
  const cell = side / (qr.size + quiet * 2);
  doc.save().rect(x, y, side, side).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.isDark(row, col))
        doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.01, cell + 0.01);
    }
  }
  doc.fill().restore();
}

/**
 * "Test – not for display" across the page and as a red band at its foot (or top): printed while PUBLIC_URL is
 * a test address (domain/public-url.ts), so nobody sticks up a QR that phones cannot open.
 */
export function drawTestMark(doc: PDFKit.PDFDocument, mark: string, band: 'top' | 'bottom' = 'bottom') {
  const { width, height } = doc.page;
  const bandTop = band === 'top' ? 0 : height - 40;
  // Text below the bottom margin would start a new page: the band sits in the margin.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.opacity(0.25).fillColor('#c0392b').font('bold').fontSize(44);
  doc.text('BẢN THỬ – TEST', 0, height / 2 - 30, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.save();
  doc.rect(0, bandTop, width, 40).fill('#c0392b');
  doc.fillColor('#ffffff').font('bold').fontSize(12);
  doc.text(mark, 20, bandTop + 13, { width: width - 40, align: 'center', lineBreak: false });
  doc.restore();
  doc.page.margins.bottom = margin;
}
