/**
 * The check-in page behind every venue QR (F4). Plain TypeScript, no framework: it must open fast on
 * a cheap phone over a slow network. The server embeds the venue in the page; the form is filled
 * once and remembered on the device; one tap checks in; the confirmation is big enough for staff at
 * the door to read.
 */
import { api, ApiError, newClientId } from '../api/client.js';
import { currentLang, formatTime, messages, setLang } from '../i18n/index.js';
import { normalizePhone } from '../../shared/phone.js';
import { loadProfile, rememberCheckIn, saveProfile, pendingClientId, clearPending, type Profile } from './device-store.js';

interface PublicVenue {
  name: string;
  address: string;
  adminUnitName: string;
  status: 'active' | 'suspended';
  entrance: string;
}
interface CheckInAnswer {
  id: string;
  checkedInAt: string;
  venue: { name: string };
  checkoutToken: string;
}

const root = document.getElementById('root')!;
const data = JSON.parse(document.getElementById('venue-data')?.textContent ?? '{}') as {
  code?: string;
  venue?: PublicVenue | null;
  retentionDays?: number;
};
let t = messages();

type Props = Record<string, string | number | boolean>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

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

type View = { kind: 'form'; editing: boolean; error?: string } | { kind: 'done'; answer: CheckInAnswer; profile: Profile; checkedOutAt?: string; error?: string };
let lastView: View = { kind: 'form', editing: false };

function render(view: View) {
  lastView = view;
  root.replaceChildren(header());
  const venue = data.venue;
  if (!venue) {
    root.append(el('div', { className: 'error', textContent: t.ci_invalid_code }));
    return;
  }
  if (view.kind === 'done') return renderDone(venue, view);
  root.append(venueCard(venue));
  if (venue.status === 'suspended') {
    root.append(el('div', { className: 'warn', textContent: t.ci_suspended }));
    return;
  }
  renderForm(view);
}

function renderForm(view: Extract<View, { kind: 'form' }>) {
  const profile = loadProfile();
  const card = el('form', { className: 'card' });
  const name = el('input', { type: 'text', id: 'fullName', name: 'fullName', autocomplete: 'name', required: true, maxLength: 200, value: profile?.fullName ?? '' });
  const phone = el('input', { type: 'tel', id: 'phone', name: 'phone', autocomplete: 'tel', required: true, maxLength: 20, value: profile?.phone ?? '' });
  const remember = el('input', { type: 'checkbox', id: 'remember', checked: true });
  const submit = el('button', { className: 'btn btn-primary', type: 'submit', textContent: t.ci_submit });
  if (profile && !view.editing) {
    const edit = el('button', { className: 'link', type: 'button', textContent: t.ci_edit });
    edit.onclick = () => render({ kind: 'form', editing: true });
    card.append(el('p', { className: 'venue-name', textContent: profile.fullName }), el('p', { className: 'muted', textContent: profile.phone }), edit);
  } else {
    card.append(
      el('label', { htmlFor: 'fullName', textContent: t.ci_full_name }),
      name,
      el('label', { htmlFor: 'phone', textContent: t.ci_phone }),
      phone,
      el('label', { className: 'check' }, remember, t.ci_remember),
    );
  }
  card.append(submit);
  if (view.error) card.append(el('div', { className: 'error', role: 'alert', textContent: view.error }));
  card.onsubmit = async (event) => {
    event.preventDefault();
    const person = profile && !view.editing ? profile : { fullName: name.value.trim(), phone: phone.value.trim() };
    if (!normalizePhone(person.phone)) return render({ kind: 'form', editing: true, error: t.phone_invalid });
    if (!(profile && !view.editing)) saveProfile(person, remember.checked);
    submit.disabled = true;
    submit.textContent = t.ci_sending;
    await checkIn(person, view.editing);
  };
  root.append(card, el('p', { className: 'muted', textContent: t.ci_privacy.replace('{days}', String(data.retentionDays ?? 21)) }));
}

async function checkIn(person: Profile, editing: boolean) {
  const clientId = pendingClientId(data.code!, newClientId);
  try {
    const answer = await api<CheckInAnswer>('POST', '/api/check-ins', {
      venueCode: data.code,
      clientId,
      channel: 'qr_self',
      person,
    });
    clearPending(data.code!);
    rememberCheckIn({ id: answer.id, checkoutToken: answer.checkoutToken, venueName: answer.venue.name, checkedInAt: answer.checkedInAt });
    render({ kind: 'done', answer, profile: person });
  } catch (err) {
    render({ kind: 'form', editing, error: errorText(err) });
  }
}

function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.code === 'venue_suspended' ? t.ci_suspended : err.message;
  return t.ci_offline;
}

function renderDone(venue: PublicVenue, view: Extract<View, { kind: 'done' }>) {
  const out = Boolean(view.checkedOutAt);
  const banner = el(
    'section',
    { className: `card done${out ? ' out' : ''}`, id: 'confirmation' },
    el('div', { className: 'tick', textContent: out ? '↩' : '✔' }),
    el('h1', { textContent: out ? t.ci_checked_out : t.ci_done }),
    el('div', { className: 'when', textContent: formatTime(view.checkedOutAt ?? view.answer.checkedInAt) }),
    el('div', { className: 'who', textContent: view.profile.fullName }),
    el('div', { className: 'venue', textContent: venue.name }),
  );
  root.append(banner);
  if (!out) {
    root.append(el('p', { className: 'muted', textContent: t.ci_show_staff }));
    const checkout = el('button', { className: 'btn btn-secondary', type: 'button', textContent: t.ci_check_out });
    checkout.onclick = async () => {
      checkout.disabled = true;
      try {
        const res = await api<{ checkedOutAt: string }>('POST', `/api/check-ins/${view.answer.id}/check-out`, {
          checkoutToken: view.answer.checkoutToken,
        });
        render({ ...view, checkedOutAt: res.checkedOutAt, error: undefined });
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
}

document.documentElement.lang = currentLang();
render({ kind: 'form', editing: false });
