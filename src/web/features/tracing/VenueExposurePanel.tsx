/** Who was at a venue during a window; mark that window as exposure so everyone present is notified. */
import { useState } from 'react';
import { tracingApi, type PresentPerson, type TracedVenue } from '../../../shared/api/tracing.js';
import { call, errorText } from '../../api/client.js';
import { useT } from '../../app/lang.js';
import { regionTimeZone } from '../../i18n/index.js';
import { instantOfWallClock } from '../../../shared/wall-clock.js';
import { DayTimeInput } from '../../components/DayInput.js';
import { VenueSearch } from './VenueSearch.js';

/** A time typed in the panel is the region's wall-clock time, as every time the page shows. */
const toIso = (local: string) => instantOfWallClock(local, regionTimeZone()).toISOString();

export function VenueExposurePanel() {
  const { t } = useT();
  const [venue, setVenue] = useState<TracedVenue | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [purpose, setPurpose] = useState('');
  const [present, setPresent] = useState<PresentPerson[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const body = () => ({ venueId: venue!.id, from: toIso(from), to: toIso(to), purpose });
  const act = async (fn: () => Promise<void>) => {
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };
  const list = () =>
    act(async () => setPresent((await call(tracingApi.venueExposures, { body: body() })).present));
  const mark = () =>
    act(async () => {
      const r = await call(tracingApi.markExposure, { body: body() });
      setMessage({ ok: true, text: `${t.tr_marked}: ${r.notified}` });
    });
  const ready = venue && from && to && purpose.trim().length >= 5;

  return (
    <section className="card">
      <h2>{t.tr_venue_title}</h2>
      <div className="grid">
        <div className="field">
          <label htmlFor="venue-search">{t.tr_venue}</label>
          <VenueSearch
            chosen={venue}
            onChoose={(v) => {
              setVenue(v);
              setPresent(null);
            }}
          />
        </div>
        <label>
          {t.tr_from_time}
          <DayTimeInput value={from} onChange={setFrom} />
        </label>
        <label>
          {t.tr_to_time}
          <DayTimeInput value={to} onChange={setTo} />
        </label>
        <label>
          {t.tr_purpose}
          <input value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </label>
      </div>
      <p className="row">
        <button type="button" className="btn secondary" disabled={!ready} onClick={() => void list()}>
          {t.tr_list}
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={() => void mark()}>
          {t.tr_mark}
        </button>
        {!ready && <span className="muted small">{t.tr_exposure_needs}</span>}
      </p>
      {message && (
        <div className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </div>
      )}
      {present && (
        <table className="present-list">
          <tbody>
            {present.length === 0 && (
              <tr>
                <td className="muted">{t.tr_none}</td>
              </tr>
            )}
            {present.map((p, i) => (
              <tr key={i}>
                <td>{p.person.fullName}</td>
                <td>{p.person.phone}</td>
                <td className="num">
                  {p.overlapMinutes} {t.tr_minutes_unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
