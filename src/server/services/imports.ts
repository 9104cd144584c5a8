/**
 * Venue import (F2 registration by officials, F11 "imports show progress"): a CSV of venues, one per
 * row, registered as by the official one by one in a background job; the result is a CSV report with
 * each row's outcome (the new venue's check-in URL, or why the row was refused).
 */
import { csvRecords } from '../domain/csv.js';
import type { Actor } from '../domain/access.js';
import { toCsv } from '../documents/spreadsheet.js';
import { AppError, type ErrorCode } from '../errors.js';
import { VenueRegistration } from '../../shared/api/venues.js';
import { requireActor } from './access.js';
import type { ServiceContext } from './context.js';
import { runJob } from './exports.js';
import { registerVenue } from './venues.js';

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 5000;
const REQUIRED = ['name', 'category', 'adminUnitCode', 'address', 'contactName', 'contactPhone'] as const;
/** Rows registered between two progress reports. */
const STEP = 25;

export async function startVenueImport(
  ctx: ServiceContext,
  actor: Actor | null,
  csv: string,
  describe: (code: ErrorCode) => string,
) {
  const who = requireActor(actor);
  if (who.role !== 'admin' && who.role !== 'official') throw new AppError('forbidden');
  const { header, records } = csvRecords(csv);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    throw new AppError(
      'validation_failed',
      missing.map((c) => ({ path: `csv.${c}`, code: 'missing_column' })),
    );
  if (records.length === 0 || records.length > MAX_IMPORT_ROWS)
    throw new AppError('validation_failed', [
      { path: 'csv', code: 'row_count', message: `1–${MAX_IMPORT_ROWS}` },
    ]);

  return runJob(ctx, who, 'venue_import', { rows: records.length }, async (progress) => {
    const report: (string | number | null)[][] = [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const parsed = VenueRegistration.safeParse({
        ...r,
        capacity: r.capacity ? Number(r.capacity) : undefined,
        managerPassword: r.managerPassword || undefined,
      });
      if (!parsed.success) {
        report.push([
          i + 2,
          r.name ?? '',
          'error',
          null,
          null,
          `${describe('validation_failed')} ${parsed.error.issues.map((x) => x.path.join('.')).join(', ')}`,
        ]);
      } else {
        try {
          const v = await registerVenue(ctx, who, parsed.data);
          report.push([i + 2, parsed.data.name, 'ok', v.id, v.checkInUrl, null]);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          report.push([i + 2, parsed.data.name, 'error', null, null, describe(err.code)]);
        }
      }
      if ((i + 1) % STEP === 0 || i === records.length - 1) await progress(i + 1, records.length);
    }
    const body = toCsv({
      name: 'import',
      heading: [],
      columns: ['row', 'name', 'status', 'venueId', 'checkInUrl', 'error'].map((header) => ({ header })),
      rows: report,
    });
    return {
      filename: `nhap-dia-diem-${ctx.now().toISOString().slice(0, 10)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body,
    };
  });
}
