/**
 * The chairman's report (F11) as the letters in the seeds are written: a unit's committee reports to
 * the level above, its figures in the wording of seed 000 ("tổng số … lượt người (trong đó khai báo
 * điện tử có quét mã QR … lượt người, khai báo giấy … lượt người)"), the tables as appendices.
 */
import type { OfficialLetter } from './official-letter.js';
import { labels, type ReportLang, type UnitReportData } from './report-tables.js';

/** How the report is signed and numbered: given by the person printing it, else left blank. */
export interface LetterDetails {
  /** "123/BC-UBND"; none: room for a number written by hand. */
  number: string | null;
  /** The signer's name under the signature; none: signed by hand. */
  signer: string | null;
  /** The day the report is issued (YYYY-MM-DD, local). */
  issuedOn: string;
}

/** Sites named one by one in the body; the rest are summed in one line (all are in Appendix I). */
export const SITES_IN_BODY = 10;

const UNIT_TYPES = /^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Quận|Huyện|Thị xã|Thị trấn)\s+/u;

/** "Thành phố Hà Nội" → "Hà Nội": a unit's name as the place line of a letter writes it. */
export function placeOf(unitName: string): string {
  return unitName.replace(UNIT_TYPES, '');
}

export function unitReportLetter(
  d: UnitReportData & { unitCode: string },
  details: LetterDetails,
  lang: ReportLang,
): OfficialLetter {
  const l = labels(lang);
  const w = l.letter;
  const national = d.unitCode === 'VN';
  const issuerName = national ? w.nationalName : w.committeeName(d.unitName);
  const [y, m, day] = details.issuedOn.split('-').map(Number) as [number, number, number];
  return {
    issuer: { body: national ? w.national : `${w.committee}\n${d.unitName.toLocaleUpperCase('vi')}` },
    nation: { name: w.nation, motto: w.motto },
    number: w.number(details.number, national),
    placeDate: w.placeDate(national ? 'Hà Nội' : placeOf(d.unitName), y, m, day),
    kind: w.kind,
    subject: w.subject(d.from, d.to),
    body: [
      w.opening(issuerName, d.from, d.to),
      ...entriesParagraphs(d, lang),
      w.venues(l.venuesLine(d.totals.registered, d.totals.active)),
      w.people(
        l.peopleLine(
          d.totals.peopleEstimated ? l.estimated(d.totals.people) : d.totals.people.toLocaleString('vi-VN'),
          d.totals.declarations,
          d.totals.flagged,
        ),
      ),
      w.arrivals(l.arrivalsLine(d.totals.arrivals)),
      ...(d.units.length ? [w.units] : []),
      w.closing(issuerName),
    ],
    recipients: { heading: w.recipientsHeading, lines: w.recipients },
    signature: { lines: national ? w.signNational : w.signCommittee, name: details.signer },
  };
}

function entriesParagraphs(d: UnitReportData, lang: ReportLang): string[] {
  const w = labels(lang).letter;
  const visited = d.sites.filter((s) => s.total > 0).sort((a, b) => b.total - a.total);
  const named = visited.slice(0, SITES_IN_BODY);
  const others = visited.slice(SITES_IN_BODY);
  const sum = (key: 'total' | 'electronic' | 'paper') => others.reduce((n, s) => n + s[key], 0);
  return [
    w.entries(d.totals.total, d.totals.electronic, d.totals.paper, named.length > 0),
    ...named.map((s) => w.site(s.name, s.total, s.electronic, s.paper)),
    ...(others.length ? [w.otherSites(others.length, sum('total'), sum('electronic'), sum('paper'))] : []),
  ];
}

/** The heading of an appendix table: which appendix, what it holds, which report it goes with. */
export function appendixHeading(
  numeral: 'I' | 'II',
  d: UnitReportData,
  details: LetterDetails,
  lang: ReportLang,
): string[] {
  const l = labels(lang);
  const w = l.letter;
  return [
    w.appendix(numeral),
    numeral === 'I' ? w.sitesTitle : w.unitsTitle,
    w.attached(details.number, d.from, d.to),
    `${l.unit}: ${d.unitName}`,
  ];
}
