/**
 * Vietnamese written without its marks ("Quán Phở Thìn" → "Quan Pho Thin"), for text messages that are
 * sent in plain ASCII (160 characters a part, shown right on every phone): a message is all plain or
 * all accented, never mixed.
 */
export function plainAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');
}
