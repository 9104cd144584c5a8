import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR } from './fonts.js';
import type { QrMatrix } from './qr.js';

export const MM = 72 / 25.4;

export function newDocument(
  info: { title: string },
  opts: { bufferPages?: boolean } = {},
): PDFKit.PDFDocument {
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
