/** Vietnamese first, English second (F16): the app's catalogues, and the language tools of lang.ts. */
import { en } from './en.js';
import { currentLang, type Lang } from './lang.js';
import { vi, type Messages } from './vi.js';

export * from './lang.js';

export function messages(lang: Lang = currentLang()): Messages {
  return lang === 'en' ? en : vi;
}

export type { Messages };
