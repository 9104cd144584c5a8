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
  z.object({ title: z.string(), source: z.string(), levels: z.number().int(), file: z.string() }),
);

/** Loads `version` from reference-data/admin-units when it is not in the database yet. Safe on concurrent starts. */
export async function ensureAdminUnitsLoaded(db: Db, version: string): Promise<boolean> {
  if (await units.isVersionLoaded(db, version)) return false;
  const meta = VersionsFile.parse(
    JSON.parse(readFileSync(resolve(ADMIN_UNITS_DIR, 'versions.json'), 'utf8')),
  )[version];
  if (!meta)
    throw new Error(`admin-unit version ${version} is not in reference-data/admin-units/versions.json`);
  const rows = parseTsv(readFileSync(resolve(ADMIN_UNITS_DIR, meta.file), 'utf8'), version);
  await db.tx(async (q) => {
    await lockUntilCommit(q, LOCKS.adminUnits);
    if (await units.isVersionLoaded(q, version)) return;
    await units.insertVersion(q, { version, ...meta });
    // Batched multi-row inserts inside the transaction (COPY cannot join a PGlite transaction).
    for (let i = 0; i < rows.length; i += 2000) await units.insertAdminUnits(q, rows.slice(i, i + 2000));
  });
  return true;
}

function parseTsv(text: string, version: string): units.NewAdminUnit[] {
  const [, ...lines] = text.trimEnd().split('\n');
  return lines.map((line) => {
    const [code, parent, level, type, name, shortName] = line.split('\t');
    if (!code || !level || !type || !name || !shortName) throw new Error(`bad admin-unit line: ${line}`);
    return { version, code, parentCode: parent || null, level: Number(level), type, name, shortName };
  });
}

export function listChildren(q: Queryable, version: string, parentCode: string | null) {
  return units.listAdminUnits(q, version, parentCode);
}

/** The path from the province to a lowest-level unit; venues hang off lowest-level units only. */
export async function resolveLowestLevelUnit(q: Queryable, version: string, code: string): Promise<string[]> {
  const unit = await units.findAdminUnit(q, version, code);
  if (!unit) throw new AppError('admin_unit_not_found', [{ path: 'adminUnitCode', code: 'unknown' }]);
  if (unit.hasChildren)
    throw new AppError('admin_unit_not_lowest_level', [{ path: 'adminUnitCode', code: 'not_lowest' }]);
  return units.adminUnitPath(q, version, code);
}
