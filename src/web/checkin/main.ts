/**
 * The check-in page behind every venue QR (F4, F19). Plain TypeScript, no framework: it must open fast
 * on a cheap phone over a slow network. The server embeds the venue in the page; the form is filled
 * once and remembered on the device; one tap checks in the owner and the family members kept on the
 * device; the confirmation is big enough for staff at the door to read.
 */
import { MAX_NAME_LENGTH, MAX_PHONE_INPUT_LENGTH } from '../../shared/limits.js';
import { el } from './dom.js';
import type { CheckInAnswer } from '../../shared/api/check-ins.js';
import type { PublicVenue } from '../../shared/api/venues.js';
import { ApiError } from '../api/client.js';
import { checkInPerson, checkOutAll } from './requests.js';
import { checkinEn, checkinVi } from '../i18n/checkin-texts.js';
import { currentLang, setLang } from '../i18n/lang.js';
import { normalizePhone } from '../../shared/phone.js';
import { loadPeople, openStaysAt, saveProfile, type DevicePerson } from '../device/store.js';
import { confirmationCard, occupancyNote, stopClock, type ShownAnswer } from './confirmation.js';
import { deviceNotices, noticesBox } from './notices.js';
import type { HistoryEntry } from '../../shared/api/tracing.js';

const root = document.getElementById('root')!;
const data = JSON.parse(document.getElementById('venue-data')?.textContent ?? '{}') as {
  code?: string;
  venue?: PublicVenue | null;
  retentionDays?: number;
  defaultStayMinutes?: number;
};
const messages = () => (currentLang() === 'en' ? checkinEn : checkinVi);
let t = messages();

type View =
  | { kind: 'form'; editing: boolean; error?: string }
  | { kind: 'done'; answers: ShownAnswer[]; checkedOutAt?: string; error?: string };
let lastView: View = { kind: 'form', editing: false };
/** The device's check-ins with the notices left on them, once asked (after the first drawing). */
let notices: HistoryEntry[] = [];
/** What was typed in the form, kept when it is shown again (an error, a failed send). */
let draft: { fullName: string; phone: string } | null = null;

function header(): HTMLElement {
  const lang = el('button', { className: 'lang', type: 'button', textContent: t.language });
  lang.onclick = () => {
    setLang(currentLang() === 'vi' ? 'en' : 'vi');
    t = messages();
    render(lastView);
  };
  return el('div', { className: 'top' }, el('span', { className: 'brand', textContent: t.ci_title }), lang);
}

function venueCard(venue: PublicVenue): HTMLElement {
  return el(
    'section',
    { className: 'card' },
    el('h1', { className: 'venue-name', textContent: venue.name }),
    el('p', { className: 'muted', textContent: `${venue.address}, ${venue.adminUnitName}` }),
  );
}

function render(view: View) {
  lastView = view;
  stopClock();
  root.replaceChildren(header());
  const box = noticesBox(t, notices);
  if (box) root.append(box);
  const venue = data.venue;
  if (!venue) {
    root.append(el('div', { className: 'error', textContent: t.ci_invalid_code }));
    return;
  }
  if (view.kind === 'done') return renderDone(venue, view);
  root.append(venueCard(venue));
  const occupancy = occupancyNote(t, venue.occupancy);
  if (occupancy && venue.status !== 'suspended') root.append(occupancy);
  if (venue.status === 'suspended') {
    root.append(el('div', { className: 'warn', textContent: t.ci_suspended }));
    return;
  }
  renderForm(view);
}

/** Name and phone, filled with what was typed before (or the device's profile), and the phone's error line. */
function personInputs(me: DevicePerson | undefined) {
  const name = el('input', {
    type: 'text',
    id: 'fullName',
    name: 'fullName',
    autocomplete: 'name',
    required: true,
    maxLength: MAX_NAME_LENGTH,
    value: draft?.fullName ?? me?.fullName ?? '',
  });
  const phone = el('input', {
    type: 'tel',
    id: 'phone',
    name: 'phone',
    autocomplete: 'tel',
    inputMode: 'tel',
    required: true,
    maxLength: MAX_PHONE_INPUT_LENGTH,
    value: draft?.phone ?? me?.phone ?? '',
  });
  const phoneError = el('div', { className: 'field-error', id: 'phone-error', role: 'alert' });
  phone.setAttribute('aria-describedby', 'phone-error');
  return { name, phone, phoneError };
}

