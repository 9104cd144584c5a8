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
  /** Declarations arrive with the health-declaration issue; accepted and ignored until then. */
  declaration: z.unknown().optional(),
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
