/**
 * Unique people of units over a range of days (F9). Exact (distinct person keys) when that is cheap:
 * a commune or district's children, or a range without sketched days. For provinces and districts
 * over sketched days, the union of the stored sketches that cover the range (a day's, or a merged span
 * of days: domain/sketch-spans.ts) plus the registers of the days not yet sketched, marked as an estimate.
 *
 * The job `sketchClosedDays` builds the sketches of each local day once it has ended (plus a grace
 * for check-ins in flight at midnight), for provinces and the level below; every node may call
 * it, the per-day lock makes the others wait and then find nothing to do.
 */
import type { Db, Queryable } from '../db/db.js';
import * as sketches from '../db/queries/people-sketches.js';
import { peopleSnapshot } from '../db/queries/country-rollup.js';
import { uniquePeopleExact } from '../db/queries/stats.js';
import {
  addRegisters,
  emptySketch,
  estimate,
  mergeInto,
  unionByCode,
  type Sketch,
} from '../domain/people-sketch.js';
import { addDays, localDate } from '../domain/local-day.js';
import { coverRange, spansToBuild, type DaySpan } from '../domain/sketch-spans.js';
import { MAX_RANGE_DAYS } from '../../shared/contracts.js';
import { adminUnitLevels } from './admin-units.js';
import type { ServiceContext } from './context.js';
import { expiredBefore } from './retention.js';
import { localToday } from './ranges.js';

/**
 * Units of these levels have sketches: provinces and the level below them (districts of the 2021 list,
 * wards of the 2025 one), so a province's 21-day figure per child unit merges sketches instead of
 * counting millions of keys. Communes of the 2021 list are small enough to count exactly.
 */
export function sketchedLevels(version: string): number[] {
  return Array.from({ length: Math.min(2, adminUnitLevels(version)) }, (_, i) => i + 1);
}

/** A day is sketched this long after it ends, so no check-in of that day is still being written. */
export const SKETCH_GRACE_MS = 10 * 60_000;

/** The last day that ended at least SKETCH_GRACE_MS ago: the jobs sketch and roll up days up to it. */
export const lastSettledDay = (ctx: Pick<ServiceContext, 'now' | 'config'>) =>
  addDays(localDate(new Date(ctx.now().getTime() - SKETCH_GRACE_MS), ctx.config.timeZone), -1);

export interface UniquePeople {
  all: number;
  perUnit: Map<string, number>;
  estimated: boolean;
}

/**
 * Distinct people seen in [from, to] in each unit of `codes` (units of one level) and in all of them
 * together. `sketchedLevel`: the units are of a level that has sketches. `snapshotDay`: the day in
 * progress is read from the job's snapshot of it (provinces, for the country view) instead of its keys.
 */
export async function countUniquePeople(
  db: Db,
  codes: readonly string[],
  from: string,
  to: string,
  { sketchedLevel, snapshotDay }: { sketchedLevel: boolean; snapshotDay?: string },
): Promise<UniquePeople> {
  // The snapshot's day is read from it, never from its keys (the figures are as of the snapshot).
  const lastByKeys = snapshotDay && snapshotDay <= to ? addDays(snapshotDay, -1) : to;
  const exactly = async () =>
    lastByKeys < from
      ? { all: 0, perUnit: new Map<string, number>(), estimated: false }
      : { ...(await uniquePeopleExact(db, codes, from, lastByKeys)), estimated: false };
  const spans = sketchedLevel ? await sketches.storedSpans(db, from, to) : [];
  if (!spans.length && !snapshotDay) return exactly();
  const cover = coverRange(from, to, spans);
  const [stored, snapshot, fromKeys] = await Promise.all([
    sketches.storedSketches(db, codes, cover.spans),
    snapshotDay ? peopleSnapshot(db, snapshotDay, codes) : Promise.resolve([]),
    sketches.registersFromKeys(
      db,
      codes,
      cover.uncovered.filter((day) => day !== snapshotDay),
    ),
  ]);
  // Nobody on the sketched days: the few keys of the other days are counted exactly.
  if (!stored.length && !snapshot.length) return exactly();
  const perCode = new Map<string, Sketch>(codes.map((c) => [c, emptySketch()]));
  for (const s of [...stored, ...snapshot]) mergeInto(perCode.get(s.code)!, s.registers);
  for (const r of fromKeys) addRegisters(perCode.get(r.code)!, r.indexes, r.ranks);
  const all = emptySketch();
  for (const s of perCode.values()) mergeInto(all, s);
  return {
    all: estimate(all),
    perUnit: new Map([...perCode].map(([code, s]) => [code, estimate(s)])),
    estimated: true,
  };
}

/** The registers of each unit of `codes` from its person keys of `day`, as sketches. */
export async function sketchesFromKeys(q: Queryable, codes: readonly string[], day: string) {
  return (await sketches.registersFromKeys(q, codes, [day])).map((u) => {
    const registers = emptySketch();
    addRegisters(registers, u.indexes, u.ranks);
    return { code: u.code, registers };
  });
}

/**
 * Builds the sketches of every ended day of the retention window that has none, then the spans of
 * days that can be merged (domain/sketch-spans.ts); returns the days built.
 */
export async function sketchClosedDays(ctx: ServiceContext): Promise<string[]> {
  const { db, config } = ctx;
  const lastClosed = lastSettledDay(ctx);
  const firstKept = expiredBefore(localToday(ctx), config.retentionDays);
  const days = lastClosed < firstKept ? [] : await sketches.daysToSketch(db, firstKept, lastClosed);
  const quiet = days.length ? await db.tx((q) => sketches.sketchQuietDays(q, days)) : [];
  const busy = days.filter((d) => !quiet.includes(d));
  const built = [...quiet];
  if (busy.length) {
    const levels = sketchedLevels(config.adminUnitsVersion);
    const codes = await sketches.unitCodesOfLevels(db, config.adminUnitsVersion, levels);
    for (const day of busy) if (await sketchDay(db, codes, day)) built.push(day);
  }
  built.sort();
  await mergeSpans(db, addDays(lastClosed, -MAX_RANGE_DAYS), lastClosed);
  return built;
}

/** Merges every span of days in [from, to] whose halves are stored, shortest first; returns how many. */
export async function mergeSpans(db: Db, from: string, to: string): Promise<number> {
  let merged = 0;
  for (let round = -1; round !== merged;) {
    round = merged;
    for (const { span, halves } of spansToBuild(await sketches.storedSpans(db, from, to)))
      if (await mergeSpan(db, span, halves)) merged++;
  }
  return merged;
}

async function mergeSpan(db: Db, span: DaySpan, halves: [DaySpan, DaySpan]): Promise<boolean> {
  return db.tx(async (q: Queryable) => {
    if (!(await sketches.lockSpanForMerging(q, span, halves))) return false;
    const perCode = unionByCode(await sketches.storedSketches(q, null, halves));
    await sketches.saveSpanSketches(
      q,
      span,
      [...perCode].map(([code, registers]) => ({ code, registers })),
    );
    return true;
  });
}

async function sketchDay(db: Db, codes: readonly string[], day: string): Promise<boolean> {
  return db.tx(async (q: Queryable) => {
    await sketches.lockDaysForSketching(q, [day]);
    // Another node may have built it while this one waited for the lock.
    if ((await sketches.sketchedDays(q, day, day)).length) return false;
    await sketches.saveDaySketches(q, day, await sketchesFromKeys(q, codes, day));
    return true;
  });
}
