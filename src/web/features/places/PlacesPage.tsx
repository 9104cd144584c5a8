/**
 * "Bản đồ chống dịch – An toàn COVID" (F22, seed 003): anyone, without logging in, finds venues by name,
 * unit and category and sees whether they are open, how full they are and their safety self-assessment;
 * on a map when the province configured a tile server (MAP_TILE_URL), else, or when tiles cannot load,
 * as a list.
 */
import { lazy, Suspense, useState, type FormEvent } from 'react';
import {
  PUBLIC_VENUES_MAX,
  PUBLIC_VENUES_PAGE,
  publicVenuesApi,
  type PublicVenueListing,
} from '../../../shared/api/public-venues.js';
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
  /** Venues asked for: one page, then one more page at each "show more". */
  limit: number;
}

const NEW_SEARCH = { limit: PUBLIC_VENUES_PAGE };

export function PlacesPage() {
  const { t } = useT();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ q: '', adminUnit: null, category: '', ...NEW_SEARCH });
  const asked = search.q !== '' || search.adminUnit !== null || search.category !== '';
  const found = useRequest(
    asked
      ? () =>
          call(publicVenuesApi.list, {
            query: {
              q: search.q || undefined,
              adminUnit: search.adminUnit ?? undefined,
              category: (search.category || undefined) as never,
              limit: search.limit === PUBLIC_VENUES_PAGE ? undefined : String(search.limit),
            },
          })
      : null,
    [search.q, search.adminUnit, search.category, search.limit],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch((s) => ({ ...s, q: text.trim(), ...NEW_SEARCH }));
  };

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
            onChange={(adminUnit) => setSearch((s) => ({ ...s, adminUnit, ...NEW_SEARCH }))}
          />
          <Field label={t.field_category} htmlFor="place-category">
            <select
              id="place-category"
              value={search.category}
              onChange={(e) => setSearch((s) => ({ ...s, category: e.target.value, ...NEW_SEARCH }))}
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
      {found.loading && !found.data && <p className="muted">{t.loading}</p>}
      {found.data && (
        <PlaceResults
          items={found.data.items}
          asOf={found.data.asOf}
          limit={search.limit}
          loading={found.loading}
          onMore={() =>
            setSearch((s) => ({ ...s, limit: Math.min(s.limit + PUBLIC_VENUES_PAGE, PUBLIC_VENUES_MAX) }))
          }
        />
      )}
    </>
  );
}

/** What a search found, as a list or on the map, with one more page on demand. */
function PlaceResults({
  items,
  asOf,
  limit,
  loading,
  onMore,
}: {
  items: PublicVenueListing[];
  asOf: string;
  limit: number;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useT();
  const tiles = mapTiles();
  const [view, setView] = useState<'list' | 'map'>('list');
  const [mapFailed, setMapFailed] = useState(false);
  const showMap = view === 'map' && tiles !== null;
  return (
    <section aria-live="polite">
      <div className="row places-bar">
        <strong>
          {items.length === 0
            ? t.places_none
            : (items.length >= limit ? t.places_found_first : t.places_found).replace(
                '{n}',
                String(items.length),
              )}
        </strong>
        <span className="muted small">{t.places_as_of.replace('{time}', formatTime(asOf))}</span>
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
      {items.length >= PUBLIC_VENUES_MAX && (
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
      {items.length >= limit && limit < PUBLIC_VENUES_MAX && (
        <button type="button" className="btn secondary places-show-more" disabled={loading} onClick={onMore}>
          {loading ? t.loading : t.places_show_more}
        </button>
      )}
    </section>
  );
}
