/** Venues: registration, details, QR files, suspension, today's entries, kiosks. */
import { z } from 'zod';
import {
  AdminUnitCode,
  decimalInt,
  MAX_ADDRESS_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_VENUE_CAPACITY,
  MIN_PASSWORD_LENGTH,
  Phone,
  rule,
  STATUS_COLOURS,
  trimmedText,
  VenueCode,
} from '../contracts.js';
import { VENUE_CATEGORY_CODES } from '../venue-categories.js';
import { IdParam, Instant, itemsOf } from './common.js';
import { endpoint } from './endpoint.js';
import { ConfirmedSafety, MapPoint, PublicVenue, VenueStatus } from './public-venues.js';

export type { PublicVenue } from './public-venues.js';

export const VenueRegistration = z.object({
  name: trimmedText(MAX_NAME_LENGTH),
  category: z.enum(VENUE_CATEGORY_CODES),
  adminUnitCode: AdminUnitCode,
  address: trimmedText(MAX_ADDRESS_LENGTH),
  contactName: trimmedText(MAX_NAME_LENGTH),
  contactPhone: Phone,
  capacity: z.number().int().min(1).max(MAX_VENUE_CAPACITY).optional(),
  managerPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).optional(),
  /** Where the venue is on the public map (F22). */
  location: MapPoint.optional(),
});
export type VenueRegistration = z.infer<typeof VenueRegistration>;

/** How often the door's page (the manager's today list) asks for it again: polling keeps app nodes stateless. */
export const TODAY_LIST_REFRESH_MS = 5000;

/** Longest reason given for suspending or reinstating a venue. */
export const MAX_STATUS_REASON_LENGTH = 500;

export const VenueDetail = z.object({
  id: z.number(),
  name: z.string(),
  category: z.enum(VENUE_CATEGORY_CODES),
  adminUnitCode: z.string(),
  adminUnitName: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  capacity: z.number().nullable(),
  status: VenueStatus,
  statusReason: z.string().nullable(),
  registeredBy: z.enum(['self', 'official']),
  createdAt: Instant,
  location: MapPoint.nullable(),
  safety: ConfirmedSafety.nullable(),
  entrances: z.array(z.lazy(() => Entrance)),
  statusHistory: z
    .array(z.object({ status: VenueStatus, reason: z.string(), at: Instant, by: z.string().nullable() }))
    .describe('suspensions and reinstatements, newest first'),
});

export type VenueDetail = z.infer<typeof VenueDetail>;

/** An entrance with its own signed code and check-in URL (F2); an inactive one checks nobody in. */
export const Entrance = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  checkInUrl: z.string(),
  active: z.boolean(),
});
export type Entrance = z.infer<typeof Entrance>;

export const VenueChange = z
  .object({
    name: trimmedText(MAX_NAME_LENGTH).optional(),
    category: z.enum(VENUE_CATEGORY_CODES).optional(),
    address: trimmedText(MAX_ADDRESS_LENGTH).optional(),
    contactName: trimmedText(MAX_NAME_LENGTH).optional(),
    contactPhone: Phone.optional(),
    capacity: z.number().int().min(1).max(MAX_VENUE_CAPACITY).nullable().optional(),
    /** null takes the venue off the map (it stays in the public list). */
    location: MapPoint.nullable().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, rule('nothing_to_change'));

const EntranceParams = IdParam.extend({ entranceId: IdParam.shape.id });

const StatusChange = z.object({ reason: z.string().trim().min(1).max(MAX_STATUS_REASON_LENGTH) });
const StatusChanged = z.object({ id: z.number(), status: VenueStatus, statusReason: z.string() });

/** The venue QR as a file; `entrance` picks an entrance (main entrance by default). */
const qrFile = (file: string, format: string) =>
  endpoint({
    method: 'GET',
    path: `/api/venues/:id/${file}` as const,
    tag: 'venues',
    description: `The venue QR as ${format} (\`entrance\` picks an entrance; main entrance by default).`,
    params: IdParam,
    query: z.object({ entrance: decimalInt(1, Number.MAX_SAFE_INTEGER).optional() }),
  });

export const TodayCheckIn = z.object({
  id: z.string(),
  fullName: z.string(),
  phone: z.string(),
  channel: z.string(),
  checkedInAt: Instant,
  checkedOutAt: Instant.nullable(),
  flagged: z.boolean(),
  statusColour: z.enum(STATUS_COLOURS).nullable(),
});
export type TodayCheckIn = z.infer<typeof TodayCheckIn>;

export const Kiosk = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: Instant,
  revokedAt: Instant.nullable(),
});

