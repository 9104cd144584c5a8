/**
 * The values the API speaks, named once and shared by the server (validation, OpenAPI) and the web
 * app (forms). Every limit is documented where it is declared.
 */
import { z } from 'zod';
import { normalizePhone } from './phone.js';
import { VENUE_CATEGORY_CODES } from './venue-categories.js';

/** Longest free-text name we store (venue names, person names): fits a poster line and a CSV cell. */
export const MAX_NAME_LENGTH = 200;
/** Longest street address. */
export const MAX_ADDRESS_LENGTH = 300;
/** Longest password accepted (argon2 cost is independent of length, but we bound request size). */
export const MAX_PASSWORD_LENGTH = 200;
/** Shortest password for any account. */
export const MIN_PASSWORD_LENGTH = 8;
/** Biggest capacity a venue may declare (a stadium). */
export const MAX_VENUE_CAPACITY = 200_000;

export const CHANNELS = ['qr_self', 'qr_staff', 'kiosk', 'paper', 'on_behalf'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a citizen uses from their own phone. */
export const CITIZEN_CHANNELS = ['qr_self', 'on_behalf'] as const;

export const ROLES = ['admin', 'official', 'tracer', 'venue_manager', 'venue_staff'] as const;
export type Role = (typeof ROLES)[number];

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** First and last calendar day the API accepts: outside them a date is a typo (`0000-01-01`, `9999-12-31`). */
export const FIRST_ACCEPTED_DAY = '2000-01-01';
export const LAST_ACCEPTED_DAY = '2100-12-31';

/** A calendar day `YYYY-MM-DD` (local day of TZ_REGION where it bounds a range). */
export const LocalDate = z.iso
  .date()
  .refine((d) => d >= FIRST_ACCEPTED_DAY && d <= LAST_ACCEPTED_DAY, { message: 'date_out_of_range' });

const FIRST_ACCEPTED_MS = Date.parse(`${FIRST_ACCEPTED_DAY}T00:00:00Z`);
const LAST_ACCEPTED_MS = Date.parse(`${LAST_ACCEPTED_DAY}T23:59:59Z`);

/** An ISO-8601 instant with offset, within the accepted days. */
export const Timestamp = z.iso.datetime({ offset: true }).refine(
  (t) => {
    const ms = Date.parse(t);
    return ms >= FIRST_ACCEPTED_MS && ms <= LAST_ACCEPTED_MS;
  },
  { message: 'date_out_of_range' },
);

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
  .max(20)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'phone' });
      return z.NEVER;
    }
    return phone;
  });

export const Sex = z.enum(['male', 'female', 'other']);

export const Person = z.object({
  fullName: trimmed(MAX_NAME_LENGTH),
  phone: Phone,
  /** CCCD (12 digits), old CMND (9 digits) or a passport number. */
  idNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6,20}$/)
    .optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
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

export const VenueRegistration = z.object({
  name: trimmed(MAX_NAME_LENGTH),
  category: z.enum(VENUE_CATEGORY_CODES),
  adminUnitCode: AdminUnitCode,
  address: trimmed(MAX_ADDRESS_LENGTH),
  contactName: trimmed(MAX_NAME_LENGTH),
  contactPhone: Phone,
  capacity: z.number().int().min(1).max(MAX_VENUE_CAPACITY).optional(),
  managerPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).optional(),
});
export type VenueRegistration = z.infer<typeof VenueRegistration>;

export const CitizenCheckIn = z.object({
  venueCode: VenueCode,
  clientId: ClientId,
  channel: z.enum(CITIZEN_CHANNELS),
  person: Person,
  /** A health declaration made at entry (F5); its flag is shown on the confirmation. */
  declaration: z.lazy(() => DeclarationAnswers).optional(),
});
export type CitizenCheckIn = z.infer<typeof CitizenCheckIn>;

export const CheckOut = z.object({ checkoutToken: z.string().max(100).optional() });

export const Login = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const NewUser = z.object({
  username: z.string().trim().min(3).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  role: z.enum(ROLES),
  adminUnitCode: AdminUnitCode.optional(),
  venueIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type NewUser = z.infer<typeof NewUser>;

/** The six symptoms of the domestic health declaration (tờ khai y tế nội địa), last 14 days. */
export const Symptoms = z.object({
  fever: z.boolean(),
  cough: z.boolean(),
  breathlessness: z.boolean(),
  pneumonia: z.boolean(),
  soreThroat: z.boolean(),
  fatigue: z.boolean(),
});
export type Symptoms = z.infer<typeof Symptoms>;

/** The three exposure questions, last 14 days. */
export const Exposure = z.object({
  confirmedCase: z.boolean(),
  fromAffectedArea: z.boolean(),
  symptomaticPerson: z.boolean(),
});
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
  vaccineDoses: z.number().int().min(0).max(10).optional(),
  pledge: z.literal(true),
});
export type DeclarationAnswers = z.infer<typeof DeclarationAnswers>;

