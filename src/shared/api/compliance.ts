/** Compliance (F10): silent venues, units below target, reminders, registration deadlines. */
import { z } from 'zod';
import { AdminUnitCode, decimalInt, LocalDate, ScopeCode } from '../contracts.js';
import { IdParam, itemsOf } from './common.js';
import { endpoint } from './endpoint.js';

/**
 * Venues without a check-in in the last N local days (today included), registered before those days,
 * are listed. 0 asks for "no check-in yet today", venues registered today included.
 */
export const DEFAULT_SILENT_DAYS = 3;
/** Most silent days a request may ask for. */
export const MAX_SILENT_DAYS = 90;
/** Child units whose share of active venues is below this target are listed. */
export const DEFAULT_ACTIVE_SHARE_TARGET = 0.8;
/** Most venues one reminder request reaches. */
export const MAX_REMINDED_VENUES = 5000;
/** Longest reminder text (one long SMS is 3 parts). */
export const MAX_REMINDER_LENGTH = 500;
/** Longest note on a registration deadline. */
export const MAX_DEADLINE_NOTE_LENGTH = 300;

export const ReminderRequest = z.object({
  venueIds: z.array(z.number().int().positive()).min(1).max(MAX_REMINDED_VENUES),
  message: z.string().trim().min(1).max(MAX_REMINDER_LENGTH),
  sms: z.boolean().default(true),
});
export type ReminderRequest = z.infer<typeof ReminderRequest>;

export const NewDeadline = z.object({
  adminUnitCode: AdminUnitCode,
  category: z.string().max(40).nullable().optional(),
  deadline: LocalDate,
  note: z.string().trim().max(MAX_DEADLINE_NOTE_LENGTH).optional(),
});
export type NewDeadline = z.infer<typeof NewDeadline>;

export const ComplianceQuery = z.object({
  adminUnit: ScopeCode.optional(),
  silentDays: decimalInt(0, MAX_SILENT_DAYS).optional(),
  target: z
    .string()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a decimal between 0 and 1')
    .transform(Number)
    .optional(),
});

export const ComplianceReport = z.object({
  adminUnit: z.string(),
  adminUnitName: z.string(),
  silentDays: z.number(),
  target: z.number(),
  since: z.string(),
  silentVenues: z.array(
    z.object({
      venueId: z.number(),
      name: z.string(),
      category: z.string(),
      adminUnitCode: z.string(),
      createdAt: z.string(),
      lastCheckInAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
    }),
  ),
  silentVenuesTruncated: z.boolean(),
  unitsBelowTarget: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      registered: z.number(),
      active: z.number(),
      activeShare: z.number().nullable(),
    }),
  ),
  deadlines: z.array(
    z.object({
      id: z.number(),
      adminUnitCode: z.string(),
      adminUnitName: z.string(),
      category: z.string().nullable(),
      deadline: z.string(),
      note: z.string().nullable(),
      passed: z.boolean(),
      registeredOnTime: z.number(),
      registeredLate: z.number(),
      silentSinceDeadline: z.number(),
    }),
  ),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const VenueReminder = z.object({
  id: z.number(),
  message: z.string(),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  sentBy: z.string().nullable(),
});

export const complianceApi = {
  report: endpoint({
    method: 'GET',
    path: '/api/compliance',
    tag: 'compliance',
    description:
      'Venues without a check-in in the last `silentDays` days, today included (default 3; 0 = none yet today, venues registered today included), child units whose share of active venues is below `target` (default 0.8), and registration deadlines.',
    query: ComplianceQuery,
    responses: { 200: ComplianceReport },
  }),
  remind: endpoint({
    method: 'POST',
    path: '/api/compliance/reminders',
    tag: 'compliance',
    description:
      "Reminds venue managers (officials over every venue): shown on the venue's page and sent by SMS to its contact phone.",
    body: ReminderRequest,
    responses: { 201: z.object({ reminded: z.number(), texted: z.number() }) },
  }),
  venueReminders: endpoint({
    method: 'GET',
    path: '/api/venues/:id/reminders',
    tag: 'compliance',
    params: IdParam,
    responses: { 200: itemsOf(VenueReminder) },
  }),
  readReminders: endpoint({
    method: 'POST',
    path: '/api/venues/:id/reminders/read',
    tag: 'compliance',
    description: 'The manager has read the reminders.',
    params: IdParam,
  }),
  addDeadline: endpoint({
    method: 'POST',
    path: '/api/registration-deadlines',
    tag: 'compliance',
    description:
      'A QR registration deadline for a unit and a venue category (or all), e.g. "before 10/11" (seed 002).',
    body: NewDeadline,
    responses: {
      201: z.object({
        id: z.number(),
        adminUnitCode: z.string(),
        category: z.string().nullable(),
        deadline: z.string(),
      }),
    },
  }),
  removeDeadline: endpoint({
    method: 'DELETE',
    path: '/api/registration-deadlines/:id',
    tag: 'compliance',
    params: IdParam,
  }),
};
