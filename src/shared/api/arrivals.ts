/**
 * Arrival declarations (F21): where someone arriving from abroad or another province comes from, when,
 * how, and where they will stay; and the list officials of the ward of stay read each day.
 */
import { z } from 'zod';
import { AdminUnitCode, LocalDate, rule, ScopeCode, STATUS_COLOURS, trimmedText } from '../contracts.js';
import { MAX_ADDRESS_LENGTH } from '../limits.js';
import { Instant } from './common.js';
import { endpoint } from './endpoint.js';

export const DECLARATION_KINDS = ['domestic', 'arrival'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

/** Longest flight, train or coach number ("VN 245", "SE1 toa 5 ghế 12"…). */
export const MAX_TRANSPORT_LENGTH = 60;
/** An arrival date may be this many days before or after the day of the declaration. */
export const ARRIVAL_DATE_WINDOW_DAYS = 30;

export const ArrivalFacts = z
  .object({
    /** ISO 3166 alpha-2 of the country arrived from (not VN: from another province, give it). */
    fromCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((s) => s.toUpperCase())
      .refine((s) => s !== 'VN', 'from_province_instead')
      .optional(),
    /** The province arrived from, for arrivals within Vietnam (an old code resolves). */
    fromProvinceCode: AdminUnitCode.optional(),
    arrivalDate: LocalDate,
    transport: z.string().trim().max(MAX_TRANSPORT_LENGTH).optional(),
    stayAddress: trimmedText(MAX_ADDRESS_LENGTH),
    /** The ward (lowest unit) of stay: its officials see the arrival. */
    stayAdminUnitCode: AdminUnitCode,
  })
  .refine((a) => (a.fromCountry === undefined) !== (a.fromProvinceCode === undefined), {
    path: ['fromCountry'],
    ...rule('one_of_country_or_province'),
  });
export type ArrivalFacts = z.infer<typeof ArrivalFacts>;

export const ArrivalListQuery = z.object({ adminUnit: ScopeCode.optional(), date: LocalDate.optional() });

export const Arrival = z.object({
  declarationId: z.string(),
  declaredAt: Instant,
  fullName: z.string(),
  phone: z.string(),
  nationality: z.string().nullable(),
  statusColour: z.enum(STATUS_COLOURS),
  arrivalDate: z.string(),
  fromCountry: z.string().nullable(),
  fromProvinceName: z.string().nullable(),
  transport: z.string().nullable(),
  stayAddress: z.string(),
  stayAdminUnitCode: z.string(),
  stayAdminUnitName: z.string(),
});
export type Arrival = z.infer<typeof Arrival>;

/** Most arrivals one list answer carries (the figure on the dashboard counts them all). */
export const MAX_ARRIVALS_LISTED = 2000;

export const arrivalsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/arrivals',
    tag: 'declarations',
    description:
      "Officials and tracers: arrival declarations (F21) of people staying in a unit of their area (default: the caller's), arriving on `date` (default today), oldest declaration first.",
    query: ArrivalListQuery,
    responses: {
      200: z.object({
        adminUnit: z.string(),
        date: z.string(),
        total: z.number(),
        items: z.array(Arrival),
      }),
    },
  }),
};
