/** Error messages in the caller's language (Accept-Language: vi default, en), from the text catalogue. */
import viSchemaMessages from 'zod/v4/locales/vi.js';
import type { ErrorCode, ErrorDetail } from '../errors.js';
import { textsFor, type Lang } from '../texts/index.js';
import { vietnameseIssue, type SchemaIssue } from '../texts/schema-issues-vi.js';

export { languageOf, type Lang } from '../texts/index.js';

export function messageFor(code: ErrorCode, lang: Lang): string {
  return textsFor(lang).errors[code];
}

const viLocale = viSchemaMessages().localeError as (issue: never) => unknown;

/** Ours first (types and formats said in Vietnamese), zod's Vietnamese locale for the other kinds. */
const SCHEMA_MESSAGES: Partial<Record<Lang, (issue: never) => unknown>> = {
  vi: (issue) => vietnameseIssue(issue as SchemaIssue) ?? viLocale(issue),
};

/**
 * A detail as the caller reads it: a schema's finding worded in their language (zod's own wording for
 * English; for Vietnamese, texts/schema-issues-vi.ts, else zod's Vietnamese locale; a field not there
 * at all, ours), without the finding itself.
 */
export function detailFor({ issue, ...detail }: ErrorDetail, lang: Lang): ErrorDetail {
  if (issue && 'input' in issue && issue.input === undefined && detail.code === 'invalid_type')
    return { ...detail, message: textsFor(lang).fieldMissing };
  // A rule of ours (its issue's message names it): said in the caller's words, in every language.
  const rules: Record<string, string> = textsFor(lang).schemaRules;
  if (detail.code === 'custom' && detail.message && Object.hasOwn(rules, detail.message))
    return { ...detail, message: rules[detail.message] };
  const worded = issue && SCHEMA_MESSAGES[lang]?.(issue as never);
  const message = typeof worded === 'string' ? worded : (worded as { message?: string } | undefined)?.message;
  return message ? { ...detail, message } : detail;
}
