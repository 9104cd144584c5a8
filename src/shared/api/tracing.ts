/** Contact tracing (F12–F13), its audit log, and a device's own history and notices. */
import { z } from 'zod';
import { LIST_FORMATS, LocalDate, Phone, rule, Timestamp, trimmedText } from '../contracts.js';
import { MAX_NAME_LENGTH } from '../limits.js';
import { DayRange, Instant, itemsOf, NamedPerson, UuidParam } from './common.js';
import { VenueStatus } from './public-venues.js';
import { endpoint } from './endpoint.js';

/** Tracing window when none is given: the last 14 days (F12). */
export const DEFAULT_TRACING_DAYS = 14;
/** A case's stay is widened by this many minutes on both sides unless the tracer says otherwise. */
export const DEFAULT_TRACING_MARGIN_MINUTES = 30;
/** Widest margin a tracer may ask for. */
export const MAX_TRACING_MARGIN_MINUTES = 240;
/** Longest purpose written to the audit log. */
export const MAX_PURPOSE_LENGTH = 500;

export const Purpose = z
  .string()
  .trim()
  .min(5)
  .max(MAX_PURPOSE_LENGTH)
  .describe('why this look-up is needed (written to the audit log)');

export const TracingSubject = z
  .object({
    phone: Phone.optional(),
    idNumber: z.string().trim().min(6).max(20).optional(),
    cardQr: z.string().trim().min(1).max(300).optional(),
    /** Narrows a phone or ID number several people use (a family on one phone) to one of them. */
    fullName: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
  })
  .refine((s) => Boolean(s.phone || s.idNumber || s.cardQr), rule('subject_needed'));

export const TracingRequest = z.object({
  subject: TracingSubject,
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  purpose: Purpose,
  depth: z.union([z.literal(1), z.literal(2)]).default(1),
  marginMinutes: z.number().int().min(0).max(MAX_TRACING_MARGIN_MINUTES).optional(),
  /** Leave a notice on every F1 check-in (shown on their device) and text them. */
  notify: z.boolean().default(false),
});
export type TracingRequest = z.infer<typeof TracingRequest>;

export const VenueWindow = z.object({
  venueId: z.number().int().positive(),
  from: Timestamp,
  to: Timestamp,
  purpose: Purpose,
  note: z.string().trim().max(300).optional(),
});
export type VenueWindow = z.infer<typeof VenueWindow>;

/** Most check-ins one device may ask about at once. */
export const MAX_HISTORY_ITEMS = 100;
export const HistoryRequest = z.object({
  items: z
    .array(z.object({ id: z.uuid(), checkoutToken: z.string().min(1).max(100) }))
    .max(MAX_HISTORY_ITEMS),
});

export const Visit = z.object({
  checkInId: z.string(),
  venueId: z.number(),
  venueName: z.string(),
  checkedInAt: Instant,
  checkedOutAt: Instant.nullable(),
});
export const Contact = z.object({
  person: NamedPerson,
  venueId: z.number(),
  venueName: z.string(),
  overlapMinutes: z.number(),
  level: z.union([z.literal(1), z.literal(2)]),
  firstContactAt: Instant,
});
export const TracingAnswer = z.object({
  subject: NamedPerson.nullable(),
  from: z.string(),
  to: z.string(),
  marginMinutes: z.number(),
  visits: z.array(Visit),
  contacts: z.array(Contact),
  notified: z.number(),
});
export type TracingAnswer = z.infer<typeof TracingAnswer>;

export const PresentPerson = z.object({ person: NamedPerson, overlapMinutes: z.number(), firstAt: Instant });
export type PresentPerson = z.infer<typeof PresentPerson>;

export const AuditEntry = z.object({
  at: Instant,
  actor: z.string(),
  actorRole: z.string(),
  action: z.string(),
  purpose: z.string(),
  subject: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.number()),
});

