/** Finding the venue of an exposure by its name or address within the tracer's area (F12). */
import { useEffect, useState } from 'react';
import { tracingApi, type TracedVenue } from '../../../shared/api/tracing.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/** Typing waits this long before searching, so each word typed is not a request. */
const TYPING_PAUSE_MS = 300;

export function VenueSearch({
  chosen,
  onChoose,
}: {
  chosen: TracedVenue | null;
  onChoose(venue: TracedVenue | null): void;
}) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useRequest(
    query.length >= 2 ? () => call(tracingApi.venuesToTrace, { query: { q: query } }) : null,
    [query],
  );

  if (chosen)
    return (
      <div className="chosen-venue" data-venue={chosen.id}>
        <strong>{chosen.name}</strong>
        <div className="muted small">
          {chosen.address}, {chosen.place}
        </div>
        <button type="button" className="link" onClick={() => onChoose(null)}>
          {t.tr_venue_change}
        </button>
      </div>
    );
  const items = found.data?.items ?? [];
  return (
    <div className="venue-search">
      <input
        id="venue-search"
        type="search"
        value={text}
        placeholder={t.tr_venue_search_hint}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
      />
      <ErrorAlert message={found.error} />
      {query.length >= 2 && found.data && items.length === 0 && (
        <p className="muted small">{t.tr_venue_none}</p>
      )}
      {items.length > 0 && (
        <ul className="venue-results">
          {items.map((v) => (
            <li key={v.id}>
              <button type="button" className="link" onClick={() => onChoose(v)}>
                {v.name}
              </button>
              <span className="muted small">
                {' '}
                {v.address}, {v.place}
                {v.status === 'suspended' ? ` · ${t.tr_venue_suspended}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
