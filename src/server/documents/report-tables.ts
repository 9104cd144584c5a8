/**
 * The chairman's report (F11) and the venue in/out list as tables, in the shape of the letters:
 * seed 000 (per site: total, electronic with QR scan, paper; totals) and seed 002 (cards issued %,
 * scans per unit). The same tables feed the PDF, the XLSX and the CSV.
 */
import { textsFor, type Lang } from '../texts/index.js';
import { channelName, type Channel } from '../../shared/channels.js';
import type { CellValue } from '../domain/spreadsheet-safety.js';
import type { Sheet } from './spreadsheet.js';

export type ReportLang = Lang;

export const labels = (lang: ReportLang) => textsFor(lang).report;

function fmt(n: number): string {
  return n.toLocaleString('vi-VN');
}

export interface UnitReportData {
  unitName: string;
  from: string;
  to: string;
  totals: {
    total: number;
    electronic: number;
    paper: number;
    registered: number;
    active: number;
    people: number;
    /** `people` is a sketch estimate (large units over several days). */
    peopleEstimated: boolean;
    declarations: number;
    flagged: number;
    /** Arrival declarations (F21) of people staying in the unit, by arrival day. */
    arrivals: number;
  };
  sites: { name: string; total: number; electronic: number; paper: number }[];
  units: {
    name: string;
    registered: number;
    active: number;
    scans: number;
    cards: number;
    population: number | null;
    rate: number | null;
  }[];
}

export function unitReportHeading(d: UnitReportData, lang: ReportLang): string[] {
  const l = labels(lang);
  return [
    l.title,
    `${l.unit}: ${d.unitName}`,
    l.period(d.from, d.to),
    l.summary(d.totals.total, d.totals.electronic, d.totals.paper),
    l.venuesLine(d.totals.registered, d.totals.active),
    l.peopleLine(
      d.totals.peopleEstimated ? l.estimated(d.totals.people) : fmt(d.totals.people),
      d.totals.declarations,
      d.totals.flagged,
    ),
    l.arrivalsLine(d.totals.arrivals),
  ];
}

export function unitReportSheets(d: UnitReportData, lang: ReportLang): Sheet[] {
  const l = labels(lang);
  const sites: Sheet = {
    name: l.sites,
    heading: unitReportHeading(d, lang),
    columns: [
      { header: l.no, width: 6 },
      { header: l.site, width: 48 },
      { header: l.total },
      { header: l.electronic, width: 22 },
      { header: l.paper },
    ],
    rows: d.sites.map((s, i) => [i + 1, s.name, s.total, s.electronic, s.paper]),
    totals: [null, l.totals, d.totals.total, d.totals.electronic, d.totals.paper],
  };
  const units: Sheet = {
    name: l.units,
    heading: [l.title, `${l.unit}: ${d.unitName}`, l.period(d.from, d.to)],
    columns: [
      { header: l.no, width: 6 },
      { header: l.unitCol, width: 32 },
      { header: l.registered },
      { header: l.active },
      { header: l.scans },
      { header: l.cards, width: 20 },
      { header: l.population },
      { header: l.rate },
    ],
    rows: d.units.map((u, i): CellValue[] => [
      i + 1,
      u.name,
      u.registered,
      u.active,
      u.scans,
      u.cards,
      u.population,
      percent(u.rate),
    ]),
  };
  return d.units.length ? [sites, units] : [sites];
}

export function percent(rate: number | null): string | null {
  return rate === null ? null : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

export interface VisitListRow {
  fullName: string;
  phone: string;
  checkedIn: string;
  checkedOut: string | null;
  channel: Channel;
  flagged: boolean;
}

export function visitListSheet(
  venueName: string,
  from: string,
  to: string,
  rows: VisitListRow[],
  lang: ReportLang,
): Sheet {
  const l = labels(lang);
  return {
    name: l.listTitle,
    heading: [l.listTitle, `${l.site}: ${venueName}`, l.period(from, to)],
    columns: [
      { header: l.no, width: 6 },
      { header: l.name, width: 28 },
      { header: l.phone, width: 14 },
      { header: l.in, width: 18 },
      { header: l.out, width: 18 },
      { header: l.channel, width: 18 },
      { header: l.flag, width: 12 },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.fullName,
      r.phone,
      r.checkedIn,
      r.checkedOut,
      channelName(r.channel, lang),
      r.flagged ? l.yes : null,
    ]),
  };
}

export interface TracingTable {
  subjectName: string | null;
  from: string;
  to: string;
  visits: { venueName: string; checkedIn: string; checkedOut: string | null }[];
  contacts: {
    level: 1 | 2;
    fullName: string;
    phone: string;
    venueName: string;
    overlapMinutes: number;
    firstContact: string;
  }[];
}

const TRACING = {
  vi: {
    title: 'DANH SÁCH TIẾP XÚC',
    visits: 'Nơi ca bệnh đã đến',
    contacts: 'Người tiếp xúc',
    subject: 'Ca bệnh (F0)',
    level: 'Mức',
    minutes: 'Số phút tiếp xúc',
    first: 'Bắt đầu tiếp xúc',
  },
  en: {
    title: 'CONTACT LIST',
    visits: 'Places the case visited',
    contacts: 'Contacts',
    subject: 'Case (F0)',
    level: 'Level',
    minutes: 'Minutes shared',
    first: 'Contact from',
  },
} as const;

export function tracingSheets(d: TracingTable, lang: ReportLang): Sheet[] {
  const l = labels(lang);
  const tr = TRACING[lang];
  const heading = [tr.title, `${tr.subject}: ${d.subjectName ?? '—'}`, l.period(d.from, d.to)];
  return [
    {
      name: tr.contacts,
      heading,
      columns: [
        { header: l.no, width: 6 },
        { header: tr.level, width: 6 },
        { header: l.name, width: 28 },
        { header: l.phone, width: 14 },
        { header: l.site, width: 32 },
        { header: tr.minutes },
        { header: tr.first, width: 18 },
      ],
      rows: d.contacts.map((c, i) => [
        i + 1,
        `F${c.level}`,
        c.fullName,
        c.phone,
        c.venueName,
        c.overlapMinutes,
        c.firstContact,
      ]),
    },
    {
      name: tr.visits,
      heading,
      columns: [
        { header: l.no, width: 6 },
        { header: l.site, width: 36 },
        { header: l.in, width: 18 },
        { header: l.out, width: 18 },
      ],
      rows: d.visits.map((v, i) => [i + 1, v.venueName, v.checkedIn, v.checkedOut]),
    },
  ];
}
