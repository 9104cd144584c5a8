/**
 * The printable personal card (thẻ kiểm soát dịch bệnh, F6) at the size of an ID card (ID-1, 85.6 ×
 * 54 mm, the size of a CCCD, so it fits a wallet): the front with the name and the number printed
 * large, the back with the QR (52 mm with its quiet zone; the product asks at least 5 × 5 cm), side by
 * side with a dashed fold line between them. Crop marks show where to cut. Four cards per A4 sheet,
 * so a family's cards print together.
 */
import { drawQr, drawTestMark, MM, newDocument, toBuffer } from './pdf.js';
import { qrMatrix } from './qr.js';

/** Printed QR side in millimetres, quiet zone included. */
export const CARD_QR_MM = 52;
export const CARD_WIDTH_MM = 85.6;
export const CARD_HEIGHT_MM = 54;
/** Cards on one A4 sheet. */
export const CARDS_PER_SHEET = 4;

export interface PrintedCard {
  fullName: string;
  /** The number as printed and as staff type it at the scanner: "ABCD EFGH JK". */
  number: string;
  qr: string;
  birthYear: number | null;
}

const GREEN = '#0b6e4f';
const ROW_GAP_MM = 14;
const TOP_MM = 16;

export async function cardsPdf(cards: readonly PrintedCard[], testMark?: string): Promise<Buffer> {
  const title =
    cards.length === 1 ? `Thẻ kiểm soát dịch bệnh – ${cards[0]!.fullName}` : 'Thẻ kiểm soát dịch bệnh';
  const doc = await newDocument({ title });
  doc.page.margins.bottom = 0;
  const cardWidth = CARD_WIDTH_MM * MM;
  const cardHeight = CARD_HEIGHT_MM * MM;
  const left = (doc.page.width - 2 * cardWidth) / 2;
  cards.forEach((card, i) => {
    const slot = i % CARDS_PER_SHEET;
    if (i > 0 && slot === 0) {
      if (testMark) drawTestMark(doc, testMark);
      doc.addPage();
      doc.page.margins.bottom = 0;
    }
    if (slot === 0) drawSheetNote(doc);
    const top = (TOP_MM + slot * (CARD_HEIGHT_MM + ROW_GAP_MM)) * MM;
    drawFront(doc, card, left, top, cardWidth, cardHeight);
    drawBack(doc, card, left + cardWidth, top, cardWidth, cardHeight);
    drawFoldAndCropMarks(doc, left, top, cardWidth, cardHeight);
  });
  if (testMark) drawTestMark(doc, testMark);
  return toBuffer(doc);
}

function drawSheetNote(doc: PDFKit.PDFDocument) {
  doc.font('regular').fontSize(7.5).fillColor('#666666');
  doc.text(
    'In đúng kích thước (100 %, không co giãn) · Cắt theo dấu góc · Gấp đôi theo đường nét đứt, dán hai mặt lại với nhau',
    36,
    6 * MM,
    { width: doc.page.width - 72, align: 'center', lineBreak: false },
  );
}

function drawFront(doc: PDFKit.PDFDocument, c: PrintedCard, x: number, y: number, w: number, h: number) {
  doc.save().rect(x, y, w, h).lineWidth(0.4).stroke('#b8c4cc').restore();
  doc.rect(x, y, w, 10 * MM).fill(GREEN);
  doc.fillColor('#ffffff').font('bold').fontSize(9);
  doc.text('THẺ KIỂM SOÁT DỊCH BỆNH', x + 4 * MM, y + 3.3 * MM, { width: w - 8 * MM, lineBreak: false });
  const inner = w - 8 * MM;
  doc.fillColor('#111111').font('bold').fontSize(12);
  doc.text(c.fullName, x + 4 * MM, y + 13 * MM, { width: inner, height: 10 * MM, ellipsis: true });
  doc.font('regular').fontSize(8).fillColor('#333333');
  if (c.birthYear) doc.text(`Năm sinh: ${c.birthYear}`, x + 4 * MM, undefined, { width: inner });
  doc.text('Số thẻ', x + 4 * MM, y + 29 * MM, { width: inner });
  doc.font('bold').fontSize(17).fillColor('#111111');
  doc.text(c.number, x + 4 * MM, undefined, { width: inner, lineBreak: false, characterSpacing: 0.6 });
  doc.font('regular').fontSize(6).fillColor('#555555');
  doc.text(
    'Đưa mã QR cho nhân viên quét khi ra vào, hoặc đọc số thẻ. Thẻ không chứa thông tin cá nhân và không dùng để xem lịch sử đi lại.',
    x + 4 * MM,
    y + h - 9 * MM,
    { width: inner },
  );
}

function drawBack(doc: PDFKit.PDFDocument, c: PrintedCard, x: number, y: number, w: number, h: number) {
  doc.save().rect(x, y, w, h).lineWidth(0.4).stroke('#b8c4cc').restore();
  const side = CARD_QR_MM * MM;
  drawQr(doc, qrMatrix(c.qr), x + (w - side) / 2, y + (h - side) / 2, side);
}

/** A dashed fold line between the faces, and crop marks outside each corner of the folded pair. */
function drawFoldAndCropMarks(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number) {
  doc.save().lineWidth(0.5).strokeColor('#666666').dash(3, { space: 2 });
  doc
    .moveTo(x + w, y - 3 * MM)
    .lineTo(x + w, y + h + 3 * MM)
    .stroke();
  doc.undash();
  const gap = 1.5 * MM;
  const len = 5 * MM;
  for (const cx of [x, x + 2 * w]) {
    for (const cy of [y, y + h]) {
      const dx = cx === x ? -1 : 1;
      const dy = cy === y ? -1 : 1;
      doc
        .moveTo(cx + dx * gap, cy)
        .lineTo(cx + dx * (gap + len), cy)
        .stroke();
      doc
        .moveTo(cx, cy + dy * gap)
        .lineTo(cx, cy + dy * (gap + len))
        .stroke();
    }
  }
  doc.restore();
}