function renderForm(view: Extract<View, { kind: 'form' }>) {
  const people = loadPeople();
  const me = people.find((p) => p.me);
  const card = el('form', { className: 'card' });
  const submit = el('button', { className: 'btn btn-primary', type: 'submit', textContent: t.ci_submit });
  const { name, phone, phoneError } = personInputs(me);
  const remember = el('input', { type: 'checkbox', id: 'remember', checked: true });
  const boxes = new Map<string, HTMLInputElement>();
  const typing = !me || view.editing;
  if (typing) {
    card.append(
      el('label', { htmlFor: 'fullName', textContent: t.ci_full_name }),
      name,
      el('label', { htmlFor: 'phone', textContent: t.ci_phone }),
      phone,
      phoneError,
      el('label', { className: 'check' }, remember, t.ci_remember),
    );
  } else if (people.length === 1) {
    const edit = el('button', { className: 'link', type: 'button', textContent: t.ci_edit });
    edit.onclick = () => render({ kind: 'form', editing: true });
    card.append(
      el('p', { className: 'venue-name', textContent: me.fullName }),
      el('p', { className: 'muted', textContent: me.phone }),
      edit,
    );
  } else {
    card.append(el('p', { className: 'muted', textContent: t.ci_who }));
    for (const person of people) {
      const box = el('input', { type: 'checkbox', checked: true, value: person.key });
      boxes.set(person.key, box);
      card.append(el('label', { className: 'check person' }, box, person.fullName));
    }
    submit.textContent = t.ci_submit_group;
  }
  card.append(submit);
  if (view.error) card.append(el('div', { className: 'error', role: 'alert', textContent: view.error }));
  card.onsubmit = async (event) => {
    event.preventDefault();
    let chosen: DevicePerson[];
    if (typing) {
      const person = { fullName: name.value.trim(), phone: phone.value.trim() };
      draft = person;
      // The error beside the field; nothing typed is lost.
      phoneError.textContent = normalizePhone(person.phone) ? '' : t.phone_invalid;
      phone.setAttribute('aria-invalid', String(Boolean(phoneError.textContent)));
      if (phoneError.textContent) return phone.focus();
      saveProfile(person, remember.checked);
      chosen = [{ ...person, key: 'me', me: true }];
    } else {
      chosen = people.filter((p) => boxes.size === 0 || boxes.get(p.key)?.checked);
      if (chosen.length === 0) return;
    }
    submit.disabled = true;
    submit.textContent = t.ci_sending;
    await checkIn(chosen, view.editing);
  };
  root.append(
    card,
    el('p', {
      className: 'muted',
      textContent: t.ci_privacy.replace('{days}', String(data.retentionDays ?? 21)),
    }),
  );
}

async function checkIn(people: DevicePerson[], editing: boolean) {
  const answers: CheckInAnswer[] = [];
  try {
    for (const person of people) {
      answers.push(await checkInPerson(data.code!, person));
    }
    draft = null;
    render({ kind: 'done', answers });
  } catch (err) {
    if (answers.length) return render({ kind: 'done', answers, error: errorText(err) });
    render({ kind: 'form', editing, error: errorText(err) });
  }
}

function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.code === 'venue_suspended' ? t.ci_suspended : err.message;
  return t.ci_offline;
}

function renderDone(venue: PublicVenue, view: Extract<View, { kind: 'done' }>) {
  const out = Boolean(view.checkedOutAt);
  root.append(confirmationCard(t, venue, view.answers, view.checkedOutAt));
  const occupancy = out ? null : occupancyNote(t, view.answers.at(-1)?.occupancy);
  if (occupancy) root.append(occupancy);
  if (!out) {
    root.append(el('p', { className: 'muted', textContent: t.ci_show_staff }));
    const checkout = el('button', {
      className: 'btn btn-secondary',
      type: 'button',
      textContent: t.ci_check_out,
    });
    checkout.onclick = async () => {
      checkout.disabled = true;
      try {
        const checkedOutAt = await checkOutAll(view.answers);
        render({ ...view, checkedOutAt, error: undefined });
      } catch (err) {
        render({ ...view, error: errorText(err) });
      }
    };
    root.append(checkout);
  } else {
    const again = el('button', { className: 'btn btn-primary', type: 'button', textContent: t.ci_new });
    again.onclick = () => render({ kind: 'form', editing: false });
    root.append(again);
  }
  if (view.error) root.append(el('div', { className: 'error', role: 'alert', textContent: view.error }));
  root.append(el('p', {}, el('a', { href: '/history', textContent: t.nav_history })));
}

document.documentElement.lang = currentLang();
// Back at a venue where this device's stay is still open: show it, with the check-out button.
const open = data.code ? openStaysAt(data.code, new Date(), data.defaultStayMinutes ?? 240) : [];
render(
  open.length
    ? {
        kind: 'done',
        answers: open.map((e) => ({
          id: e.id,
          checkedInAt: e.checkedInAt,
          venue: { name: e.venueName },
          checkoutToken: e.checkoutToken,
          person: { fullName: e.fullName ?? '' },
        })),
      }
    : { kind: 'form', editing: false },
);
// Notices arrive after the page is usable; the box goes in without drawing the form again.
deviceNotices()
  .then((items) => {
    notices = items;
    const box = noticesBox(t, notices);
    if (box && !document.getElementById('device-notices')) root.children[0]?.after(box);
  })
  .catch(() => {
    /* offline or refused: /history shows them later */
  });
