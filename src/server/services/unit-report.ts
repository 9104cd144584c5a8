/**
 * The chairman's report of a unit (F11): its figures read once (replica when fresh), printed as an
 * official letter with appendices (PDF) or as the same tables in a workbook (XLSX).
 */
import { letterToPdf } from '../documents/report-pdf.js';
import { appendixHeading, unitReportLetter, type LetterDetails } from '../documents/report-letter.js';
import {
  labels,
  unitReportSheets,
  type ReportLang,
  type UnitReportData,
} from '../documents/report-tables.js';
import { toXlsx, type Sheet } from '../documents/spreadsheet.js';
import { adminUnitLevels } from './admin-units.js';
import type { ServiceContext } from './context.js';
import type { PreparedExport, Progress } from './reports.js';
import { unitStats, venueFiguresOf } from './stats.js';

/** Largest per-site table in a unit report. */
const MAX_REPORT_SITES = 20_000;

export async function unitReport(
  ctx: ServiceContext,
  p: Extract<PreparedExport, { kind: 'unit_report' }>,
  lang: ReportLang,
  progress: Progress,
) {
  await progress(0, 3);
  const range = { adminUnit: p.adminUnit, from: p.from, to: p.to };
  const report = await unitStats(ctx, p.actor, range, { live: true });
  await progress(1, 3);
  const scope = {
    level: report.level,
    code: report.adminUnit,
    levels: adminUnitLevels(ctx.config.adminUnitsVersion),
  };
  const { value: sites } = await ctx.reads.run((db) =>
    venueFiguresOf(db, scope, p.from, p.to, MAX_REPORT_SITES),
  );
  await progress(2, 3);
  const data: UnitReportData = {
    unitName: report.adminUnitName,
    from: p.from,
    to: p.to,
    totals: {
      ...report.checkIns,
      registered: report.venues.registered,
      active: report.venues.active,
      people: report.uniquePeople,
      peopleEstimated: report.uniquePeopleEstimated,
      declarations: report.declarations.total,
      flagged: report.declarations.flagged,
      arrivals: report.declarations.arrivals,
    },
    sites: sites.map((s) => ({ name: s.name, total: s.total, electronic: s.electronic, paper: s.paper })),
    units: report.children.map((c) => ({
      name: c.name,
      registered: c.venues.registered,
      active: c.venues.active,
      scans: c.checkIns.total,
      cards: c.cards.issuedToDate,
      population: c.cards.population,
      rate: c.cards.issuanceRate,
    })),
  };
  const sheets = unitReportSheets(data, lang);
  const body =
    p.format === 'pdf'
      ? await unitReportPdf({ ...data, unitCode: report.adminUnit }, sheets, p.letter, lang)
      : await toXlsx(sheets);
  await progress(3, 3);
  return {
    filename: `bao-cao-${report.adminUnit}-${p.from}-${p.to}.${p.format}`,
    body,
  };
}

/** The report as a letter signed by the unit's committee, its tables as appendices I and II. */
function unitReportPdf(
  data: UnitReportData & { unitCode: string },
  sheets: Sheet[],
  details: LetterDetails,
  lang: ReportLang,
) {
  const appendices = sheets.map((sheet, i) => ({
    ...sheet,
    heading: appendixHeading(i === 0 ? 'I' : 'II', data, details, lang),
  }));
  return letterToPdf(labels(lang).title, unitReportLetter(data, details, lang), appendices);
}
