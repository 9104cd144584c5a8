/**
 * The big panel staff look at after a scan: ready, saved offline, refused (why), or the person in
 * their status colour (grey: no declaration) with the date and time, a flag and an over-capacity line.
 */
import { COLOUR_SIGN } from '../../../shared/colour-signs.js';
import { formatDateTime, formatTime, type Messages } from '../../i18n/index.js';
import type { Delivery } from './offline-queue.js';

/** What the panel shows: a delivery's outcome, a scan saved while offline, or nothing yet. */
export type Shown = { kind: 'delivery'; delivery: Delivery } | { kind: 'queued'; at: string } | null;

export function ResultPanel({ shown, t }: { shown: Shown; t: Messages }) {
  if (!shown)
    return (
      <div className="result idle" id="result">
        {t.scanner_ready}
      </div>
    );
  if (shown.kind === 'queued') {
    return (
      <div className="result queued" id="result">
        <div className="big">⏳</div>
        {t.scanner_saved_offline} · {formatTime(shown.at)}
      </div>
    );
  }
  const d = shown.delivery;
  if (d.kind === 'rejected') {
    return (
      <div className="result red" id="result" data-code={d.code}>
        <div className="big">✖</div>
        {d.message}
      </div>
    );
  }
  const { statusColour: colour, occupancy } = d.answer;
  const over = occupancy.capacity !== null && occupancy.inside > occupancy.capacity;
  return (
    <div className={`result ${colour}`} id="result" data-colour={colour}>
      <div className="big">{COLOUR_SIGN[colour]}</div>
      <div className="name">{d.answer.person.fullName}</div>
      <div>
        {t[`colour_${colour}`]} · {formatDateTime(d.answer.checkedInAt)}
      </div>
      {d.answer.flagged && <div className="flag">{t.scanner_flagged}</div>}
      {over && (
        <div className="over-capacity" id="over-capacity">
          {t.ci_over_capacity
            .replace('{inside}', String(occupancy.inside))
            .replace('{capacity}', String(occupancy.capacity))}
        </div>
      )}
    </div>
  );
}
