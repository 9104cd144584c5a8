/** The server's text catalogue, one file per language; callers pick the caller's language once. */
import { en } from './en.js';
import { vi, type Texts } from './vi.js';

export type Lang = 'vi' | 'en';
export type { Texts };

const CATALOGUES: Record<Lang, Texts> = { vi, en };

export const textsFor = (lang: Lang): Texts => CATALOGUES[lang];

/** The language of a request (Accept-Language): English when it asks for it first, Vietnamese otherwise. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
