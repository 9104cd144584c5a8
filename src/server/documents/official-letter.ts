/**
 * The first page(s) of an official letter as the seed letters are laid out (Nghị định 30/2020/NĐ-CP):
 * issuing body top left and the national motto top right, each with a short rule under it; the
 * number under the body and the place/date line under the motto; the kind of document and its
 * subject; the body; recipients ("Nơi nhận") bottom left and the signature block bottom right.
 */

export interface OfficialLetter {
  /** Lines of the issuing body, upper case: the parent body (regular) then the body itself (bold). */
  issuer: { parent?: string; body: string };
  nation: { name: string; motto: string };
  /** "Số: 123/BC-UBND", or with spaces left for a number written by hand. */
  number: string;
  placeDate: string;
  /** "BÁO CÁO" */
  kind: string;
  subject: string;
  /** Paragraphs; one that starts with "-" or "+" is a list item, indented. */
  body: string[];
  recipients: { heading: string; lines: string[] };
  signature: { lines: string[]; name: string | null };
}

const SIZE = 12;
const HEADER_SIZE = 11.5;

export function drawOfficialLetter(doc: PDFKit.PDFDocument, l: OfficialLetter) {
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const issuerWidth = usable * 0.4;
  const nationX = left + usable * 0.4;
  const nationWidth = usable * 0.6;
  const top = doc.page.margins.top;

  // Issuing body: the parent in regular type, the body in bold, a rule under it.
  doc.font('regular').fontSize(HEADER_SIZE).fillColor('#000000');
  if (l.issuer.parent) doc.text(l.issuer.parent, left, top, { width: issuerWidth, align: 'center' });
  doc.font('bold').text(l.issuer.body, left, l.issuer.parent ? undefined : top, {
    width: issuerWidth,
    align: 'center',
  });
  const issuerRuleY = doc.y + 2;
  rule(doc, left + issuerWidth / 2, issuerRuleY, issuerWidth * 0.3);
  doc
    .font('regular')
    .fontSize(HEADER_SIZE)
    .text(l.number, left, issuerRuleY + 8, {
      width: issuerWidth,
      align: 'center',
    });
  const leftBottom = doc.y;

  // The nation and its motto, a rule as long as the motto, then the place and date in italics.
  doc.font('bold').fontSize(HEADER_SIZE).text(l.nation.name, nationX, top, {
    width: nationWidth,
    align: 'center',
    lineBreak: false,
  });
  doc
    .fontSize(HEADER_SIZE + 0.5)
    .text(l.nation.motto, nationX, undefined, { width: nationWidth, align: 'center' });
  const mottoWidth = doc.widthOfString(l.nation.motto);
  const nationRuleY = doc.y + 2;
  rule(doc, nationX + nationWidth / 2, nationRuleY, mottoWidth);
  doc
    .font('regular')
    .fontSize(HEADER_SIZE)
    .text(l.placeDate, nationX, nationRuleY + 8, {
      width: nationWidth,
      align: 'center',
      oblique: true,
    });

  doc.y = Math.max(leftBottom, doc.y) + 22;
  doc
    .font('bold')
    .fontSize(SIZE + 2)
    .text(l.kind, left, undefined, { width: usable, align: 'center' });
  doc
    .font('bold')
    .fontSize(SIZE)
    .text(l.subject, left + usable * 0.1, undefined, {
      width: usable * 0.8,
      align: 'center',
    });
  rule(doc, left + usable / 2, doc.y + 3, usable * 0.2);
  doc.y += 16;

  doc.font('regular').fontSize(SIZE);
  for (const paragraph of l.body) {
    const item = /^[-+]/.test(paragraph);
    doc.text(paragraph, left, undefined, {
      width: usable,
      align: 'justify',
      indent: item ? 28 : 36,
      paragraphGap: 5,
      lineGap: 1.5,
    });
  }
  drawClosing(doc, l, { left, usable });
}

/** "Nơi nhận" on the left and the signature block on the right, kept together on one page. */
function drawClosing(doc: PDFKit.PDFDocument, l: OfficialLetter, box: { left: number; usable: number }) {
  const needed = 150;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 12;
  const half = box.usable / 2;
  doc.font('bold').fontSize(10).text(l.recipients.heading, box.left, top, { width: half, oblique: true });
  doc.font('regular').fontSize(9.5);
  for (const line of l.recipients.lines) doc.text(line, box.left, undefined, { width: half });
  const recipientsBottom = doc.y;

  const x = box.left + half;
  doc.font('bold').fontSize(SIZE);
  doc.text(l.signature.lines[0] ?? '', x, top, { width: half, align: 'center' });
  for (const line of l.signature.lines.slice(1))
    doc.text(line, x, undefined, { width: half, align: 'center' });
  // Room for the signature and the seal.
  doc.y += 62;
  if (l.signature.name) doc.text(l.signature.name, x, undefined, { width: half, align: 'center' });
  doc.x = box.left;
  doc.y = Math.max(doc.y, recipientsBottom);
}

function rule(doc: PDFKit.PDFDocument, centre: number, y: number, length: number) {
  doc
    .save()
    .lineWidth(0.7)
    .strokeColor('#000000')
    .moveTo(centre - length / 2, y)
    .lineTo(centre + length / 2, y)
    .stroke()
    .restore();
}
