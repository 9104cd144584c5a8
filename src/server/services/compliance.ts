/**
 * Compliance (F10): which venues and units do not scan, which registration deadlines are missed,
 * reminders to venue managers (on their page and by SMS), and the deadlines officials set.
 */
import * as compliance from '../db/queries/compliance.js';
import * as stats from '../db/queries/stats.js';
import { registeredVenueGroups } from '../db/queries/venue-counts.js';
import type { Actor } from '../domain/access.js';
import { addDays, startOfLocalDay } from '../domain/local-day.js';
import { AppError } from '../errors.js';
import { DEFAULT_ACTIVE_SHARE_TARGET, DEFAULT_SILENT_DAYS } from '../../shared/api/compliance.js';
import { VENUE_CATEGORY_CODES } from '../../shared/venue-categories.js';
import { listAdminUnits } from '../db/queries/admin-units.js';
import { requireActor, unitFor, venueFor, venuesFor } from './access.js';
import { adminUnitLevels } from './admin-units.js';
import type { ServiceContext } from './context.js';
import { queueSms } from './sms.js';
import { textsFor } from '../texts/index.js';
import { localToday } from './ranges.js';

/** Most silent venues listed at once. */
const SILENT_LIST_LIMIT = 1000;

export interface ComplianceQuery {
  adminUnit?: string;
  silentDays?: number;
  target?: number;
}

export async function complianceReport(ctx: ServiceContext, actor: Actor | null, query: ComplianceQuery) {
  const unit = await unitFor(ctx.db, actor, ctx.config.adminUnitsVersion, query.adminUnit, 'read_stats');
  const silentDays = query.silentDays ?? DEFAULT_SILENT_DAYS;
  const target = query.target ?? DEFAULT_ACTIVE_SHARE_TARGET;
  const today = localToday(ctx);
  const windowFrom = addDays(today, -Math.max(0, silentDays - 1));
  const silentSince = startOfLocalDay(windowFrom, ctx.config.timeZone);
  // 0 days: every venue without a check-in yet today, those registered a minute ago included.
  const registeredBefore = silentDays === 0 ? ctx.now() : silentSince;
  const scope = {
    level: unit.path.length,
    code: unit.code,
    levels: adminUnitLevels(ctx.config.adminUnitsVersion),
  };
  const code = unit.path.length ? unit.code : null;

  const [silent, groups, registered, children, deadlines] = await Promise.all([
    compliance.silentVenues(ctx.db, code, { registeredBefore, silentSince }, SILENT_LIST_LIMIT),
    stats.checkInGroups(ctx.db, scope, windowFrom, today),
    registeredVenueGroups(ctx.db, scope, ctx.now()),
    scope.level < scope.levels
      ? listAdminUnits(ctx.db, ctx.config.adminUnitsVersion, code)
      : Promise.resolve([]),
    compliance.deadlinesAround(ctx.db, ctx.config.adminUnitsVersion, unit.path),
  ]);

  const unitsBelowTarget = children
    .map((c) => {
      const reg = registered.find((r) => r.breakdown === 'child' && r.key === c.code)?.registered ?? 0;
      const active = groups.find((g) => g.breakdown === 'child' && g.key === c.code)?.active ?? 0;
      return { code: c.code, name: c.name, registered: reg, active, activeShare: reg ? active / reg : null };
    })
    .filter((c) => c.activeShare === null || c.activeShare < target)
    .sort((a, b) => (a.activeShare ?? -1) - (b.activeShare ?? -1));

  const deadlineRows = await Promise.all(
    deadlines.map(async (d) => ({
      ...d,
      passed: d.deadline < today,
      ...(await compliance.deadlineProgress(
        ctx.db,
        d.adminUnitCode,
        d.category,
        startOfLocalDay(addDays(d.deadline, 1), ctx.config.timeZone),
      )),
    })),
  );

  return {
    adminUnit: unit.code,
    adminUnitName: unit.name,
    silentDays,
    target,
    since: windowFrom,
    silentVenues: silent,
    silentVenuesTruncated: silent.length === SILENT_LIST_LIMIT,
    unitsBelowTarget,
    deadlines: deadlineRows,
  };
}

/** Sends a reminder to each venue's manager: on the venue page, and by SMS to its contact phone. */
export async function sendReminders(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { venueIds: number[]; message: string; sms: boolean },
) {
  const who = requireActor(actor);
  // Every venue is checked first: one venue outside the caller's area stops the whole request.
  const venues = await venuesFor(ctx.db, who, input.venueIds, 'govern');
  const texts = input.sms
    ? venues.map((v) => ({
        phone: v.contactPhone,
        body: textsFor('vi').sms.reminder(v.name, input.message),
        purpose: 'reminder',
      }))
    : [];
  // The reminders and their texts commit together; the texts go out after commit (services/sms.ts).
  await ctx.db.tx(async (q) => {
    await compliance.insertReminders(
      q,
      venues.map((v) => v.id),
      input.message,
      who.userId,
      ctx.now(),
    );
    await queueSms(q, texts, ctx.now());
  });
  return { reminded: venues.length, texted: texts.length };
}

export async function venueReminders(ctx: ServiceContext, actor: Actor | null, venueId: number) {
  const venue = await venueFor(ctx.db, actor, venueId, 'read');
  return compliance.remindersOf(ctx.db, venue.id);
}

export async function acknowledgeReminders(ctx: ServiceContext, actor: Actor | null, venueId: number) {
  const venue = await venueFor(ctx.db, actor, venueId, 'manage');
  await compliance.markRemindersRead(ctx.db, venue.id, ctx.now());
}

export async function addDeadline(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { adminUnitCode: string; category?: string | null; deadline: string; note?: string },
) {
  const unit = await unitFor(ctx.db, actor, ctx.config.adminUnitsVersion, input.adminUnitCode, 'govern');
  const category = input.category ?? null;
  if (category !== null && !(VENUE_CATEGORY_CODES as readonly string[]).includes(category)) {
    throw new AppError('validation_failed', [{ path: 'category', code: 'unknown', message: category }]);
  }
  const id = await compliance.insertDeadline(ctx.db, {
    version: ctx.config.adminUnitsVersion,
    path: unit.path,
    category,
    deadline: input.deadline,
    note: input.note ?? null,
    userId: actor!.userId,
  });
  return { id, adminUnitCode: unit.code, category, deadline: input.deadline };
}

export async function removeDeadline(ctx: ServiceContext, actor: Actor | null, id: number) {
  const found = await compliance.findDeadline(ctx.db, id);
  const who = requireActor(actor);
  if (!found) throw new AppError('deadline_not_found');
  try {
    await unitFor(ctx.db, who, ctx.config.adminUnitsVersion, found.adminUnitCode, 'govern');
  } catch (err) {
    if (err instanceof AppError && err.code === 'unit_not_found') throw new AppError('deadline_not_found');
    throw err;
  }
  await compliance.deleteDeadline(ctx.db, id);
}
