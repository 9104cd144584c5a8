/**
 * Whether a scanned text is the QR of a chip ID card (`id12|id9|name|…`, F20) rather than a personal
 * card: the scanner sends it as `cccdQr`. The server reads and checks every field (domain/cccd.ts).
 */
export function looksLikeChipIdCard(text: string): boolean {
  return /^\d{12}\|/.test(text.trim());
}
