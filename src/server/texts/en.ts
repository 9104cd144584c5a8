/** Every text the server writes, in English (the same shape as vi.ts). */
import { plainAscii } from './ascii.js';
import type { Texts } from './vi.js';
import { vietnameseDate } from '../domain/local-day.js';

// Figures keep the Vietnamese grouping in every language, as the printed reports always had.
const fmt = (n: number) => n.toLocaleString('vi-VN');

export const en: Texts = {
  errors: {
    validation_failed: 'The request data is invalid.',
    invalid_json: 'The request body is not valid JSON.',
    payload_too_large: 'The request body is too large.',
    unsupported_media_type: 'Unsupported content type (send JSON).',
    bad_request: 'Bad request.',
    not_logged_in: 'You need to log in.',
    invalid_credentials: 'Wrong username or password.',
    forbidden_origin: 'The request came from another web site and was refused.',
    phone_has_account: 'This phone number already has an account. Log in with it, then add the venue.',
    uri_too_long: 'The request address is too long.',
    headers_too_large: 'The request headers are too large.',
    kiosk_not_found: 'Kiosk not found.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'Not found.',
    venue_not_found: 'Venue not found. The QR code may be mistyped or forged.',
    check_in_not_found: 'Check-in not found.',
    unit_not_found: 'Administrative unit not found within your area.',
    invalid_date_range:
      'Invalid date range: "from" must not be after today or after "to", and the range may span at most 366 days.',
    export_not_found: 'Export not found.',
    export_not_ready: 'The export is not ready yet.',
    deadline_not_found: 'Registration deadline not found.',
    account_not_found: 'No such account within your area.',
    password_change_required: 'Your password is a temporary one. Choose a new password before going on.',
    current_password_wrong: 'The current password is wrong.',
    setup_link_invalid: 'This setup link is wrong or has expired. Restart the server to get a new one.',
    setup_done: 'An admin account exists already. Log in.',
    admin_unit_not_found: 'Administrative unit not found.',
    admin_unit_ambiguous:
      'This old unit code now belongs to several new units. Choose one of the units suggested.',
    admin_unit_not_lowest_level: 'Choose a commune-level unit (xã/phường/thị trấn).',
    venue_suspended: 'This venue is suspended and cannot take check-ins.',
    username_taken: 'This username is already taken. Choose another one.',
    manager_password_required: 'A password for the venue manager account is required.',
    invalid_checkout_token: 'The check-out token is not valid.',
    rate_limited: 'Too many requests, try again shortly.',
    card_not_found: 'Invalid card: the QR code is wrong or forged.',
    subject_ambiguous: 'Several people use this number. Give the full name of the person to trace.',
    cccd_invalid:
      'This QR code is not that of a chip ID card (or it is damaged). Scan it again or type the person in.',
    card_revoked: 'This card has been revoked. Use the reissued card.',
    invalid_holder_token: 'You are not the holder of this card.',
    at_in_future: 'The entry time cannot be in the future.',
    at_too_old: 'The entry time is older than the retention period.',
    person_required: 'Scan a card or enter a full name and phone number.',
    hotspot_not_found: 'Hotspot not found.',
    database_unavailable:
      'The database is not answering right now. Nothing was saved; try again in a few seconds.',
    shutting_down: 'The server is restarting. Nothing was saved; try again in a few seconds.',
    storage_full:
      'The server has paused writing because it is nearly out of disk space. Nothing was saved; try again later.',
    internal_error: 'Something went wrong, please try again.',
  },
  fieldMissing: 'This field is required.',
  schemaRules: {
    phone: 'Not a valid phone number: 10 digits starting with 0, e.g. 0912345678.',
    date_out_of_range: 'The date is outside the accepted range (years 2000 to 2100).',
    subject_needed: "The case's phone, ID number or card QR is needed.",
    nothing_to_change: 'There is nothing to change.',
    one_of_country_or_province:
      'Give where the journey began as a country or a province: exactly one of them.',
    arrival_facts_with_arrival_kind_only:
      'Journey facts go only with the declaration of someone arriving from elsewhere.',
  },
  report: {
    title: 'REPORT ON ELECTRONIC HEALTH DECLARATIONS AND QR SCANS',
    unit: 'Unit',
    period: (f: string, t: string) => `From ${vietnameseDate(f)} to ${vietnameseDate(t)}`,
    summary: (total: number, electronic: number, paper: number) =>
      `${fmt(total)} entries in total (${fmt(electronic)} electronic with a QR scan, ${fmt(paper)} on paper).`,
    venuesLine: (registered: number, active: number) =>
      `Venues with a QR: ${fmt(registered)}; venues that scanned: ${fmt(active)}.`,
    arrivalsLine: (arrivals: number) =>
      `People arriving to stay, with an arrival declaration (domestic and from abroad): ${fmt(arrivals)}.`,
    peopleLine: (people: string, decl: number, flagged: number) =>
      `Distinct people: ${people}; health declarations: ${fmt(decl)} (flagged: ${fmt(flagged)}).`,
    estimated: (people: number) => `about ${fmt(people)} (estimate)`,
    sites: 'Per site',
    units: 'Per unit',
    no: 'No.',
    site: 'Site',
    total: 'Total',
    electronic: 'Electronic (QR scan)',
    paper: 'Paper',
    totals: 'Total',
    unitCol: 'Unit',
    registered: 'Venues registered',
    active: 'Venues scanning',
    scans: 'Scans',
    cards: 'Cards issued (to date)',
    population: 'Population',
    rate: 'Card issuance rate',
    listTitle: 'ENTRY AND EXIT LIST',
    name: 'Full name',
    phone: 'Phone',
    in: 'In',
    out: 'Out',
    channel: 'Channel',
    flag: 'Flagged',
    yes: 'Yes',
    letter: {
      nation: 'SOCIALIST REPUBLIC OF VIET NAM',
      motto: 'Independence - Freedom - Happiness',
      committee: "PEOPLE'S COMMITTEE",
      committeeName: (unit: string) => `The People's Committee of ${unit}`,
      national: 'MINISTRY OF HEALTH',
      nationalName: 'The Ministry of Health',
      number: (n: string | null, national: boolean) =>
        `No.: ${n ?? `${' '.repeat(10)}/BC-${national ? 'BYT' : 'UBND'}`}`,
      placeDate: (place: string, y: number, m: number, d: number) =>
        `${place}, ${d} ${new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`,
      kind: 'REPORT',
      subject: (f: string, t: string) =>
        `Electronic health declarations and QR scans from ${vietnameseDate(f)} to ${vietnameseDate(t)}`,
      opening: (issuer: string, f: string, t: string) =>
        `Following the instructions to promote electronic health declarations by QR code, ${issuer} reports on the period from ${vietnameseDate(f)} to ${vietnameseDate(t)} as follows:`,
      entries: (total: number, electronic: number, paper: number, more: boolean) =>
        `1. Health declarations on entering venues: ${fmt(total)} entries in total (${fmt(electronic)} electronic with a QR scan, ${fmt(paper)} on paper)${more ? ', namely:' : '.'}`,
      site: (name: string, total: number, electronic: number, paper: number) =>
        `+ At ${name}: ${fmt(total)} entries (${fmt(electronic)} electronic with a QR scan, ${fmt(paper)} on paper).`,
      otherSites: (count: number, total: number, electronic: number, paper: number) =>
        `+ At ${fmt(count)} other venues: ${fmt(total)} entries (${fmt(electronic)} electronic with a QR scan, ${fmt(paper)} on paper). Details in Appendix I.`,
      venues: (line: string) => `2. ${line}`,
      people: (line: string) => `3. ${line}`,
      arrivals: (line: string) => `4. ${line}`,
      units: '5. Cards issued and scans per subordinate unit: details in Appendix II.',
      closing: (issuer: string) => `${issuer} submits this report for follow-up and direction.`,
      recipientsHeading: 'Recipients:',
      recipients: [
        '- Steering committee for epidemic control, upper level (for reporting);',
        '- As above;',
        '- Archive: VT.',
      ],
      signCommittee: ["ON BEHALF OF THE PEOPLE'S COMMITTEE", 'CHAIRMAN'],
      signNational: ['FOR THE MINISTER', 'DEPUTY MINISTER'],
      appendix: (n: string) => `APPENDIX ${n}`,
      attached: (number: string | null, f: string, t: string) =>
        `(Attached to report${number ? ` No. ${number}` : ''} on electronic health declarations from ${vietnameseDate(f)} to ${vietnameseDate(t)})`,
      sitesTitle: 'HEALTH DECLARATION ENTRIES PER SITE',
      unitsTitle: 'CARDS ISSUED AND SCANS PER SUBORDINATE UNIT',
    },
  },
  sms: {
    contactNotice: (venueName: string, day: string, hotline: string) =>
      `You may have been in contact with a case at ${plainAscii(venueName)} on ${day}. Watch your health, limit contacts and call the health hotline ${hotline}.`,
    reminder: (venueName: string, message: string) => `[${venueName}] ${message}`,
  },
};
