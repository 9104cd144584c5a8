/** Per-venue timeline of a tracing answer: the case's stays and each contact's shared time, on one axis per venue. */
import { useT } from '../../app/lang.js';
import { formatTime } from '../../i18n/index.js';
import type { TracingAnswer } from '../../../shared/api/tracing.js';

export function Timeline({ answer }: { answer: TracingAnswer }) {
  const { t } = useT();
  const venues = [...new Map(answer.visits.map((v) => [v.venueId, v.venueName])).entries()];
  return (
    <section className="card">
      <h2>{t.tr_timeline}</h2>
      {venues.map(([venueId, name]) => {
        const visits = answer.visits.filter((v) => v.venueId === venueId);
        const contacts = answer.contacts.filter((c) => c.venueId === venueId && c.level === 1);
        const bars = [
          ...visits.map((v) => ({
            label: t.tr_case,
            from: Date.parse(v.checkedInAt),
            to: v.checkedOutAt ? Date.parse(v.checkedOutAt) : Date.parse(v.checkedInAt) + 4 * 3_600_000,
            kind: 'case',
          })),
          ...contacts.map((c) => ({
            label: c.person.fullName,
            from: Date.parse(c.firstContactAt),
            to: Date.parse(c.firstContactAt) + c.overlapMinutes * 60_000,
            kind: 'contact',
          })),
        ];
        const lo = Math.min(...bars.map((b) => b.from));
        const hi = Math.max(...bars.map((b) => b.to));
        const span = Math.max(hi - lo, 60_000);
        return (
          <div className="timeline" key={venueId}>
            <h3>{name}</h3>
            {bars.map((b, i) => (
              <div className="tl-row" key={i}>
                <span className="tl-label">{b.label}</span>
                <span className="tl-track">
                  <span
                    className={`tl-bar ${b.kind}`}
                    style={{
                      left: `${((b.from - lo) / span) * 100}%`,
                      width: `${Math.max(1, ((b.to - b.from) / span) * 100)}%`,
                    }}
                    title={`${formatTime(new Date(b.from).toISOString())}–${formatTime(new Date(b.to).toISOString())}`}
                  />
                </span>
                <span className="tl-time muted small">
                  {formatTime(new Date(b.from).toISOString())}–{formatTime(new Date(b.to).toISOString())}
                </span>
              </div>
            ))}
          </div>
        );
      })}
    </section>
  );
}
