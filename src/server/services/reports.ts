/**
 * Reports and exports (F11): the chairman's report for a unit (PDF, XLSX) and a venue's in/out list
 * (CSV, XLSX). Access and ranges are settled first (`prepareExport`), then the file is produced with
 * progress reported step by step (`produceExport`), so a long export can run as a job.
 */
import type { Queryable } from '../db/db.js';
import * as checkIns from '../db/queries/check-ins.js';
import { seesVisitorPhones, type Actor } from '../domain/access.js';
import { maskPhone } from '../../shared/phone.js';
import { addDays, localDateTime, startOfLocalDay } from '../domain/local-day.js';
import type { LetterDetails } from '../documents/report-letter.js';
import {
  tracingSheets as tracingTables,
  visitListSheet,
  type ReportLang,
  type VisitListRow,
} from '../documents/report-tables.js';
import { toCsv, toXlsx } from '../documents/spreadsheet.js';
import { venueFor } from './access.js';
import type { ServiceContext } from './context.js';
import { localToday, requestedDays } from './ranges.js';
import { statsScope } from './stats.js';
import { unitReport } from './unit-report.js';

export type ExportRequest =
  | {
      kind: 'unit_report';
      format: 'pdf' | 'xlsx';
      adminUnit?: string;
      from?: string;
      to?: string;
      number?: string;
      signer?: string;
    }
  | { kind: 'venue_list'; format: 'csv' | 'xlsx'; venueId: number; from?: string; to?: string };

/** An export whose access and range are settled. */
export type PreparedExport =
  | {
      kind: 'unit_report';
      format: 'pdf' | 'xlsx';
      actor: Actor;
      adminUnit: string;
      from: string;
      to: string;
      letter: LetterDetails;
    }
  | {
      kind: 'venue_list';
      format: 'csv' | 'xlsx';
      venueId: number;
      venueName: string;
      from: string;
      to: string;
      /** The caller is a venue manager: phones are masked. */
      maskPhones: boolean;
    };

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export type Progress = (done: number, total: number) => Promise<void>;

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Rows read per step of a venue list (a step is one progress report). */
const LIST_PAGE = 2000;

export async function prepareExport(
  ctx: ServiceContext,
  actor: Actor | null,
  req: ExportRequest,
): Promise<PreparedExport> {
  if (req.kind === 'unit_report') {
    const { unit, from, to } = await statsScope(ctx, actor, req);
    const letter = {
      number: req.number ?? null,
      signer: req.signer ?? null,
      issuedOn: localToday(ctx),
    };
    return { kind: 'unit_report', format: req.format, actor: actor!, adminUnit: unit.code, from, to, letter };
  }
  const venue = await venueFor(ctx.db, actor, req.venueId, 'manage');
  const { from, to } = requestedDays(ctx, req);
  return {
    kind: 'venue_list',
    format: req.format,
    venueId: venue.id,
    venueName: venue.name,
    from,
    to,
    maskPhones: !seesVisitorPhones(actor!),
  };
}

export async function produceExport(
  ctx: ServiceContext,
  p: PreparedExport,
  lang: ReportLang,
  progress: Progress = async () => {},
): Promise<ExportFile> {
  if (p.kind === 'venue_list') return visitList(ctx, p, lang, progress);
  return { ...(await unitReport(ctx, p, lang, progress)), contentType: CONTENT_TYPES[p.format] };
}

async function visitList(
  ctx: ServiceContext,
  p: Extract<PreparedExport, { kind: 'venue_list' }>,
  lang: ReportLang,
  progress: Progress,
) {
  const tz = ctx.config.timeZone;
  const from = startOfLocalDay(p.from, tz);
  const to = startOfLocalDay(addDays(p.to, 1), tz);
  const steps = await ctx.reads.run(async (db) => {
    const total = await checkIns.countVenueCheckIns(db, p.venueId, from, to);
    return Math.max(1, Math.ceil(total / LIST_PAGE)) + 1;
  });
  const { value: rows } = await ctx.reads.run((db) =>
    visitRows(db, p, { from, to, tz, steps: steps.value }, progress),
  );
  const sheet = visitListSheet(p.venueName, p.from, p.to, rows, lang);
  const body = p.format === 'csv' ? toCsv(sheet) : await toXlsx([sheet]);
  await progress(steps.value, steps.value);
  return {
    filename: `danh-sach-ra-vao-${p.venueId}-${p.from}-${p.to}.${p.format}`,
    contentType: CONTENT_TYPES[p.format],
    body,
  };
}

/** The visits of a venue list, page by page (each page one step of progress). */
async function visitRows(
  db: Queryable,
  p: Extract<PreparedExport, { kind: 'venue_list' }>,
  range: { from: Date; to: Date; tz: string; steps: number },
  progress: Progress,
) {
  const { from, to, tz, steps } = range;
  await progress(0, steps);
  const rows: VisitListRow[] = [];
  let after: { at: Date; id: string } | null = null;
  for (let step = 1; ; step++) {
    const page = await checkIns.venueCheckInsPage(db, p.venueId, from, to, after, LIST_PAGE);
    for (const c of page) {
      rows.push({
        fullName: c.fullName,
        phone: p.maskPhones ? maskPhone(c.phone) : c.phone,
        checkedIn: localDateTime(c.checkedInAt, tz),
        checkedOut: c.checkedOutAt ? localDateTime(c.checkedOutAt, tz) : null,
        channel: c.channel,
        flagged: c.flagged,
      });
    }
    await progress(Math.min(step, steps - 1), steps);
    if (page.length < LIST_PAGE) break;
    const last = page[page.length - 1]!;
    after = { at: last.checkedInAt, id: last.id };
  }
  return rows;
}

/** A tracing answer as a file: the contacts (CSV), or contacts and visits (XLSX). */
export async function tracingSheets(
  ctx: ServiceContext,
  r: {
    subject: { fullName: string } | null;
    from: string;
    to: string;
    visits: { venueName: string; checkedInAt: string; checkedOutAt: string | null }[];
    contacts: {
      level: 1 | 2;
      person: { fullName: string; phone: string };
      venueName: string;
      overlapMinutes: number;
      firstContactAt: string;
    }[];
  },
  format: 'csv' | 'xlsx',
  lang: ReportLang,
): Promise<ExportFile> {
  const tz = ctx.config.timeZone;
  const at = (s: string) => localDateTime(new Date(s), tz);
  const sheets = tracingTables(
    {
      subjectName: r.subject?.fullName ?? null,
      from: r.from,
      to: r.to,
      visits: r.visits.map((v) => ({
        venueName: v.venueName,
        checkedIn: at(v.checkedInAt),
        checkedOut: v.checkedOutAt ? at(v.checkedOutAt) : null,
      })),
      contacts: r.contacts.map((c) => ({
        level: c.level,
        fullName: c.person.fullName,
        phone: c.person.phone,
        venueName: c.venueName,
        overlapMinutes: c.overlapMinutes,
        firstContact: at(c.firstContactAt),
      })),
    },
    lang,
  );
  const body = format === 'csv' ? toCsv(sheets[0]!) : await toXlsx(sheets);
  return { filename: `truy-vet-${r.from}-${r.to}.${format}`, contentType: CONTENT_TYPES[format], body };
}
