/**
 * Which admin-unit list an installation runs on, and the upgrade from one list to the next (issue 13):
 * a database in use on `vn-gso-2021` started with `ADMIN_UNITS_VERSION=vn-2025` moves every venue,
 * account scope, area, population figure, status rule and statistic to the 2025 units through the
 * old→new mapping, in one transaction, and records what it moved. Venues and accounts whose new unit
 * the mapping had to choose are listed for officials to confirm or correct (services/unit-reviews.ts).
 * The old list stays loaded: its codes resolve and its population figures stay readable.
 */
import { forgetRollupDays } from '../db/queries/country-rollup.js';
import type { Db, Queryable } from '../db/db.js';
import { LOCKS, lockUntilCommit } from '../db/locks.js';
import { moveArrivals } from '../db/queries/arrivals.js';
import * as upgrade from '../db/queries/admin-unit-upgrade.js';
import { unionByCode, type Sketch } from '../domain/people-sketch.js';
import { planUnitMoves, type ListedUnit } from '../domain/unit-moves.js';
import { adminUnitVersions, ensureAdminUnitsLoaded } from './admin-units.js';

/** The list a database that names none starts on. */
export const DEFAULT_ADMIN_UNITS_VERSION = 'vn-2025';

/**
 * The version this start runs on: the configured one, else the one the database is in use on, else
 * the default. Loads it, and upgrades the data when the database was in use on an older list.
 */
export async function settleAdminUnitsVersion(
  db: Db,
  configured: string | undefined,
  now: Date,
  log: (message: string) => void,
): Promise<string> {
  const inUse = await upgrade.versionInUse(db);
  const wanted = configured ?? inUse ?? DEFAULT_ADMIN_UNITS_VERSION;
  if (inUse === wanted) return wanted;
  if (inUse && !adminUnitVersions()[wanted]?.mappings?.[inUse])
    throw new Error(
      `the database runs on admin units ${inUse} and ${wanted} has no mapping from it: ` +
        `set ADMIN_UNITS_VERSION=${inUse} (moving back to an older list is not supported)`,
    );
  await ensureAdminUnitsLoaded(db, wanted);
  await db.tx(async (q) => {
    await lockUntilCommit(q, LOCKS.adminUnits);
    // Another node may have settled it while this one waited.
    const current = await upgrade.versionInUse(q);
    if (current === wanted) return;
    if (current) {
      const moved = await upgradeData(q, current, wanted, now);
      log(`admin units upgraded from ${current} to ${wanted}: ${describe(moved)}`);
      await upgrade.retire(q, current);
    }
    await upgrade.markInUse(q, wanted);
  });
  return wanted;
}

function describe(moved: Record<string, number>): string {
  return Object.entries(moved)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}

/** Moves everything named by units of `from` to units of `to`; returns the counts it recorded. */
export async function upgradeData(q: Queryable, from: string, to: string, now: Date) {
  // One after the other: a transaction is one connection.
  const oldUnits = await upgrade.unitsOf(q, from);
  const newUnits = await upgrade.unitsOf(q, to);
  const mapping = await upgrade.mappingRows(q, from, to);
  const moves = planUnitMoves(oldUnits, newUnits, mapping);
  await upgrade.createMoveTables(q, [...moves.values()], pathsOf(newUnits));
  const upgradeId = await upgrade.recordUpgrade(q, from, to, now);
  const venues = await upgrade.moveVenues(q, from, to, upgradeId);
  const accounts = await upgrade.moveAccounts(q, from, to, upgradeId);
  if (venues.left || accounts.left)
    throw new Error(
      `admin-unit upgrade ${from} → ${to} stopped: ${venues.left} venues and ${accounts.left} accounts ` +
        'name units the mapping cannot place; nothing was changed',
    );
  const moved = {
    venues: venues.moved,
    'venues to review': venues.reviewed,
    accounts: accounts.moved,
    'accounts to review': accounts.reviewed,
    'venue-day counts': await upgrade.moveVenueDayCounts(q),
    'people-unit-day keys': await upgrade.movePeopleKeys(q),
    'unit-day declaration counts': await upgrade.moveUnitDayCounts(q, 'unit_day_declarations', [
      'declarations',
      'flagged',
      'cards_issued',
    ]),
    'arrival declarations': await moveArrivals(q),
    'unit-day arrival counts': await upgrade.moveUnitDayCounts(q, 'unit_day_arrivals', ['arrivals']),
    'province-day sketches': await mergeProvinceSketches(q),
    'days to sketch again': await upgrade.resketchKeptDays(q),
    'country roll-up days to build again': await forgetRollupDays(q, null),
    hotspots: await upgrade.moveAreaRows(q, 'hotspots', from, to),
    'registration deadlines': await upgrade.moveAreaRows(q, 'registration_deadlines', from, to),
    'population figures': await upgrade.movePopulation(q, from, to),
    'status rules': await upgrade.moveStatusRules(q),
  };
  await upgrade.saveMoved(q, upgradeId, moved);
  return moved;
}

function pathsOf(units: readonly ListedUnit[]) {
  const parent = new Map(units.map((u) => [u.code, u.parentCode]));
  return units.map((u) => {
    const path = [u.code];
    for (let p = u.parentCode; p; p = parent.get(p) ?? null) path.unshift(p);
    return { code: u.code, path };
  });
}

/**
 * A merged province's people of a day are the union of its old provinces' people: the union of their
 * sketches (register-wise maximum) is exact for that. District sketches have no counterpart and go.
 */
async function mergeProvinceSketches(q: Queryable): Promise<number> {
  const merged: { day: string; rows: { code: string; registers: Sketch }[] }[] = [];
  for (const day of await upgrade.sketchedProvinceDays(q)) {
    const old = await upgrade.provinceSketchesOfDay(q, day);
    const byProvince = unionByCode(old.map((s) => ({ code: s.newCode, registers: s.registers })));
    merged.push({ day, rows: [...byProvince].map(([code, registers]) => ({ code, registers })) });
  }
  await upgrade.dropOldSketches(q);
  for (const { day, rows } of merged) await upgrade.saveSketches(q, day, rows);
  return merged.reduce((n, d) => n + d.rows.length, 0);
}
