/**
 * The officials' dashboard (F9): figures for a unit and a range of local days, with breakdowns per
 * child unit, per venue category and per day. Everything is read from the daily aggregates.
 */
import type { Db } from '../db/db.js';
import { listAdminUnits } from '../db/queries/admin-units.js';
import { registeredVenueGroups, type RegisteredGroup } from '../db/queries/venue-counts.js';
import type { ReadFrom } from '../db/reads.js';
import * as stats from '../db/queries/stats.js';
import type { ChannelCounts, CheckInGroup, DeclarationDay } from '../db/queries/stats.js';
export type { VenueFigures } from '../db/queries/stats.js';
import type { Actor } from '../domain/access.js';
import { addDays, eachDay, startOfLocalDay } from '../domain/local-day.js';
import { AppError } from '../errors.js';
import { CHANNELS } from '../../shared/contracts.js';
import { unitFor, type UnitScope } from './access.js';
import { adminUnitLevels } from './admin-units.js';
import type { ServiceContext } from './context.js';
import { checkInGroupsSource, venueSpansCovering } from './country-rollup.js';
import { countUniquePeople, sketchedLevels } from './people-sketches.js';
import { requestedDays } from './ranges.js';

export interface CheckInFigures {
  total: number;
  electronic: number;
  paper: number;
  byChannel: ChannelCounts;
}

export interface UnitFigures {
  venues: { registered: number; active: number; suspended: number };
  checkIns: CheckInFigures;
  uniquePeople: number;
  declarations: { total: number; flagged: number; arrivals: number; unassigned?: number };
  cards: { issued: number; issuedToDate: number; population: number | null; issuanceRate: number | null };
}

export interface StatsReport extends UnitFigures {
  /** The replica, or the primary and why (API v1.1 READ_DATABASE_URL). */
  readFrom: ReadFrom;
  adminUnit: string;
  adminUnitName: string;
  level: number;
  /** True when uniquePeople (of the unit and its children) is a sketch estimate (±1.6 %), not a count. */
  uniquePeopleEstimated: boolean;
  /** The country view: today's figures are the job's snapshot taken at this instant (null: counted live). */
  todayCountedAt: Date | null;
  from: string;
  to: string;
  children: (UnitFigures & { code: string; name: string })[];
  categories: { code: string; venues: { registered: number; active: number }; checkIns: CheckInFigures }[];
  days: {
    date: string;
    activeVenues: number;
    checkIns: CheckInFigures;
    declarations: { total: number; flagged: number; arrivals: number };
  }[];
}

const NO_CHECK_INS = Object.fromEntries(CHANNELS.map((ch) => [ch, 0])) as ChannelCounts;

export function checkInFigures(c: ChannelCounts = NO_CHECK_INS): CheckInFigures {
  const byChannel = Object.fromEntries(CHANNELS.map((ch) => [ch, c[ch]])) as unknown as ChannelCounts;
  const total = CHANNELS.reduce((sum, ch) => sum + c[ch], 0);
  return { total, electronic: total - c.paper, paper: c.paper, byChannel };
}

/** The unit and range a request is about, checked against the caller's area. */
export async function statsScope(
  ctx: ServiceContext,
  actor: Actor | null,
  query: { adminUnit?: string; from?: string; to?: string },
) {
  const unit = await unitFor(ctx.db, actor, ctx.config.adminUnitsVersion, query.adminUnit, 'read_stats');
  const { from, to } = requestedDays(ctx, query);
  const levels = adminUnitLevels(ctx.config.adminUnitsVersion);
  return { unit, from, to, scope: { level: unit.path.length, code: unit.code, levels } };
}

/**
 * A unit's dashboard figures. `live`: today counted from the venue-days even for the country (the
 * chairman's report, whose per-site table is live too), not from the job's snapshot.
 */
export async function unitStats(
  ctx: ServiceContext,
  actor: Actor | null,
  query: { adminUnit?: string; from?: string; to?: string },
  { live = false } = {},
): Promise<StatsReport> {
  const { unit, from, to, scope } = await statsScope(ctx, actor, query);
  const { value, readFrom } = await ctx.reads.run((db) =>
    unitFigures(ctx, db, unit, { from, to, scope, live }),
  );
  return { ...value, readFrom };
}

