/**
 * Whether the address posters and cards carry (PUBLIC_URL) is one a phone in the street can open. A
 * loopback, private or link-local address, or a `.local`/`.localhost` name, is only for trying the app:
 * whatever is printed then is marked as a test.
 */
import { isIP } from 'node:net';

export function isTestAddress(publicUrl: string): boolean {
  let host: string;
  try {
    host = new URL(publicUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(host) === 6)
    return (
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith('::ffff:127.')
    );
  return false;
}

/** The mark printed on posters and cards made while PUBLIC_URL is a test address. */
export const TEST_PRINT_MARK = 'BẢN THỬ – KHÔNG DÁN, KHÔNG PHÁT (TEST – not for display)';
