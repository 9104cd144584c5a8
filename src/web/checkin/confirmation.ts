/**
 * The confirmation a citizen shows at the door (F18): in the colour of the worst status among the
 * people checked in (grey: no declaration on record, distinct from yellow), the date and time of the
 * check-in, each name with its colour, and something live (a moving dot and the current time, ticking)
 * so an old screenshot cannot pass for a fresh check-in. Also the venue's occupancy (F17).
 */
import type { CheckInAnswer } from '../../shared/api/check-ins.js';
import type { Occupancy } from '../../shared/api/common.js';
import type { PublicVenue } from '../../shared/api/venues.js';
import { COLOUR_SIGN } from '../../shared/colour-signs.js';
import type { ShownColour } from '../../shared/contracts.js';
import type { CheckinMessages as Messages } from '../i18n/checkin-texts.js';
import { formatDateTime, regionTimeZone } from '../i18n/lang.js';
import { el } from './dom.js';

/** An answer as the confirmation shows it; a stay reopened from the device has no colour to show. */
export type ShownAnswer = Pick<CheckInAnswer, 'id' | 'checkedInAt' | 'venue' | 'checkoutToken' | 'person'> &
  Partial<Pick<CheckInAnswer, 'statusColour' | 'occupancy'>>;

/** From least to most attention needed at the door. */
const ATTENTION: readonly ShownColour[] = ['green', 'grey', 'yellow', 'red'];

export function worstColour(answers: readonly ShownAnswer[]): ShownColour | null {
  const shown = answers.map((a) => a.statusColour).filter((c): c is ShownColour => Boolean(c));
  if (!shown.length) return null;
  return shown.reduce((worst, c) => (ATTENTION.indexOf(c) > ATTENTION.indexOf(worst) ? c : worst));
}

let clock: ReturnType<typeof setInterval> | undefined;

/** Stops the ticking clock of the confirmation shown before (the page is re-rendered). */
export function stopClock() {
  clearInterval(clock);
}

function liveClock(): HTMLElement {
  const now = el('span', { id: 'live-clock' });
  const tick = () => {
    now.textContent = new Date().toLocaleTimeString('en-GB', { hour12: false, timeZone: regionTimeZone() });
  };
  tick();
  clock = setInterval(tick, 1000);
  return el('div', { className: 'live', ariaHidden: 'true' }, el('span', { className: 'pulse' }), now);
}

export function confirmationCard(
  t: Messages,
  venue: PublicVenue,
  answers: readonly ShownAnswer[],
  checkedOutAt: string | undefined,
): HTMLElement {
  const colour = checkedOutAt ? null : worstColour(answers);
  const names = el('div', { className: 'who' });
  for (const a of answers) {
    const row = el('div', { className: 'person-row', textContent: a.person.fullName });
    if (a.statusColour && !checkedOutAt) {
      row.dataset.colour = a.statusColour;
      row.append(el('span', { className: 'colour-label', textContent: t[`colour_${a.statusColour}`] }));
    }
    names.append(row);
  }
  const card = el(
    'section',
    {
      className: `card done${checkedOutAt ? ' out' : ''}${colour ? ` colour-${colour}` : ''}`,
      id: 'confirmation',
    },
    el('div', { className: 'tick', textContent: checkedOutAt ? '↩' : COLOUR_SIGN[colour ?? 'green'] }),
    el('h1', { textContent: checkedOutAt ? t.ci_checked_out : t.ci_done }),
    el('div', { className: 'when', textContent: formatDateTime(checkedOutAt ?? answers[0]!.checkedInAt) }),
    names,
    el('div', { className: 'venue', textContent: venue.name }),
  );
  if (colour) card.dataset.colour = colour;
  if (!checkedOutAt) card.append(liveClock());
  return card;
}

/**
 * "12 of 30 people inside"; at capacity (before checking in) or over it (after), a warning that still
 * lets the person in.
 */
export function occupancyNote(t: Messages, occupancy: Occupancy | undefined): HTMLElement | null {
  if (!occupancy) return null;
  const { inside, capacity } = occupancy;
  const fill = (text: string) =>
    text.replace('{inside}', String(inside)).replace('{capacity}', String(capacity));
  if (capacity !== null && inside >= capacity) {
    return el('div', {
      className: 'warn',
      id: 'occupancy',
      role: 'status',
      textContent: fill(inside > capacity ? t.ci_over_capacity : t.ci_full),
    });
  }
  const text = fill(capacity === null ? t.ci_inside : t.ci_inside_of);
  return el('p', { className: 'muted', id: 'occupancy', textContent: text });
}
