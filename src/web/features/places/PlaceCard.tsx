/** One venue of the public list: status, people inside against capacity, safety self-assessment. */
import { SAFETY_MEASURES, type PublicVenueListing } from '../../../shared/api/public-venues.js';
import { useT } from '../../app/lang.js';
import { formatDate, type Messages } from '../../i18n/index.js';
import { categoryName } from '../compliance/category-name.js';

export function isFull(v: PublicVenueListing): boolean {
  return v.occupancy.capacity !== null && v.occupancy.inside >= v.occupancy.capacity;
}

export function occupancyText(v: PublicVenueListing, t: Messages): string {
  const { inside, capacity } = v.occupancy;
  return capacity === null
    ? t.places_inside.replace('{inside}', String(inside))
    : t.places_inside_of.replace('{inside}', String(inside)).replace('{capacity}', String(capacity));
}

export function PlaceCard({ venue }: { venue: PublicVenueListing }) {
  const { t } = useT();
  const full = isFull(venue);
  return (
    <article className="card place" data-testid="place" aria-label={venue.name}>
      <h2>
        {venue.name}{' '}
        <span className={`badge ${venue.status}`}>
          {venue.status === 'active' ? t.places_open : t.places_suspended}
        </span>
      </h2>
      <p className="muted">
        {categoryName(venue.category, '')} · {venue.address}, {venue.adminUnitName}
      </p>
      <Occupancy venue={venue} full={full} t={t} />
      <Safety venue={venue} t={t} />
    </article>
  );
}

function Occupancy({ venue, full, t }: { venue: PublicVenueListing; full: boolean; t: Messages }) {
  const { inside, capacity } = venue.occupancy;
  return (
    <div className={`occupancy${full ? ' full' : ''}`} data-testid="occupancy">
      <strong>{occupancyText(venue, t)}</strong>
      {capacity !== null && (
        <meter min={0} max={capacity} value={Math.min(inside, capacity)} high={capacity * 0.8}>
          {inside}/{capacity}
        </meter>
      )}
      {full && (
        <span className="full-note" role="status">
          {t.places_full}
        </span>
      )}
    </div>
  );
}

function Safety({ venue, t }: { venue: PublicVenueListing; t: Messages }) {
  if (!venue.safety) return <p className="muted small">{t.places_safety_none}</p>;
  const safety = venue.safety;
  return (
    <div className="safety">
      <span className="small">
        {t.places_safety} {t.places_safety_on.replace('{date}', formatDate(safety.confirmedAt))}:
      </span>
      <ul>
        {SAFETY_MEASURES.map((m) => (
          <li key={m} className={safety[m] ? 'yes' : 'no'}>
            <span aria-hidden="true">{safety[m] ? '✓' : '✗'}</span> {t[`safety_${m}`]}
            <span className="visually-hidden">: {safety[m] ? t.safety_yes : t.safety_no}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
