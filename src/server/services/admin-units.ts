/**
 * Administrative units (F1): loading a shipped version on first start, listing children for the
 * pickers, and resolving a venue's commune to its path from the province.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Db, Queryable } from '../db/db.js';
import { LOCKS, lockUntilCommit } from '../db/locks.js';
import * as units from '../db/queries/admin-units.js';
import { AppError } from '../errors.js';
import { ADMIN_UNITS_DIR } from '../paths.js';

const VersionsFile = z.record(
  z.string(),
  z.object({
    title: z.string(),
    source: z.string(),
    levels: z.number().int(),
    file: z.string(),
    /** Where the units of an older version went in this one: older version → TSV of the mapping. */
    mappings: z.record(z.string(), z.string()).optional(),
  }),
);

let shipped: z.output<typeof VersionsFile> | undefined;
/** The versions shipped in reference-data/admin-units/versions.json. */
export function adminUnitVersions() {
  shipped ??= VersionsFile.parse(JSON.parse(readFileSync(resolve(ADMIN_UNITS_DIR, 'versions.json'), 'utf8')));
  return shipped;
}

/** How many levels a shipped version has (3: province, district, commune; 2: province, ward). */
export function adminUnitLevels(version: string): number {
  return adminUnitVersions()[version]?.levels ?? 3;
}

/** Loads `version` from reference-data/admin-units when it is not in the database yet. Safe on concurrent starts. */
export async function ensureAdminUnitsLoaded(db: Db, version: string): Promise<boolean> {
  if (await units.isVersionLoaded(db, version)) return false;
  const meta = adminUnitVersions()[version];
  if (!meta)
    throw new Error(`admin-unit version ${version} is not in reference-data/admin-units/versions.json`);
  const rows = parseTsv(readFileSync(resolve(ADMIN_UNITS_DIR, meta.file), 'utf8'), version);
  // The older lists a mapping comes from are loaded first: old codes and names stay readable.
  for (const from of Object.keys(meta.mappings ?? {})) await ensureAdminUnitsLoaded(db, from);
  const mappings = Object.entries(meta.mappings ?? {}).flatMap(([from, file]) =>
    parseMapping(readFileSync(resolve(ADMIN_UNITS_DIR, file), 'utf8'), from, version),
  );
  await db.tx(async (q) => {
    await lockUntilCommit(q, LOCKS.adminUnits);
    if (await units.isVersionLoaded(q, version)) return;
    await units.insertVersion(q, { version, ...meta });
    // Batched multi-row inserts inside the transaction (COPY cannot join a PGlite transaction).
    for (let i = 0; i < rows.length; i += 2000) await units.insertAdminUnits(q, rows.slice(i, i + 2000));
    for (let i = 0; i < mappings.length; i += 2000)
      await units.insertMappings(q, mappings.slice(i, i + 2000));
  });
  return true;
}

function parseMapping(text: string, fromVersion: string, toVersion: string): units.UnitMapping[] {
  const [, ...lines] = text.trimEnd().split('\n');
  return lines.map((line) => {
    const [fromCode, toCode, rank, matchedBy] = line.split('\t');
    if (!fromCode || !toCode || !rank || (matchedBy !== 'code' && matchedBy !== 'name'))
      throw new Error(`bad admin-unit mapping line: ${line}`);
    return { fromVersion, fromCode, toVersion, toCode, rank: Number(rank), matchedBy };
  });
}

function parseTsv(text: string, version: string): units.NewAdminUnit[] {
  const [, ...lines] = text.trimEnd().split('\n');
  return lines.map((line) => {
    const [code, parent, level, type, name, shortName] = line.split('\t');
    if (!code || !level || !type || !name || !shortName) throw new Error(`bad admin-unit line: ${line}`);
    return { version, code, parentCode: parent || null, level: Number(level), type, name, shortName };
  });
}

/** The pickers' list: children of a unit, or the provinces; a version that is not loaded is not found. */
export async function listChildren(q: Queryable, version: string, parentCode: string | null) {
  const items = await units.listAdminUnits(q, version, parentCode);
  if (!items.length && !(await units.isVersionLoaded(q, version)))
    throw new AppError('not_found', [{ path: 'version', code: 'unknown', message: version }]);
  return items;
}

/**
 * The lowest-level unit a code names today and its path from the province (venues hang off
 * lowest-level units only). A code of an older list (a 2021 commune) is taken to the unit it went to;
 * when it went to several, the caller is asked to choose (400 with the candidates in `details`).
 */
export async function resolveLowestLevelUnit(
  q: Queryable,
  version: string,
  code: string,
  field = 'adminUnitCode',
): Promise<{ code: string; path: string[] }> {
  const { hasChildren, ...unit } = await resolveUnit(q, version, code, field);
  if (hasChildren) throw new AppError('admin_unit_not_lowest_level', [{ path: field, code: 'not_lowest' }]);
  return unit;
}

/**
 * The unit of the list in use a current or older code names, with its path from the province.
 * Unknown: 400 `admin_unit_not_found`; an old unit split among several: 400 `admin_unit_ambiguous`.
 */
export async function resolveUnit(
  q: Queryable,
  version: string,
  code: string,
  field: string,
): Promise<{ code: string; path: string[]; hasChildren: boolean }> {
  const unit = await currentUnitOf(q, version, code, field);
  if (!unit) throw new AppError('admin_unit_not_found', [{ path: field, code: 'unknown', message: code }]);
  return {
    code: unit.code,
    path: await units.adminUnitPath(q, version, unit.code),
    hasChildren: unit.hasChildren,
  };
}

/** Where an older list's unit went in `version`, best match first; null when no loaded list knows it. */
async function whereOldUnitWent(q: Queryable, version: string, code: string) {
  const old = await units.findUnitInOtherVersions(q, version, code);
  return old ? { old, went: await units.mappedUnits(q, version, old.version, code, old.level) } : null;
}

/**
 * The unit of `version` a code names: itself when the list in use has it (a code both lists use is
 * read as today's), else the one unit an older list's unit went to; null when no list knows it. An old
 * unit that went to several is ambiguous: 400 with the candidates under `field`.
 */
export async function currentUnitOf(q: Queryable, version: string, code: string, field: string) {
  const current = await units.findAdminUnit(q, version, code);
  if (current) return current;
  const went = (await whereOldUnitWent(q, version, code))?.went ?? [];
  if (went.length > 1)
    throw new AppError(
      'admin_unit_ambiguous',
      went.map((u) => ({ path: field, code: 'candidate', message: `${u.code} ${u.name}` })),
    );
  return went[0] ? units.findAdminUnit(q, version, went[0].code) : null;
}

/**
 * What a code names today (GET /api/admin-units/resolve): a unit of the current list is itself; a
 * unit of an older list (a 2021 commune, district or province people still write) gives the units
 * it went to, best match first. Unknown everywhere: not found.
 */
export async function resolveUnitCode(q: Queryable, version: string, code: string) {
  const current = await units.findAdminUnit(q, version, code);
  if (current) {
    const { name, level, parentCode } = current;
    return { code, version, name, units: [{ code, name, level, parentCode, rank: 1 }] };
  }
  const found = await whereOldUnitWent(q, version, code);
  if (!found) throw new AppError('not_found', [{ path: 'code', code: 'unknown', message: code }]);
  return { code, version: found.old.version, name: found.old.name, units: found.went };
}