export const venuesApi = {
  register: endpoint({
    method: 'POST',
    path: '/api/venues',
    tag: 'venues',
    description:
      'Self-registration (anyone; creates the manager account `username = contactPhone`) or registration by an official.',
    body: VenueRegistration,
    responses: {
      201: z.object({ id: z.number(), code: z.string(), checkInUrl: z.string(), status: VenueStatus }),
    },
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/venues',
    tag: 'venues',
    description: 'The venues the caller manages or staffs.',
    responses: {
      200: itemsOf(z.object({ id: z.number(), name: z.string(), address: z.string(), status: VenueStatus })),
    },
  }),
  detail: endpoint({
    method: 'GET',
    path: '/api/venues/:id',
    tag: 'venues',
    params: IdParam,
    responses: { 200: VenueDetail },
  }),
  byCode: endpoint({
    method: 'GET',
    path: '/api/venues/by-code/:code',
    tag: 'venues',
    params: z.object({ code: VenueCode }),
    responses: { 200: PublicVenue },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/venues/:id',
    tag: 'venues',
    description:
      'Its manager or an official over it changes the venue (fields given only; `capacity: null` removes it).',
    params: IdParam,
    body: VenueChange,
    responses: { 200: VenueDetail },
  }),
  entrances: endpoint({
    method: 'GET',
    path: '/api/venues/:id/entrances',
    tag: 'venues',
    params: IdParam,
    responses: { 200: itemsOf(Entrance) },
  }),
  addEntrance: endpoint({
    method: 'POST',
    path: '/api/venues/:id/entrances',
    tag: 'venues',
    description: 'A new entrance with its own signed code, check-in URL and poster.',
    params: IdParam,
    body: z.object({ name: trimmedText(MAX_NAME_LENGTH) }),
    responses: { 201: Entrance },
  }),
  updateEntrance: endpoint({
    method: 'PATCH',
    path: '/api/venues/:id/entrances/:entranceId',
    tag: 'venues',
    description:
      "Renames or (de)activates an entrance; an inactive entrance's code gets 404 venue_not_found. The last active entrance cannot be deactivated (400).",
    params: EntranceParams,
    body: z
      .object({ name: trimmedText(MAX_NAME_LENGTH).optional(), active: z.boolean().optional() })
      .refine((c) => Object.keys(c).length > 0, rule('nothing_to_change')),
    responses: { 200: Entrance },
  }),
  entrancePoster: endpoint({
    method: 'GET',
    path: '/api/venues/:id/entrances/:entranceId/poster.pdf',
    tag: 'venues',
    description: 'The A4 poster of one entrance (its manager, officials over it).',
    params: EntranceParams,
  }),
  posterPdf: qrFile('poster.pdf', 'PDF'),
  qrPng: qrFile('qr.png', 'PNG'),
  qrSvg: qrFile('qr.svg', 'SVG'),
  suspend: endpoint({
    method: 'POST',
    path: '/api/venues/:id/suspend',
    tag: 'venues',
    params: IdParam,
    body: StatusChange,
    responses: { 200: StatusChanged },
  }),
  reinstate: endpoint({
    method: 'POST',
    path: '/api/venues/:id/reinstate',
    tag: 'venues',
    params: IdParam,
    body: StatusChange,
    responses: { 200: StatusChanged },
  }),
  today: endpoint({
    method: 'GET',
    path: '/api/venues/:id/today',
    tag: 'venues',
    description: "Today's check-ins (local day), counts per channel, and the number of people inside now.",
    params: IdParam,
    responses: {
      200: z.object({
        date: z.string(),
        capacity: z.number().nullable(),
        inside: z.number(),
        total: z.number(),
        byChannel: z.record(z.string(), z.number()),
        items: z.array(TodayCheckIn),
      }),
    },
  }),
  kiosks: endpoint({
    method: 'GET',
    path: '/api/venues/:id/kiosks',
    tag: 'venues',
    description: "The venue's kiosks (its manager, officials over it); tokens are never shown again.",
    params: IdParam,
    responses: { 200: itemsOf(Kiosk) },
  }),
  enrolKiosk: endpoint({
    method: 'POST',
    path: '/api/venues/:id/kiosks',
    tag: 'venues',
    description:
      'Its manager enrols an unattended kiosk. The device token is shown once; the device sends `Authorization: Kiosk <deviceToken>` and may only record check-ins at this venue.',
    params: IdParam,
    body: z.object({ name: trimmedText(MAX_NAME_LENGTH) }),
    responses: { 201: z.object({ id: z.number(), name: z.string(), deviceToken: z.string() }) },
  }),
  revokeKiosk: endpoint({
    method: 'DELETE',
    path: '/api/venues/:id/kiosks/:kioskId',
    tag: 'venues',
    description: 'Revokes a kiosk (its manager, officials over it): its token stops working at once.',
    params: IdParam.extend({ kioskId: IdParam.shape.id }),
  }),
};
