/** Error messages in the caller's language (Accept-Language: vi default, en), from the text catalogue. */
import type { ErrorCode } from '../errors.js';
import { textsFor, type Lang } from '../texts/index.js';

export { languageOf, type Lang } from '../texts/index.js';

export function messageFor(code: ErrorCode, lang: Lang): string {
  return textsFor(lang).errors[code];
}