export const HistoryEntry = z.object({
  id: z.string(),
  venueName: z.string(),
  checkedInAt: Instant,
  checkedOutAt: Instant.nullable(),
  hotline: z.string().describe("whom to call about this venue's notices: its province's health hotline"),
  notices: z.array(
    z.object({
      kind: z.enum(['contact', 'venue_exposure']),
      exposureFrom: Instant,
      exposureTo: Instant,
      createdAt: Instant,
    }),
  ),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** Longest name of a saved case ("BN-0001, chợ Long Biên"). */
export const MAX_CASE_LABEL_LENGTH = 100;
/** Saved cases listed at once, newest first. */
export const CASES_LISTED = 100;

/** A tracing look-up saved as a case: the same request, and the name the team knows it by. */
export const CaseRequest = TracingRequest.extend({ label: trimmedText(MAX_CASE_LABEL_LENGTH) });

export const CaseSummary = z.object({
  id: z.string(),
  label: z.string(),
  purpose: z.string(),
  savedAt: Instant,
  savedBy: z.string(),
  subjectName: z.string().nullable(),
  from: LocalDate,
  to: LocalDate,
  contacts: z.number(),
  notified: z.number().describe('notices sent when the case was traced'),
  closedAt: Instant.nullable().describe('when the team closed the case (null: open)'),
  closedBy: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const SavedCase = CaseSummary.extend({
  answer: TracingAnswer.describe('the result as it was when the case was saved'),
  trail: z
    .array(z.object({ at: Instant, username: z.string(), action: z.string() }))
    .describe("the case's own audit trail: saved, opened, exported, closed, reopened"),
});
export type SavedCase = z.infer<typeof SavedCase>;

/** A venue as the tracer chooses it: enough to tell two shops of one name apart. */
export const TracedVenue = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string(),
  place: z.string().describe('ward, province'),
  status: VenueStatus,
});
export type TracedVenue = z.infer<typeof TracedVenue>;

/** Venues listed for one search of the tracer. */
export const TRACED_VENUES_LISTED = 20;

export const tracingApi = {
  trace: endpoint({
    method: 'POST',
    path: '/api/tracing/queries',
    tag: 'tracing',
    description:
      'F0 → visits and contacts (F1; F2 with depth 2) whose stays overlapped at the same venue, widened by `marginMinutes` (default 30). Default window: the last 14 days. A purpose is required; every query is audited. `?format=csv|xlsx` answers the contact list as a file.',
    query: z.object({ format: z.enum(LIST_FORMATS).optional() }),
    body: TracingRequest,
    responses: { 200: TracingAnswer },
  }),
  saveCase: endpoint({
    method: 'POST',
    path: '/api/tracing/cases',
    tag: 'tracing',
    description:
      'Traces like POST /api/tracing/queries (audited, notifies when asked) and saves the result as a case that tracers and officials of the area can reopen without repeating the look-up.',
    body: CaseRequest,
    responses: { 201: SavedCase },
  }),
  cases: endpoint({
    method: 'GET',
    path: '/api/tracing/cases',
    tag: 'tracing',
    description: "Saved cases of the caller's area, newest first (no personal data but the case's name).",
    responses: { 200: itemsOf(CaseSummary) },
  }),
  openCase: endpoint({
    method: 'GET',
    path: '/api/tracing/cases/:id',
    tag: 'tracing',
    description:
      'A saved case with its result as it was saved and its trail; opening it is audited. `?format=csv|xlsx` answers its contact list as a file.',
    params: UuidParam,
    query: z.object({ format: z.enum(LIST_FORMATS).optional() }),
    responses: { 200: SavedCase },
  }),
  closeCase: endpoint({
    method: 'PATCH',
    path: '/api/tracing/cases/:id',
    tag: 'tracing',
    description:
      'Closes a saved case the team is done with (`closed: true`) or reopens it (`false`); audited, in its trail (answered with it, without the result). Closed cases are listed after the open ones.',
    params: UuidParam,
    body: z.object({ closed: z.boolean() }),
    responses: { 200: SavedCase.omit({ answer: true }) },
  }),
  venuesToTrace: endpoint({
    method: 'GET',
    path: '/api/tracing/venues',
    tag: 'tracing',
    description:
      "Venues of the tracer's area found by name or address (with or without Vietnamese marks), to choose one for the exposure list. No personal data.",
    query: z.object({ q: trimmedText(100) }),
    responses: { 200: itemsOf(TracedVenue) },
  }),
  venueExposures: endpoint({
    method: 'POST',
    path: '/api/tracing/venue-exposures',
    tag: 'tracing',
    description:
      'Everyone present at a venue during a time window, with the minutes they were there (audited).',
    body: VenueWindow.omit({ note: true }),
    responses: {
      200: z.object({
        venue: z.object({ id: z.number(), name: z.string() }),
        present: z.array(PresentPerson),
      }),
    },
  }),
  markExposure: endpoint({
    method: 'POST',
    path: '/api/tracing/exposure-marks',
    tag: 'tracing',
    description:
      'Marks a venue and a time window as exposure: everyone present gets a notice on their device and a text (audited).',
    body: VenueWindow,
    responses: { 201: z.object({ id: z.number(), people: z.number(), notified: z.number() }) },
  }),
  audit: endpoint({
    method: 'GET',
    path: '/api/audit',
    tag: 'tracing',
    description:
      'Tracing audit entries (admin: all; officials: those concerning their area). Read-only: the log cannot be changed or deleted.',
    query: z.object(DayRange),
    responses: { 200: z.object({ from: z.string(), to: z.string(), items: z.array(AuditEntry) }) },
  }),
  history: endpoint({
    method: 'POST',
    path: '/api/history',
    tag: 'check-ins',
    description: "A device's own check-ins and the notices on them, each proven by its checkout token.",
    body: HistoryRequest,
    responses: { 200: z.object({ items: z.array(HistoryEntry) }) },
  }),
};
