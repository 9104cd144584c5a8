/**
 * The A4 poster a venue prints and sticks at its door (F3), using the whole page: the call to scan in
 * Vietnamese and English, the venue, its entrance and address, a QR of 16 × 16 cm (the product asks at
 * least 15 cm), the steps in both languages side by side, and the province's health hotline.
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
  /** The health hotline of the venue's province (HEALTH_HOTLINES), else the national one. */
  hotline: string;
  /** PUBLIC_URL is a test address: the poster says it is not for display. */
  testMark?: string;
}

/** Printed QR side in millimetres. */
export const POSTER_QR_MM = 160;

const GREEN = '#0b6e4f';
const MARGIN = 36;

const STEPS = {
  vi: {
    heading: 'Hướng dẫn',
    steps: [
      '1. Mở máy ảnh (camera) hoặc Zalo, hướng vào mã QR.',
      '2. Bấm vào đường dẫn hiện ra; nhập họ tên và số điện thoại (chỉ lần đầu).',
      '3. Bấm “Ghi nhận vào”, đưa màn hình cho nhân viên xem.',
      '4. Khi ra về, bấm “Ra về” trên cùng màn hình.',
    ],
    noPhone: 'Không có điện thoại: đưa thẻ QR cá nhân hoặc CCCD gắn chip cho nhân viên quét.',
  },
  en: {
    heading: 'How to check in',
    steps: [
      '1. Point your phone camera (or Zalo) at the QR code.',
      '2. Open the link; enter your name and phone number (first time only).',
      '3. Tap “Check in” and show the screen to the staff.',
      '4. When you leave, tap “Check out” on the same screen.',
    ],
    noPhone: 'No phone? Show your personal QR card or chip ID card to the staff.',
  },
} as const;

export async function venuePosterPdf(p: PosterInput): Promise<Buffer> {
  const doc = await newDocument({ title: `Mã QR – ${p.venueName}` });
  const { width, height } = doc.page;
  const inner = width - 2 * MARGIN;
  // No automatic page break: every element has its place on this one page.
  doc.page.margins.bottom = 0;

  doc.rect(0, 0, width, 78).fill(GREEN);
  doc.fillColor('#ffffff').font('bold').fontSize(26);
  doc.text('QUÉT MÃ QR KHI RA, VÀO', MARGIN, 14, { width: inner, align: 'center' });
  doc.font('regular').fontSize(12);
  doc.text('SCAN THE QR CODE WHEN YOU COME IN AND GO OUT', MARGIN, 50, { width: inner, align: 'center' });

  doc.fillColor('#111111').font('bold').fontSize(22);
  doc.text(p.venueName, MARGIN, 92, { width: inner, align: 'center', height: 56, ellipsis: true });
  doc.fillColor(GREEN).font('bold').fontSize(14);
  doc.text(`${p.entranceName} · Entrance`, { width: inner, align: 'center' });
  doc.fillColor('#333333').font('regular').fontSize(10.5);
  doc.text(`${p.address}, ${p.placeName}`, { width: inner, align: 'center', height: 28, ellipsis: true });

  const side = POSTER_QR_MM * MM;
  const qrTop = Math.max(doc.y + 4, 176);
  drawQr(doc, qrMatrix(p.checkInUrl), (width - side) / 2, qrTop, side);

  const stepsTop = qrTop + side + 6;
  const column = (inner - 24) / 2;
  drawSteps(doc, STEPS.vi, MARGIN, stepsTop, column);
  drawSteps(doc, STEPS.en, MARGIN + column + 24, stepsTop, column);

  const bandTop = height - 82;
  doc.rect(0, bandTop, width, 46).fill(GREEN);
  doc.fillColor('#ffffff').font('bold').fontSize(17);
  doc.text(`Đường dây nóng y tế · Health hotline: ${p.hotline}`, MARGIN, bandTop + 13, {
    width: inner,
    align: 'center',
    lineBreak: false,
  });
  doc.fillColor('#555555').font('regular').fontSize(8);
  doc.text(`Mã / Code: ${p.code}`, MARGIN, height - 30, { width: inner, align: 'center', lineBreak: false });
  doc.text(p.checkInUrl, MARGIN, height - 19, {
    width: inner,
    align: 'center',
    link: p.checkInUrl,
    lineBreak: false,
  });
  // The mark covers the title, not the hotline and the address at the foot.
  if (p.testMark) drawTestMark(doc, p.testMark, 'top');
  return toBuffer(doc);
}

function drawSteps(
  doc: PDFKit.PDFDocument,
  text: (typeof STEPS)['vi' | 'en'],
  x: number,
  y: number,
  width: number,
) {
  doc.fillColor('#111111').font('bold').fontSize(12).text(text.heading, x, y, { width });
  doc.font('regular').fontSize(9.5).fillColor('#222222');
  for (const step of text.steps) doc.text(step, x, undefined, { width, paragraphGap: 1.5 });
  doc.font('bold').fontSize(9).fillColor(GREEN).text(text.noPhone, x, undefined, { width });
}
