/**
 * The last scans this station delivered, newest first, with their outcome: the person's colour, name
 * and time, or why it was refused. After an offline queue syncs, staff see here what became of each
 * scan they made while the network was down.
 */
import { useT } from '../../app/lang.js';
import { formatTime } from '../../i18n/index.js';
import type { Delivery } from './offline-queue.js';

/** How many outcomes the list keeps. */
export const RECENT_SCANS = 8;

export function RecentScans({ items }: { items: readonly Delivery[] }) {
  const { t } = useT();
  if (items.length === 0) return null;
  return (
    <div id="recent-scans">
      <h2>{t.scanner_recent}</h2>
      <ul className="recent">
        {items.map((d) =>
          d.kind === 'recorded' ? (
            <li key={d.scan.clientId} data-colour={d.answer.statusColour}>
              <span className={`dot ${d.answer.statusColour}`} aria-hidden="true" />
              <strong>{d.answer.person.fullName}</strong> · {t[`colour_${d.answer.statusColour}`]} ·{' '}
              {formatTime(d.answer.checkedInAt)}
            </li>
          ) : (
            <li key={d.scan.clientId} data-code={d.code}>
              <span className="dot red" aria-hidden="true" />✖ {d.message}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
