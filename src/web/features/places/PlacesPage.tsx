/**
 * "Bản đồ chống dịch – An toàn COVID" (F22, seed 003): anyone, without logging in, finds venues by name,
 * unit and category and sees whether they are open, how full they are and their safety self-assessment;
 * on a map when the province configured a tile server (MAP_TILE_URL), else, or when tiles cannot load,
 * as a list.
 */
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { PUBLIC_VENUES_PAGE, publicVenuesApi } from '../../../shared/api/public-venues.js';
import { VENUE_CATEGORY_CODES } from '../../../shared/venue-categories.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/hooks.js';
import { useT } from '../../app/lang.js';
import { AdminUnitPicker } from '../../components/AdminUnitPicker.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { formatTime } from '../../i18n/index.js';
import { categoryName } from '../compliance/category-name.js';
import { mapTiles } from './map-config.js';
import { PlaceCard } from './PlaceCard.js';

// Leaflet loads only when someone opens the map.
const VenueMap = lazy(() => import('./VenueMap.js').then((m) => ({ default: m.VenueMap })));

interface Search {
  q: string;
  adminUnit: string | null;
  category: string;
}

export function PlacesPage() {
  const { t } = useT();
  const tiles = mapTiles();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ q: '', adminUnit: null, category: '' });
  const [view, setView] = useState<'list' | 'map'>('list');
  const [mapFailed, setMapFailed] = useState(false);
  const asked = search.q !== '' || search.adminUnit !== null || search.category !== '';
  const found = useRequest(
    asked
      ? () =>
          call(publicVenuesApi.list, {
            query: {
              q: search.q || undefined,
              adminUnit: search.adminUnit ?? undefined,
              category: (search.category || undefined) as never,
            },
          })
      : null,
    [search.q, search.adminUnit, search.category],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch((s) => ({ ...s, q: text.trim() }));
  };
  const items = found.data?.items ?? [];
  const showMap = view === 'map' && tiles !== null;

  return (
    <>
      <section className="card">
        <h1>{t.places_title}</h1>
        <p className="muted">{t.places_lead}</p>
        <form onSubmit={submit} className="grid" role="search">
          <Field label={t.places_search} htmlFor="place-q">
            <input id="place-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <AdminUnitPicker
            required={false}
            anyLevel
            idPrefix="place"
            onChange={(adminUnit) => setSearch((s) => ({ ...s, adminUnit }))}
          />
          <Field label={t.field_category} htmlFor="place-category">
            <select
              id="place-category"
              value={search.category}
              onChange={(e) => setSearch((s) => ({ ...s, category: e.target.value }))}
            >
              <option value="">{t.places_all_categories}</option>
              {VENUE_CATEGORY_CODES.map((c) => (
                <option key={c} value={c}>
                  {categoryName(c, '')}
                </option>
              ))}
            </select>
          </Field>
          <div className="row">
            <button className="btn" type="submit">
              {t.places_find}
            </button>
          </div>
        </form>
      </section>
      {!asked && <p className="muted">{t.places_prompt}</p>}
      {found.error && <ErrorAlert message={found.error} />}
      {found.loading && <p className="muted">{t.loading}</p>}
      {found.data && (
        <section aria-live="polite">
          <div className="row places-bar">
            <strong>
              {items.length === 0 ? t.places_none : t.places_found.replace('{n}', String(items.length))}
            </strong>
            <span className="muted small">
              {t.places_as_of.replace('{time}', formatTime(found.data.asOf))}
            </span>
            {tiles && items.length > 0 && (
              <span className="row view-switch" role="group">
                <button
                  type="button"
                  className={view === 'list' ? 'btn' : 'btn secondary'}
                  aria-pressed={view === 'list'}
                  onClick={() => setView('list')}
                >
                  {t.places_view_list}
                </button>
                <button
                  type="button"
                  className={view === 'map' ? 'btn' : 'btn secondary'}
                  aria-pressed={view === 'map'}
                  onClick={() => {
                    setMapFailed(false);
                    setView('map');
                  }}
                >
                  {t.places_view_map}
                </button>
              </span>
            )}
          </div>
          {items.length >= PUBLIC_VENUES_PAGE && (
            <p className="muted small">{t.places_more.replace('{n}', String(items.length))}</p>
          )}
          {mapFailed && (
            <p className="notice" role="alert">
              {t.places_map_failed}
            </p>
          )}
          {showMap ? (
            <Suspense fallback={<p className="muted">{t.places_map_loading}</p>}>
              <VenueMap
                items={items}
                tiles={tiles}
                onTilesFailed={() => {
                  setMapFailed(true);
                  setView('list');
                }}
              />
            </Suspense>
          ) : (
            items.map((v) => <PlaceCard key={v.id} venue={v} />)
          )}
        </section>
      )}
    </>
  );
}
