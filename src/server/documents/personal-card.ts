/**
 * The printable personal card (thẻ kiểm soát dịch bệnh, F6): credit-card sized name and number with a
 * 55 × 55 mm QR (the product asks at least 5 × 5 cm), two to an A4 page edge so it can be cut out.
 */
import { drawQr, drawTestMark, MM, newDocument, toBuffer } from './pdf.js';
import { qrMatrix } from './qr.js';

/** Printed QR side in millimetres. */
export const CARD_QR_MM = 55;

export function cardPdf(c: {
  fullName: string;
  number: string;
  qr: string;
  birthYear: number | null;
  /** PUBLIC_URL is a test address: the card says it is not for use. */
  testMark?: string;
}): Promise<Buffer> {
  const doc = newDocument({ title: `Thẻ kiểm soát dịch bệnh – ${c.fullName}` });
  const x = 36;
  const y = 36;
  const width = 150 * MM;
  const height = 75 * MM;
  doc.roundedRect(x, y, width, height, 8).lineWidth(1).stroke('#0b6e4f');
  doc.rect(x, y, width, 12 * MM).fill('#0b6e4f');
  doc
    .fillColor('#ffffff')
    .font('bold')
    .fontSize(12)
    .text('THẺ KIỂM SOÁT DỊCH BỆNH', x + 10, y + 10, { width: width - 20 });
  const side = CARD_QR_MM * MM;
  drawQr(doc, qrMatrix(c.qr), x + width - side - 8, y + 14 * MM, side);
  const textWidth = width - side - 30;
  doc
    .fillColor('#111111')
    .font('bold')
    .fontSize(16)
    .text(c.fullName, x + 12, y + 18 * MM, { width: textWidth });
  doc.font('regular').fontSize(10).fillColor('#333333');
  if (c.birthYear) doc.text(`Năm sinh: ${c.birthYear}`, { width: textWidth });
  doc.moveDown(0.5).text('Số thẻ', { width: textWidth });
  doc.font('bold').fontSize(14).fillColor('#111111').text(c.number, { width: textWidth });
  doc.font('regular').fontSize(8).fillColor('#555555');
  doc
    .moveDown(0.8)
    .text(
      'Đưa mã QR cho nhân viên quét khi ra vào. Thẻ không chứa thông tin cá nhân và không dùng để xem lịch sử đi lại.',
      {
        width: textWidth,
      },
    );
  if (c.testMark) drawTestMark(doc, c.testMark);
  return toBuffer(doc);
}
