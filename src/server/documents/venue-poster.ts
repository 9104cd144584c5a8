/**
 * The A4 poster a venue prints and sticks at its door (F3): title, venue name and address, a QR of
 * 16 × 16 cm (the product asks at least 15 cm), and short instructions in Vietnamese.
 */
import { drawQr, drawTestMark, MM, newDocument, toBuffer } from './pdf.js';
import { qrMatrix } from './qr.js';

export interface PosterInput {
  venueName: string;
  address: string;
  placeName: string;
  entranceName: string;
  checkInUrl: string;
  code: string;
  /** PUBLIC_URL is a test address: the poster says it is not for display. */
  testMark?: string;
}

/** Printed QR side in millimetres. */
export const POSTER_QR_MM = 160;

export function venuePosterPdf(p: PosterInput): Promise<Buffer> {
  const doc = newDocument({ title: `Mã QR – ${p.venueName}` });
  const width = doc.page.width;
  const inner = width - 2 * 36;
  doc.rect(0, 0, width, 70).fill('#0b6e4f');
  doc
    .fillColor('#ffffff')
    .font('bold')
    .fontSize(22)
    .text('QUÉT MÃ QR KHI RA VÀO', 36, 16, { width: inner, align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .text('Khai báo y tế và ghi nhận ra vào – phòng, chống dịch COVID-19', 36, 46, {
      width: inner,
      align: 'center',
    });
  doc
    .fillColor('#111111')
    .font('bold')
    .fontSize(20)
    .text(p.venueName, 36, 88, { width: inner, align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#333333')
    .text(`${p.address}, ${p.placeName}`, { width: inner, align: 'center' });
  const side = POSTER_QR_MM * MM;
  const qrTop = Math.max(doc.y + 10, 150);
  drawQr(doc, qrMatrix(p.checkInUrl), (width - side) / 2, qrTop, side);
  doc.fillColor('#111111').font('bold').fontSize(13);
  doc.text('Hướng dẫn', 56, qrTop + side + 14);
  doc.font('regular').fontSize(11).fillColor('#222222');
  const steps = [
    '1. Mở ứng dụng máy ảnh (camera) hoặc Zalo trên điện thoại, hướng vào mã QR.',
    '2. Bấm vào đường dẫn hiện ra, nhập họ tên và số điện thoại (chỉ lần đầu).',
    '3. Bấm “Ghi nhận vào” và đưa màn hình có dấu tích xanh cho nhân viên kiểm tra.',
    '4. Khi ra về, bấm “Ra về” trên cùng màn hình.',
  ];
  for (const step of steps) doc.text(step, 56, undefined, { width: width - 112 });
  doc.moveDown(0.6).fontSize(9).fillColor('#555555');
  doc.text(`${p.entranceName} · Mã: ${p.code}`, 56, undefined, { width: width - 112 });
  doc.text(p.checkInUrl, { width: width - 112, link: p.checkInUrl });
  if (p.testMark) drawTestMark(doc, p.testMark);
  return toBuffer(doc);
}
