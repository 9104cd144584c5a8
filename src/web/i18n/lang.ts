/**
 * Vietnamese first, English second (F16): the language kept on the device, and dates and times as the
 * region writes them. No catalogue here: the check-in page loads only its own (checkin-texts.ts).
 */
import { DEFAULT_TIME_ZONE, TEST_ADDRESS_META, TIME_ZONE_META } from '../../shared/region.js';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'lang';

export function currentLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function setLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
}

/** The region's time zone, as the server's TZ_REGION tells the page (a meta tag it adds). */
let zone: string | undefined;

export function regionTimeZone(): string {
  // Read once: every date and time shown asks for it, and the page's meta tag does not change.
  zone ??=
    document.querySelector(`meta[name="${TIME_ZONE_META}"]`)?.getAttribute('content') || DEFAULT_TIME_ZONE;
  return zone;
}

/** The server runs with a PUBLIC_URL phones cannot open (a meta tag it adds): what is printed is a test. */
export function isTestDeployment(): boolean {
  return document.querySelector(`meta[name="${TEST_ADDRESS_META}"]`) !== null;
}

export function formatTime(iso: string, lang: Lang = currentLang()): string {
  return new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: regionTimeZone(),
  });
}

/** dd/mm/yyyy in the region's time zone, in every language (the way Vietnamese papers write dates). */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: regionTimeZone(),
  });
}

/** dd/mm/yyyy HH:MM (24 h), in the region's time zone. */
export function formatDateTime(iso: string, lang: Lang = currentLang()): string {
  return `${formatDate(iso)} ${formatTime(iso, lang)}`;
}

/** A country's name from its ISO 3166 alpha-2 code, in the UI language (the code when unknown). */
export function countryName(code: string, lang: Lang = currentLang()): string {
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}
