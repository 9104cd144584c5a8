/** Entries: citizens at the venue QR, staff and kiosks at the door, check-outs. */
import { z } from 'zod';
import {
  CITIZEN_CHANNELS,
  ClientId,
  DeclarationAnswers,
  Person,
  Phone,
  STAFF_CHANNELS,
  SHOWN_COLOURS,
  Timestamp,
  VenueCode,
} from '../contracts.js';
import { IdParam, Instant, itemsOf, Occupancy, UuidParam } from './common.js';
import { endpoint } from './endpoint.js';

export const CitizenCheckIn = z.object({
  venueCode: VenueCode,
  clientId: ClientId,
  channel: z.enum(CITIZEN_CHANNELS),
  person: Person,
  /** A health declaration made at entry (F5); its flag is shown on the confirmation. */
  declaration: DeclarationAnswers.optional(),
});
export type CitizenCheckIn = z.infer<typeof CitizenCheckIn>;

export const StaffCheckIn = z.object({
  clientId: ClientId,
  channel: z.enum(STAFF_CHANNELS),
  /** The personal card's QR content (URL or bare code). */
  cardQr: z.string().trim().min(1).max(300).optional(),
  /** The text of the QR printed on a chip ID card (F20), instead of `cardQr`/`person`. */
  cccdQr: z.string().trim().min(1).max(500).optional(),
  person: Person.optional(),
  /** When the person entered (paper entries typed in later, offline scans synced later); never in the future. */
  at: Timestamp.optional(),
  /** A paper declaration typed in with the entry. */
  declaration: DeclarationAnswers.optional(),
});
export type StaffCheckIn = z.infer<typeof StaffCheckIn>;

export const CheckInAnswer = z.object({
  id: z.string(),
  checkedInAt: Instant,
  venue: z.object({ name: z.string() }),
  flagged: z.boolean(),
  checkoutToken: z.string(),
  person: z.object({ fullName: z.string() }),
  statusColour: z
    .enum(SHOWN_COLOURS)
    .describe('Status colour shown to staff (F18); `grey` when no declaration is on record'),
  occupancy: Occupancy,
});
export type CheckInAnswer = z.infer<typeof CheckInAnswer>;

export const checkInsApi = {
  citizen: endpoint({
    method: 'POST',
    path: '/api/check-ins',
    tag: 'check-ins',
    description:
      'Citizen self check-in from the venue QR page. Repeating a clientId returns the first result (200).',
    body: CitizenCheckIn,
    responses: { 200: CheckInAnswer, 201: CheckInAnswer },
  }),
  staff: endpoint({
    method: 'POST',
    path: '/api/venues/:id/check-ins',
    tag: 'check-ins',
    description:
      'Venue staff or a kiosk record an entry: by personal card (`cardQr`), by chip ID card (`cccdQr`: `id12|id9|name|ddmmyyyy|sex|address|ddmmyyyy`, channel `qr_staff` or `kiosk`; not such a card: 400 `cccd_invalid`), by person, or from a paper declaration (`paper`, with `at` and optional `declaration`). Repeating a clientId returns the first result (200).',
    params: IdParam,
    body: StaffCheckIn,
    responses: { 200: CheckInAnswer, 201: CheckInAnswer },
  }),
  peopleByPhone: endpoint({
    method: 'GET',
    path: '/api/venues/:id/people',
    tag: 'check-ins',
    description:
      'Staff look-up by phone when a person has no card at hand: names and status colours of its card holders.',
    params: IdParam,
    query: z.object({ phone: Phone }),
    responses: {
      200: itemsOf(
        z.object({
          fullName: z.string(),
          phone: z.string(),
          cardNumber: z.string(),
          statusColour: z.enum(SHOWN_COLOURS),
          flagged: z.boolean(),
        }),
      ),
    },
  }),
  checkOut: endpoint({
    method: 'POST',
    path: '/api/check-ins/:id/check-out',
    tag: 'check-ins',
    description: 'By the device holding the checkoutToken, or by the venue staff (session).',
    params: UuidParam,
    body: z.object({ checkoutToken: z.string().max(100).optional() }),
    responses: { 200: z.object({ checkedOutAt: Instant }) },
  }),
};