export const DeclarationSubmission = DeclarationAnswers.extend({
  clientId: ClientId,
  person: Person,
  /** `on_behalf`: a family member's declaration made on this device. */
  onBehalf: z.boolean().optional(),
});
export type DeclarationSubmission = z.infer<typeof DeclarationSubmission>;

export const STATUS_COLOURS = ['green', 'yellow', 'red'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

export const STAFF_CHANNELS = ['qr_staff', 'kiosk', 'paper'] as const;

export const StaffCheckIn = z.object({
  clientId: ClientId,
  channel: z.enum(STAFF_CHANNELS),
  /** The personal card's QR content (URL or bare code). */
  cardQr: z.string().trim().min(1).max(300).optional(),
  person: Person.optional(),
  /** When the person entered (paper entries typed in later, offline scans synced later); never in the future. */
  at: Timestamp.optional(),
  /** A paper declaration typed in with the entry. */
  declaration: DeclarationAnswers.optional(),
});
export type StaffCheckIn = z.infer<typeof StaffCheckIn>;

const Colour = z.enum(STATUS_COLOURS);
/** A province's (or the national) status-colour rules; omitted fields inherit from the level above. */
export const StatusRulesPatch = z
  .object({
    confirmedCase: Colour,
    symptomaticPerson: Colour,
    fromAffectedArea: Colour,
    anySymptom: Colour,
    hotspotVisit: Colour,
    symptomsWithExposure: Colour,
    noRecentDeclaration: Colour,
    declarationValidDays: z.number().int().min(1).max(60),
  })
  .partial();

/** Longest hotspot window officials may declare at once. */
export const MAX_HOTSPOT_DAYS = 90;

export const NewHotspot = z.object({
  adminUnitCode: AdminUnitCode,
  from: LocalDate,
  to: LocalDate,
  note: z.string().trim().max(500).optional(),
});

/** Longest date range (inclusive, local days) a statistics or report request may span. */
export const MAX_RANGE_DAYS = 366;

/** An admin-unit code, or 'VN' for the whole country (national admin only). */
export const ScopeCode = z.union([AdminUnitCode, z.literal('VN')]);

/** `from`–`to` inclusive local days; both default to today, `from` defaults to `to`. */
export const DateRangeQuery = z.object({
  adminUnit: ScopeCode.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});

/** Compliance: venues silent for this many days or more are listed (F10). */
export const DEFAULT_SILENT_DAYS = 3;
/** Compliance: child units whose share of active venues is below this target are listed. */
export const DEFAULT_ACTIVE_SHARE_TARGET = 0.8;

export const ReminderRequest = z.object({
  venueIds: z.array(z.number().int().positive()).min(1).max(5000),
  message: z.string().trim().min(1).max(500),
  sms: z.boolean().default(true),
});

export const NewDeadline = z.object({
  adminUnitCode: AdminUnitCode,
  category: z.string().max(40).nullable().optional(),
  deadline: LocalDate,
  note: z.string().trim().max(300).optional(),
});

export const PopulationUpdate = z.object({ population: z.number().int().positive().max(20_000_000) });

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export const LIST_FORMATS = ['csv', 'xlsx'] as const;

/** Tracing window when none is given: the last 14 days (F12). */
export const DEFAULT_TRACING_DAYS = 14;
/** A case's stay is widened by this many minutes on both sides unless the tracer says otherwise. */
export const DEFAULT_TRACING_MARGIN_MINUTES = 30;

export const Purpose = z
  .string()
  .trim()
  .min(5)
  .max(500)
  .describe('why this look-up is needed (written to the audit log)');

export const TracingSubject = z
  .object({
    phone: Phone.optional(),
    idNumber: z.string().trim().min(6).max(20).optional(),
    cardQr: z.string().trim().min(1).max(300).optional(),
  })
  .refine((s) => Boolean(s.phone || s.idNumber || s.cardQr), { message: 'phone, idNumber or cardQr' });

export const TracingRequest = z.object({
  subject: TracingSubject,
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  purpose: Purpose,
  depth: z.union([z.literal(1), z.literal(2)]).default(1),
  marginMinutes: z.number().int().min(0).max(240).optional(),
  /** Leave a notice on every F1 check-in (shown on their device) and text them. */
  notify: z.boolean().default(false),
});

export const VenueWindow = z.object({
  venueId: z.number().int().positive(),
  from: Timestamp,
  to: Timestamp,
  purpose: Purpose,
  note: z.string().trim().max(300).optional(),
});

export const HistoryRequest = z.object({
  items: z.array(z.object({ id: z.uuid(), checkoutToken: z.string().min(1).max(100) })).max(100),
});
