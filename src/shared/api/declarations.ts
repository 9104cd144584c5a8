/** Health declarations (F5), personal QR cards, hotspots, status-colour rules. */
import { z } from 'zod';
import {
  AdminUnitCode,
  ClientId,
  DeclarationAnswers,
  LocalDate,
  Person,
  rule,
  STATUS_COLOURS,
} from '../contracts.js';
import { IdParam, Instant, itemsOf, UuidParam } from './common.js';
import { endpoint } from './endpoint.js';
import { ArrivalFacts, DECLARATION_KINDS } from './arrivals.js';

export const DeclarationSubmission = DeclarationAnswers.extend({
  clientId: ClientId,
  person: Person,
  /** `on_behalf`: a family member's declaration made on this device. */
  onBehalf: z.boolean().optional(),
  /** `arrival` (F21): with `arrival`, the facts of the journey and the stay. */
  kind: z.enum(DECLARATION_KINDS).default('domestic'),
  arrival: ArrivalFacts.optional(),
}).refine((d) => (d.kind === 'arrival') === (d.arrival !== undefined), {
  path: ['arrival'],
  ...rule('arrival_facts_with_arrival_kind_only'),
});
export type DeclarationSubmission = z.infer<typeof DeclarationSubmission>;

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
    /** The colour of someone found as F1 by a look-up with `notify`, for `tracedContactDays` days. */
    tracedContact: Colour,
    tracedContactDays: z.number().int().min(1).max(60),
  })
  .partial();
const StatusRules = StatusRulesPatch.required();

/** Longest hotspot window officials may declare at once. */
export const MAX_HOTSPOT_DAYS = 90;
/** Longest note on a hotspot. */
export const MAX_HOTSPOT_NOTE_LENGTH = 500;

export const NewHotspot = z.object({
  adminUnitCode: AdminUnitCode,
  from: LocalDate,
  to: LocalDate,
  note: z.string().trim().max(MAX_HOTSPOT_NOTE_LENGTH).optional(),
});

export const Card = z.object({
  id: z.string(),
  qr: z.string().describe('QR content: a URL with the signed card code, no personal data'),
  number: z.string(),
  fullName: z.string(),
  status: z.enum(['active', 'revoked']),
  holderToken: z.string().describe('Kept by the device that received the card: print, reissue, revoke'),
});

const DeclarationAnswer = z.object({
  id: z.string(),
  declaredAt: Instant,
  flagged: z.boolean(),
  statusColour: Colour,
  card: Card,
});
const HolderToken = z.object({ holderToken: z.string().min(1).max(100) });
/** Cards printed in one go: two sheets, a large family. */
export const MAX_CARDS_PRINTED = 8;
const HolderQuery = z.object({ token: z.string().min(1).max(100) });
const RulesScope = z.object({ scope: z.string().regex(/^(VN|\d{2})$/) });

export const Hotspot = z.object({
  id: z.number(),
  adminUnitCode: z.string(),
  adminUnitName: z.string(),
  from: z.string(),
  to: z.string(),
  note: z.string().nullable(),
});
export type ActiveHotspot = z.infer<typeof Hotspot>;

export const declarationsApi = {
  submit: endpoint({
    method: 'POST',
    path: '/api/declarations',
    tag: 'declarations',
    description:
      'Health declaration (F5), domestic or on arrival (F21, `kind: "arrival"` with `arrival`). Issues the personal QR card on the first one. Idempotent on clientId.',
    body: DeclarationSubmission,
    responses: { 200: DeclarationAnswer, 201: DeclarationAnswer },
  }),
  activeHotspots: endpoint({
    method: 'GET',
    path: '/api/hotspots/active',
    tag: 'declarations',
    description: 'Hotspot areas the declaration form asks about (window ended less than 21 days ago).',
    responses: { 200: itemsOf(Hotspot) },
  }),
  createHotspot: endpoint({
    method: 'POST',
    path: '/api/hotspots',
    tag: 'declarations',
    description: 'Officials and tracers mark an admin unit of their area as a hotspot for a date window.',
    body: NewHotspot,
    responses: {
      201: z.object({ id: z.number(), adminUnitCode: z.string(), fromDate: z.string(), toDate: z.string() }),
    },
  }),
  deleteHotspot: endpoint({
    method: 'DELETE',
    path: '/api/hotspots/:id',
    tag: 'declarations',
    params: IdParam,
  }),
  statusRules: endpoint({
    method: 'GET',
    path: '/api/status-rules/:scope',
    tag: 'declarations',
    params: RulesScope,
    responses: { 200: StatusRules },
  }),
  setStatusRules: endpoint({
    method: 'PUT',
    path: '/api/status-rules/:scope',
    tag: 'declarations',
    description:
      'Admin: national (`VN`) or any province; an official: their own province. Omitted fields inherit.',
    params: RulesScope,
    body: StatusRulesPatch,
    responses: { 200: StatusRules },
  }),
  card: endpoint({
    method: 'GET',
    path: '/api/cards/:id',
    tag: 'cards',
    description: 'The card and its current colour, for the device that holds it (`token` = holderToken).',
    params: UuidParam,
    query: HolderQuery,
    responses: {
      200: Card.extend({
        statusColour: Colour.nullable(),
        flagged: z.boolean().nullable(),
        declaredAt: Instant.nullable(),
      }),
    },
  }),
  cardPdf: endpoint({
    method: 'GET',
    path: '/api/cards/:id/card.pdf',
    tag: 'cards',
    params: UuidParam,
    query: HolderQuery,
  }),
  printCards: endpoint({
    method: 'POST',
    path: '/api/cards/print',
    tag: 'cards',
    description:
      'Several cards held on one device (a family) printed together at ID-card size, four to an A4 sheet, with crop marks. Each card needs its holder token.',
    body: z.object({
      cards: z
        .array(z.object({ id: z.uuid(), ...HolderToken.shape }))
        .min(1)
        .max(MAX_CARDS_PRINTED),
    }),
  }),
  reissueCard: endpoint({
    method: 'POST',
    path: '/api/cards/:id/reissue',
    tag: 'cards',
    params: UuidParam,
    body: HolderToken,
    responses: { 201: Card },
  }),
  revokeCard: endpoint({
    method: 'POST',
    path: '/api/cards/:id/revoke',
    tag: 'cards',
    params: UuidParam,
    body: HolderToken,
    responses: { 200: z.object({ id: z.string(), status: z.literal('revoked') }) },
  }),
};
