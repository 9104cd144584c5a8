/**
 * What the public venue list shows of this venue (F22), set by its manager or an official over it:
 * the safety self-assessment (dated when confirmed) and the map point (typed, or this device's location).
 */
import { useState, type FormEvent } from 'react';
import {
  SAFETY_MEASURES,
  publicVenuesApi,
  type ConfirmedSafety,
  type MapPoint,
  type SafetyChecklist,
} from '../../../shared/api/public-venues.js';
import { venuesApi } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/index.js';

const NOTHING_CONFIRMED: SafetyChecklist = {
  masks: false,
  distance: false,
  handSanitiser: false,
  ventilation: false,
};

export function PublicListing(props: {
  venueId: number;
  safety: ConfirmedSafety | null;
  location: MapPoint | null;
}) {
  return (
    <section className="card" id="public-listing">
      <SafetyForm venueId={props.venueId} safety={props.safety} />
      <LocationForm venueId={props.venueId} location={props.location} />
    </section>
  );
}

function SafetyForm({ venueId, safety }: { venueId: number; safety: ConfirmedSafety | null }) {
  const { t } = useT();
  const [checklist, setChecklist] = useState<SafetyChecklist>(safety ?? NOTHING_CONFIRMED);
  const [confirmedAt, setConfirmedAt] = useState(safety?.confirmedAt ?? null);
  const save = useSubmit(() => call(publicVenuesApi.setSafety, { params: { id: venueId }, body: checklist }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run().then((done) => done && setConfirmedAt(done.confirmedAt));
  };
  return (
    <form onSubmit={submit}>
      <h2>{t.safety_title}</h2>
      <p className="muted small">{t.safety_lead}</p>
      <div className="checklist">
        {SAFETY_MEASURES.map((m) => (
          <label key={m}>
            <input
              type="checkbox"
              checked={checklist[m]}
              onChange={(e) => setChecklist({ ...checklist, [m]: e.target.checked })}
            />{' '}
            {t[`safety_${m}`]}
          </label>
        ))}
      </div>
      <ErrorAlert message={save.error} />
      <p className="row">
        <button className="btn" type="submit" disabled={save.busy}>
          {save.busy ? t.saving : t.safety_confirm}
        </button>
        <span className={confirmedAt ? 'ok' : 'muted'} role="status">
          {confirmedAt ? t.safety_confirmed.replace('{at}', formatDateTime(confirmedAt)) : t.safety_never}
        </span>
      </p>
    </form>
  );
}

function LocationForm({ venueId, location }: { venueId: number; location: MapPoint | null }) {
  const { t } = useT();
  const [lat, setLat] = useState(location ? String(location.lat) : '');
  const [lng, setLng] = useState(location ? String(location.lng) : '');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSubmit(async (point: MapPoint | null) => {
    const venue = await call(venuesApi.update, { params: { id: venueId }, body: { location: point } });
    setSaved(venue.location ? t.location_saved : t.location_removed);
    if (!venue.location) {
      setLat('');
      setLng('');
    }
  });
  const [noFix, setNoFix] = useState(false);
  const here = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        setNoFix(false);
        setLat(p.coords.latitude.toFixed(6));
        setLng(p.coords.longitude.toFixed(6));
      },
      () => setNoFix(true),
      { timeout: 10_000 },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void save.run({ lat: Number(lat), lng: Number(lng) });
  };
  return (
    <form onSubmit={submit}>
      <h2>{t.location_title}</h2>
      {!location && !saved && <p className="muted small">{t.location_none}</p>}
      <div className="row">
        <Degrees id="location-lat" label={t.location_lat} limit={90} value={lat} onChange={setLat} />
        <Degrees id="location-lng" label={t.location_lng} limit={180} value={lng} onChange={setLng} />
        <button className="btn secondary" type="button" onClick={here}>
          {t.location_here}
        </button>
      </div>
      {noFix && <p className="muted small">{t.location_unavailable}</p>}
      <ErrorAlert message={save.error} />
      <p className="row">
        <button className="btn" type="submit" disabled={save.busy}>
          {t.location_save}
        </button>
        {(location || lat) && (
          <button
            className="btn secondary"
            type="button"
            disabled={save.busy}
            onClick={() => {
              setSaved(null);
              void save.run(null);
            }}
          >
            {t.location_remove}
          </button>
        )}
        {saved && (
          <span className="ok" role="status">
            {saved}
          </span>
        )}
      </p>
    </form>
  );
}

/** A latitude or longitude in decimal degrees, within ±`limit`. */
function Degrees(props: {
  id: string;
  label: string;
  limit: number;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <label className="inline">
      {props.label}
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        step="any"
        min={-props.limit}
        max={props.limit}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required
      />
    </label>
  );
}
