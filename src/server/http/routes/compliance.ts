import { z } from 'zod';
import { decimalInt, NewDeadline, ReminderRequest, ScopeCode } from '../../../shared/contracts.js';
import * as compliance from '../../services/compliance.js';
import type { ServiceContext } from '../../services/context.js';
import { IdParam, iso, isoOrNull, type ZodApp } from '../types.js';

const ComplianceAnswer = z.object({
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

export function complianceRoutes(app: ZodApp, ctx: ServiceContext) {
  app.get(
    '/api/compliance',
    {
      schema: {
        tags: ['compliance'],
        description:
          'Venues without a check-in for `silentDays` days (default 3), child units whose share of active venues is below `target` (default 0.8), and registration deadlines.',
        querystring: z.object({
          adminUnit: ScopeCode.optional(),
          silentDays: decimalInt(1, 90).optional(),
          target: z
            .string()
            .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a decimal between 0 and 1')
            .transform(Number)
            .optional(),
        }),
        response: { 200: ComplianceAnswer },
      },
    },
    async (req) => {
      const r = await compliance.complianceReport(ctx, await req.actor(), req.query);
      return {
        ...r,
        silentVenues: r.silentVenues.map((v) => ({
          venueId: v.venueId,
          name: v.name,
          category: v.category,
          adminUnitCode: v.adminUnitCode,
          createdAt: iso(v.createdAt),
          lastCheckInAt: isoOrNull(v.lastCheckInAt),
          remindedAt: isoOrNull(v.remindedAt),
        })),
      };
    },
  );

  app.post(
    '/api/compliance/reminders',
    {
      schema: {
        tags: ['compliance'],
        description:
          "Reminds venue managers (officials over every venue): shown on the venue's page and sent by SMS to its contact phone.",
        body: ReminderRequest,
        response: { 201: z.object({ reminded: z.number(), texted: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await compliance.sendReminders(ctx, await req.actor(), req.body)),
  );

  app.get(
    '/api/venues/:id/reminders',
    {
      schema: {
        tags: ['compliance'],
        params: IdParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                message: z.string(),
                sentAt: z.string(),
                readAt: z.string().nullable(),
                sentBy: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const items = await compliance.venueReminders(ctx, await req.actor(), req.params.id);
      return { items: items.map((r) => ({ ...r, sentAt: iso(r.sentAt), readAt: isoOrNull(r.readAt) })) };
    },
  );

  app.post(
    '/api/venues/:id/reminders/read',
    { schema: { tags: ['compliance'], description: 'The manager has read the reminders.', params: IdParam } },
    async (req, reply) => {
      await compliance.acknowledgeReminders(ctx, await req.actor(), req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/registration-deadlines',
    {
      schema: {
        tags: ['compliance'],
        description:
          'A QR registration deadline for a unit and a venue category (or all), e.g. "before 10/11" (seed 002).',
        body: NewDeadline,
        response: {
          201: z.object({
            id: z.number(),
            adminUnitCode: z.string(),
            category: z.string().nullable(),
            deadline: z.string(),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await compliance.addDeadline(ctx, await req.actor(), req.body)),
  );

  app.delete(
    '/api/registration-deadlines/:id',
    { schema: { tags: ['compliance'], params: IdParam } },
    async (req, reply) => {
      await compliance.removeDeadline(ctx, await req.actor(), req.params.id);
      return reply.status(204).send();
    },
  );
}