/** The figures of a unit whose access is checked, read from `db` (the replica when it keeps up). */
async function unitFigures(
  ctx: ServiceContext,
  db: Db,
  unit: { code: string; name: string },
  { from, to, scope, live }: Omit<Awaited<ReturnType<typeof statsScope>>, 'unit'> & { live: boolean },
): Promise<Omit<StatsReport, 'readFrom'>> {
  const version = ctx.config.adminUnitsVersion;
  const children =
    scope.level < scope.levels ? await listAdminUnits(db, version, scope.level === 0 ? null : unit.code) : [];
  const childCodes = children.map((c) => c.code);
  // The people of the children together are the people of the unit (a commune has no children).
  const peopleCodes = childCodes.length ? childCodes : [unit.code];
  const before = startOfLocalDay(addDays(to, 1), ctx.config.timeZone);
  // The country and a province's days read the job's roll-ups when they can (services/country-rollup.ts).
  const rolled = await checkInGroupsSource(ctx, db, scope, { from, to, live });
  const [groups, registered, people, declarationRows, cardsToDate, population] = await Promise.all([
    rolled.groups(),
    registeredVenueGroups(db, scope, before),
    countUniquePeople(db, peopleCodes, from, to, {
      sketchedLevel: sketchedLevels(version).includes(scope.level + 1),
      snapshotDay: rolled.snapshot?.day,
    }),
    stats.declarationDays(db, [unit.code, ...childCodes], from, to),
    stats.cardsIssuedUpTo(db, [unit.code, ...childCodes], to),
    stats.populations(db, version, [unit.code, ...childCodes]),
  ]);
  const figuresOf = (code: string, breakdown: 'total' | 'child', peopleCount: number): UnitFigures => {
    const key = breakdown === 'total' ? null : code;
    const g = groups.find((x) => x.breakdown === breakdown && x.key === key);
    const r = registered.find((x) => x.breakdown === breakdown && x.key === key);
    const decl = sumDeclarations(declarationRows.filter((d) => d.code === code));
    const issuedToDate = cardsToDate.get(code) ?? 0;
    const pop = population.get(code) ?? null;
    return {
      venues: { registered: r?.registered ?? 0, active: g?.active ?? 0, suspended: r?.suspended ?? 0 },
      checkIns: checkInFigures(g),
      uniquePeople: peopleCount,
      declarations: { total: decl.declarations, flagged: decl.flagged, arrivals: decl.arrivals },
      cards: {
        issued: decl.cardsIssued,
        issuedToDate,
        population: pop,
        issuanceRate: pop ? Math.round((issuedToDate / pop) * 10_000) / 10_000 : null,
      },
    };
  };
  const own = figuresOf(unit.code, 'total', people.all);
  if (scope.level === 0) own.declarations.unassigned = unassignedDeclarations(declarationRows, childCodes);
  return {
    adminUnit: unit.code,
    adminUnitName: unit.name,
    level: scope.level,
    from,
    to,
    ...own,
    uniquePeopleEstimated: people.estimated,
    todayCountedAt: rolled.snapshot?.countedAt ?? null,
    children: children.map((c) => ({
      code: c.code,
      name: c.name,
      ...figuresOf(c.code, 'child', people.perUnit.get(c.code) ?? 0),
    })),
    categories: categoryRows(groups, registered),
    days: dayRows(
      groups,
      declarationRows.filter((d) => d.code === unit.code),
      from,
      to,
    ),
  };
}

/**
 * Declarations counted in the country but in no province: made away from any venue by someone who gave
 * no home unit (the API allows it; the web form asks for it). Shown so that they are not silently lost.
 */
function unassignedDeclarations(rows: readonly DeclarationDay[], provinceCodes: readonly string[]) {
  const inProvinces = new Set(provinceCodes);
  const country = sumDeclarations(rows.filter((d) => d.code === 'VN')).declarations;
  return country - sumDeclarations(rows.filter((d) => inProvinces.has(d.code))).declarations;
}

function sumDeclarations(rows: readonly DeclarationDay[]) {
  return rows.reduce(
    (s, d) => ({
      declarations: s.declarations + d.declarations,
      flagged: s.flagged + d.flagged,
      cardsIssued: s.cardsIssued + d.cardsIssued,
      arrivals: s.arrivals + d.arrivals,
    }),
    { declarations: 0, flagged: 0, cardsIssued: 0, arrivals: 0 },
  );
}

function categoryRows(groups: CheckInGroup[], registered: RegisteredGroup[]) {
  const codes = new Set(
    [...groups, ...registered].filter((g) => g.breakdown === 'category').map((g) => g.key!),
  );
  return [...codes]
    .map((code) => {
      const g = groups.find((x) => x.breakdown === 'category' && x.key === code);
      const r = registered.find((x) => x.breakdown === 'category' && x.key === code);
      return {
        code,
        venues: { registered: r?.registered ?? 0, active: g?.active ?? 0 },
        checkIns: checkInFigures(g),
      };
    })
    .sort(
      (a, b) =>
        b.checkIns.total - a.checkIns.total ||
        b.venues.registered - a.venues.registered ||
        a.code.localeCompare(b.code),
    );
}

function dayRows(groups: CheckInGroup[], declarations: DeclarationDay[], from: string, to: string) {
  return eachDay(from, to).map((date) => {
    const g = groups.find((x) => x.breakdown === 'day' && x.key === date);
    const d = sumDeclarations(declarations.filter((x) => x.day === date));
    return {
      date,
      activeVenues: g?.active ?? 0,
      checkIns: checkInFigures(g),
      declarations: { total: d.declarations, flagged: d.flagged, arrivals: d.arrivals },
    };
  });
}

/** Every venue of the scope with its check-ins in [from, to], busiest first, at most `limit`. */
export async function venueFiguresOf(db: Db, scope: stats.Scope, from: string, to: string, limit: number) {
  return stats.venueFigures(db, scope, from, to, limit, await venueSpansCovering(db, scope, from, to));
}

/** Per-venue table of a unit (GET /api/stats/venues). */
export async function venueStats(
  ctx: ServiceContext,
  actor: Actor | null,
  query: { adminUnit?: string; from?: string; to?: string; limit?: number },
) {
  const { unit, from, to, scope } = await statsScope(ctx, actor, query);
  const { value: items, readFrom } = await ctx.reads.run((db) =>
    venueFiguresOf(db, scope, from, to, query.limit ?? 10_000),
  );
  return { adminUnit: unit.code, adminUnitName: unit.name, from, to, readFrom, items };
}

export async function setUnitPopulation(
  ctx: ServiceContext,
  actor: Actor | null,
  code: string,
  population: number,
): Promise<UnitScope> {
  const unit = await unitFor(ctx.db, actor, ctx.config.adminUnitsVersion, code, 'govern');
  if (unit.code === 'VN') throw new AppError('bad_request');
  await stats.setPopulation(ctx.db, ctx.config.adminUnitsVersion, unit.code, population, actor!.userId);
  return unit;
}
