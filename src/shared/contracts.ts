/**
 * The values the API speaks, named once and shared by the server (validation, OpenAPI) and the web
 * app (forms). Every limit is documented where it is declared.
 */
import { z } from 'zod';
import { normalizePhone } from './phone.js';

export * from './limits.js';
import {
  FIRST_BIRTH_YEAR,
  LAST_BIRTH_YEAR,
  MAX_ADDRESS_LENGTH,
  MAX_ID_NUMBER_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PHONE_INPUT_LENGTH,
  MAX_VACCINE_DOSES,
} from './limits.js';
export { CHANNELS, CITIZEN_CHANNELS, STAFF_CHANNELS, type Channel } from './channels.js';

/**
 * The rules a schema checks beyond types and sizes (refinements), each named by the message of its
 * issue; the server words them in the caller's language (texts: `schemaRules`).
 */
export const SCHEMA_RULES = [
  'phone',
  'date_out_of_range',
  'subject_needed',
  'nothing_to_change',
  'one_of_country_or_province',
  'arrival_facts_with_arrival_kind_only',
] as const;
export type SchemaRule = (typeof SCHEMA_RULES)[number];
/** The issue message of a broken rule (typed, so a rule cannot be misspelt). */
export const rule = (name: SchemaRule) => ({ message: name });

export const ROLES = ['admin', 'official', 'tracer', 'venue_manager', 'venue_staff'] as const;
export type Role = (typeof ROLES)[number];

/** Required text, trimmed, at most `max` characters. */
export const trimmedText = (max: number) => z.string().trim().min(1).max(max);

/** First and last calendar day the API accepts: outside them a date is a typo (`0000-01-01`, `9999-12-31`). */
export const FIRST_ACCEPTED_DAY = '2000-01-01';
export const LAST_ACCEPTED_DAY = '2100-12-31';

/** A calendar day `YYYY-MM-DD` (local day of TZ_REGION where it bounds a range). */
export const LocalDate = z.iso
  .date()
  .refine((d) => d >= FIRST_ACCEPTED_DAY && d <= LAST_ACCEPTED_DAY, rule('date_out_of_range'));

const FIRST_ACCEPTED_MS = Date.parse(`${FIRST_ACCEPTED_DAY}T00:00:00Z`);
const LAST_ACCEPTED_MS = Date.parse(`${LAST_ACCEPTED_DAY}T23:59:59Z`);

/** An ISO-8601 instant with offset, within the accepted days. */
export const Timestamp = z.iso.datetime({ offset: true }).refine((t) => {
  const ms = Date.parse(t);
  return ms >= FIRST_ACCEPTED_MS && ms <= LAST_ACCEPTED_MS;
}, rule('date_out_of_range'));

/**
 * A whole number written in plain decimal digits, as a query parameter carries it
 * (`0x10`, `1e1`, ` 1` are not numbers here).
 */
export const decimalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A GSO administrative-unit code: 2 digits (province), 3 (district) or 5 (commune). */
export const AdminUnitCode = z.string().regex(/^\d{2,5}$/, 'admin_unit_code');

/** A signed venue-entrance code as printed in the QR URL: 10-char id, key id, 12-char MAC. */
export const VenueCode = z.string().min(1).max(64);

/** A client-generated UUID that makes a retried write idempotent. */
export const ClientId = z.uuid();

/** A Vietnamese phone number, answered in national form (`0912345678`). */
export const Phone = z
  .string()
  .max(MAX_PHONE_INPUT_LENGTH)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', ...rule('phone') });
      return z.NEVER;
    }
    return phone;
  });

export const Sex = z.enum(['male', 'female', 'other']);

export const Person = z.object({
  fullName: trimmedText(MAX_NAME_LENGTH),
  phone: Phone,
  /** CCCD (12 digits), old CMND (9 digits) or a passport number. */
  idNumber: z
    .string()
    .trim()
    .regex(new RegExp(`^[A-Za-z0-9]{6,${MAX_ID_NUMBER_LENGTH}}$`))
    .optional(),
  birthYear: z.number().int().min(FIRST_BIRTH_YEAR).max(LAST_BIRTH_YEAR).optional(),
  sex: Sex.optional(),
  /** ISO-3166 alpha-2. */
  nationality: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  adminUnitCode: AdminUnitCode.optional(),
  address: z.string().trim().max(MAX_ADDRESS_LENGTH).optional(),
});
export type Person = z.infer<typeof Person>;

/** The six symptoms of the domestic health declaration (tờ khai y tế nội địa), last 14 days. */
export const SYMPTOM_KEYS = [
  'fever',
  'cough',
  'breathlessness',
  'pneumonia',
  'soreThroat',
  'fatigue',
] as const;
/** The three exposure questions, last 14 days. */
export const EXPOSURE_KEYS = ['confirmedCase', 'fromAffectedArea', 'symptomaticPerson'] as const;

/** One yes/no answer per question key. */
const yesNoAnswers = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);

export const Symptoms = yesNoAnswers(SYMPTOM_KEYS);
export type Symptoms = z.infer<typeof Symptoms>;

export const Exposure = yesNoAnswers(EXPOSURE_KEYS);
export type Exposure = z.infer<typeof Exposure>;

/** Most provinces/areas a person can list as visited in 14 days. */
export const MAX_VISITED_AREAS = 63;

/** The answers of a declaration, without the person (used inside a check-in too). */
export const DeclarationAnswers = z.object({
  visitedAreas: z.array(AdminUnitCode).max(MAX_VISITED_AREAS).default([]),
  symptoms: Symptoms,
  exposure: Exposure,
  /** Hotspots (GET /api/hotspots/active) the person says they visited in the window asked. */
  hotspotVisits: z.array(z.number().int().positive()).max(100).default([]),
  vaccineDoses: z.number().int().min(0).max(MAX_VACCINE_DOSES).optional(),
  pledge: z.literal(true),
});
export type DeclarationAnswers = z.infer<typeof DeclarationAnswers>;

export const STATUS_COLOURS = ['green', 'yellow', 'red'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];
/** What a check-in answer shows (F18): a status colour, or `grey` when no declaration is on record. */
export const SHOWN_COLOURS = [...STATUS_COLOURS, 'grey'] as const;
export type ShownColour = (typeof SHOWN_COLOURS)[number];
/** The colour shown for a person whose declaration status is `colour` (null: none on record). */
export const shownColour = (colour: StatusColour | null): ShownColour => colour ?? 'grey';

/** Longest date range (inclusive, local days) a statistics or report request may span. */
export const MAX_RANGE_DAYS = 366;

/** An admin-unit code, or 'VN' for the whole country (national admin only). */
export const ScopeCode = z.union([AdminUnitCode, z.literal('VN')]);

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export const LIST_FORMATS = ['csv', 'xlsx'] as const;
