/**
 * The public venue list and map (F22): what anyone may learn about a venue before going there, and the
 * manager's safety self-assessment and map point that feed it. No personal data crosses this contract.
 */
import { z } from 'zod';
import { AdminUnitCode, decimalInt } from '../contracts.js';
import { VENUE_CATEGORY_CODES } from '../venue-categories.js';
import { IdParam, Instant, Occupancy } from './common.js';
import { endpoint } from './endpoint.js';

export const VenueStatus = z.enum(['active', 'suspended']);

/** What the QR page shows before a check-in. */
export const PublicVenue = z.object({
  name: z.string(),
  address: z.string(),
  adminUnitName: z.string(),
  category: z.string(),
  status: VenueStatus,
  entrance: z.string(),
  capacity: z.number().nullable(),
  occupancy: Occupancy,
});
export type PublicVenue = z.infer<typeof PublicVenue>;

/** The short checklist a manager confirms (seed 003's "An toàn COVID"), in the order pages show it. */
export const SAFETY_MEASURES = ['masks', 'distance', 'handSanitiser', 'ventilation'] as const;
export type SafetyMeasure = (typeof SAFETY_MEASURES)[number];

export const SafetyChecklist = z.object({
  masks: z.boolean(),
  distance: z.boolean(),
  handSanitiser: z.boolean(),
  ventilation: z.boolean(),
});
export type SafetyChecklist = z.infer<typeof SafetyChecklist>;

/** The checklist as last confirmed; null until the manager first fills it in. */
export const ConfirmedSafety = SafetyChecklist.extend({ confirmedAt: Instant });
export type ConfirmedSafety = z.infer<typeof ConfirmedSafety>;

/** A point on the map (WGS 84 degrees). */
export const MapPoint = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type MapPoint = z.infer<typeof MapPoint>;

/** Longest search text; shorter than any name, so a pasted page is a 400, not a slow scan. */
export const MAX_VENUE_SEARCH_LENGTH = 100;
/** Venues per answer when the query does not say. */
export const PUBLIC_VENUES_PAGE = 20;
/** The most venues one answer lists ("show more" stops there: narrow the search). */
export const PUBLIC_VENUES_MAX = 100;

export const PublicVenueQuery = z.object({
  adminUnit: AdminUnitCode.optional(),
  category: z.enum(VENUE_CATEGORY_CODES).optional(),
  q: z.string().trim().max(MAX_VENUE_SEARCH_LENGTH).optional(),
  limit: decimalInt(1, PUBLIC_VENUES_MAX).optional(),
});
export type PublicVenueQuery = z.input<typeof PublicVenueQuery>;

export const PublicVenueListing = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string(),
  category: z.enum(VENUE_CATEGORY_CODES),
  adminUnitCode: z.string(),
  adminUnitName: z.string().describe('the ward and the province: "Phường Ba Đình, Thành phố Hà Nội"'),
  status: VenueStatus,
  occupancy: Occupancy,
  safety: ConfirmedSafety.nullable(),
  location: MapPoint.nullable(),
});
export type PublicVenueListing = z.infer<typeof PublicVenueListing>;

export const publicVenuesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/public/venues',
    tag: 'public',
    description:
      'Anyone (rate-limited, cached for a few seconds): venues by name or address (`q`, marks optional), unit (old codes resolve) and category, by name. No personal data.',
    query: PublicVenueQuery,
    responses: {
      200: z.object({
        items: z.array(PublicVenueListing),
        asOf: Instant.describe('when the occupancy figures were read'),
      }),
    },
  }),
  setSafety: endpoint({
    method: 'PUT',
    path: '/api/venues/:id/safety',
    tag: 'venues',
    description: "Its manager or an official over it confirms the venue's safety checklist (dated now).",
    params: IdParam,
    body: SafetyChecklist,
    responses: { 200: ConfirmedSafety },
  }),
};
