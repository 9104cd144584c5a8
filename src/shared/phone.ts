/**
 * Vietnamese mobile/landline numbers as people type them: `0912345678`, `+84912345678`,
 * `84912345678`, with spaces, dots or dashes. The canonical form is the national one (`0912345678`):
 * it is what a manager types as a username and what staff read out.
 */
const SEPARATORS = /[\s.\-()]/g;
const NATIONAL = /^0[1-9]\d{8,9}$/;

export function normalizePhone(input: string): string | null {
  let digits = input.replace(SEPARATORS, '');
  if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('84') && digits.length >= 11) digits = '0' + digits.slice(2);
  return NATIONAL.test(digits) ? digits : null;
}

/**
 * A phone as venue managers and staff see their visitors' (API v1.1): the first two and last two
 * digits (`09******78`), enough to tell people apart at the door, not to call or trace them.
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return `${phone.slice(0, 2)}${'*'.repeat(phone.length - 4)}${phone.slice(-2)}`;
}
