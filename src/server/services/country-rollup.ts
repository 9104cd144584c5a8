/**
 * The country view (F9, national admin) from daily roll-ups per province and category
 * (db/queries/country-rollup.ts) instead of every venue-day of the range; a province's view from the
 * roll-ups per child unit and category of its ended days and today's venue-days (live).
 *
 * The job `rollUpCountry` runs with the sketch job (every ten minutes, any node): each ended day of the
 * retention window without a complete roll-up is rolled up once, and the day in progress gets a fresh
 * snapshot (check-ins and people per province). A country view over more venue-days than counting
 * them live allows (COUNTRY_LIVE_VENUE_DAYS) then reads the ended days exactly and today as of that
 * snapshot (at most one round of the job old), and says when it was counted; until the job has caught
 * up with a range (a fresh start, just after midnight, a late paper form), the range is counted from
 * venue_day_counts as before.
 */
import type { Db } from '../db/db.js';
import * as rollups from '../db/queries/country-rollup.js';
import { unitCodesOfLevels } from '../db/queries/people-sketches.js';
import { checkInGroups, type CheckInGroup, type Scope } from '../db/queries/stats.js';
import { buildVenueSpan, storedVenueSpans } from '../db/queries/venue-count-spans.js';
import { addDays, daysInRange, eachDay } from '../domain/local-day.js';
import { coverRange, spansToBuild } from '../domain/sketch-spans.js';
import type { ServiceContext } from './context.js';
import { lastSettledDay, sketchesFromKeys } from './people-sketches.js';
import { expiredBefore } from './retention.js';
import { localToday } from './ranges.js';

/**
 * Rolls up the ended days that need it, then snapshots today (or dates the snapshot again when no
 * check-in came since); returns the ended days rolled up.
 */
export async function rollUpCountry(ctx: ServiceContext): Promise<string[]> {
  const { db, config } = ctx;
  const today = localToday(ctx);
  const lastEnded = lastSettledDay(ctx);
  const firstKept = expiredBefore(today, config.retentionDays);
  const days = lastEnded < firstKept ? [] : await rollups.daysToRollUp(db, firstKept, lastEnded);
  const quiet = days.length ? await db.tx((q) => rollups.rollUpQuietDays(q, days)) : [];
  const built = [...quiet];
  for (const day of days.filter((d) => !quiet.includes(d)))
    if (await db.tx((q) => rollups.rollUpDay(q, day, true))) built.push(day);
  built.sort();
  if (lastEnded >= firstKept) await buildVenueSpans(db, firstKept, lastEnded);
  await db.tx(async (q) => {
    if (await rollups.confirmSnapshot(q, today)) return;
    await rollups.rollUpDay(q, today, false);
    const provinces = await unitCodesOfLevels(q, config.adminUnitsVersion, [1]);
    await rollups.savePeopleSnapshot(q, today, await sketchesFromKeys(q, provinces, today));
  });
  return built;
}

/**
 * Sums the venues' spans of [from, to] that can be built (both halves there: two rolled-up days, or
 * two spans), shortest first, round after round until none is left to build; answers how many.
 */
export async function buildVenueSpans(db: Db, from: string, to: string): Promise<number> {
  let built = 0;
  for (let round = -1; round !== built;) {
    round = built;
    const days = (await rollups.rolledDays(db, from, to)).filter((r) => r.complete);
    const stored = [
      ...days.map((r) => ({ firstDay: r.day, days: 1 })),
      ...(await storedVenueSpans(db, from, to)),
    ];
    for (const { span, halves } of spansToBuild(stored))
      if (await db.tx((q) => buildVenueSpan(q, span, halves))) built++;
  }
  return built;
}

/**
 * The stored spans of venue sums that cover the most of [from, to] (for the per-venue table of the
 * country or a province; a smaller unit has few venue-days to add up).
 */
export async function venueSpansCovering(db: Db, scope: Scope, from: string, to: string) {
  if (scope.level > 1 || from === to) return [];
  return coverRange(from, to, await storedVenueSpans(db, from, to)).spans;
}

/**
 * Where a unit's check-in groups of [from, to] come from: the country's from its roll-ups (today as of
 * the job's snapshot, unless `live`); a province's ended days from the roll-ups per child unit and
 * today from its venue-days; any other unit's (or a range the roll-ups do not cover) from its venue-days.
 */
export async function checkInGroupsSource(
  ctx: ServiceContext,
  db: Db,
  scope: Scope,
  { from, to, live }: { from: string; to: string; live: boolean },
) {
  const country = scope.level === 0 && !live ? await rolledUpCountry(ctx, db, from, to) : null;
  if (country) return { groups: async () => country.groups, snapshot: country.snapshot };
  const province = scope.level === 1 ? await rolledUpProvince(ctx, db, scope, from, to) : null;
  return { groups: province ?? (() => checkInGroups(db, scope, from, to)), snapshot: null };
}

/**
 * A province's groups of [from, to] from the roll-ups of its ended days and its venue-days of today,
 * in one statement; null (count from the venue-days) when an ended day of the range has no complete
 * roll-up or the range is longer than the roll-ups look back.
 */
async function rolledUpProvince(ctx: ServiceContext, db: Db, scope: Scope, from: string, to: string) {
  const lastEnded = lastEndedDay(to, localToday(ctx));
  if (from > lastEnded || daysInRange(from, to) > rollups.ROLLUP_WINDOW_DAYS) return null;
  if (!endedDaysComplete(await rollups.rolledDays(db, from, lastEnded), from, lastEnded)) return null;
  return () => db.tx((q) => rollups.rolledUpProvinceGroups(q, scope.code, from, to));
}

/** The last day of a range ending `to` that has ended (today has not). */
const lastEndedDay = (to: string, today: string) => (to < today ? to : addDays(today, -1));

/** Every day of [from, lastEnded] (none when from > lastEnded) has a complete roll-up among `rolled`. */
function endedDaysComplete(rolled: readonly rollups.RolledDay[], from: string, lastEnded: string) {
  const complete = new Set(rolled.filter((r) => r.complete).map((r) => r.day));
  return from > lastEnded || eachDay(from, lastEnded).every((day) => complete.has(day));
}

export interface RolledUpRange {
  groups: CheckInGroup[];
  /** The day in progress counted from the job's snapshot, and when; null when the range has ended. */
  snapshot: { day: string; countedAt: Date } | null;
}

/**
 * The country's check-in groups of [from, to] from roll-ups, or null (count live) when a day of the
 * range has none yet, the range is longer than the roll-ups look back, or it is small enough
 * (COUNTRY_LIVE_VENUE_DAYS) to count live, exact to the second. `db`: the database read (a replica).
 */
export async function rolledUpCountry(ctx: ServiceContext, db: Db, from: string, to: string) {
  const today = localToday(ctx);
  if (daysInRange(from, to) > rollups.ROLLUP_WINDOW_DAYS) return null;
  const rolled = await rollups.rolledDays(db, from, to);
  if (!endedDaysComplete(rolled, from, lastEndedDay(to, today))) return null;
  const current = to >= today ? rolled.find((r) => r.day === today) : undefined;
  if (to >= today && !current) return null;
  const groups = await rollups.rolledUpCheckInGroups(db, from, to);
  const venueDays = groups.reduce((sum, g) => sum + (g.breakdown === 'day' ? g.active : 0), 0);
  if (venueDays < ctx.config.countryLiveVenueDays) return null;
  return {
    groups,
    snapshot: current && !current.complete ? { day: today, countedAt: current.builtAt } : null,
  } satisfies RolledUpRange;
}
