/**
 * The venues with a map point, on the province's tiles (Leaflet). When no tile has loaded after a few
 * errors or a few seconds, the page is told (it falls back to the list): a map of blank squares helps
 * nobody. Venues without a point are named under the map.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { PublicVenueListing } from '../../../shared/api/public-venues.js';
import { useT } from '../../app/lang.js';
import type { Messages } from '../../i18n/index.js';
import type { MapTiles } from './map-config.js';
import { isFull, occupancyText } from './PlaceCard.js';

/** Tile errors with not one tile loaded after which the map is given up. */
const FAILED_TILES_BEFORE_FALLBACK = 3;
/** Time within which at least one tile must load. */
const FIRST_TILE_TIMEOUT_MS = 8000;

type Located = PublicVenueListing & { location: NonNullable<PublicVenueListing['location']> };

export function VenueMap({
  items,
  tiles,
  onTilesFailed,
}: {
  items: PublicVenueListing[];
  tiles: MapTiles;
  onTilesFailed(): void;
}) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const located = items.filter((v): v is Located => v.location !== null);
  const unmapped = items.length - located.length;

  useEffect(() => {
    if (!box.current || located.length === 0) return;
    const map = L.map(box.current);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 });
    let loaded = 0;
    let failed = 0;
    let givenUp = false;
    const giveUp = () => {
      if (givenUp || loaded > 0) return;
      givenUp = true;
      onTilesFailed();
    };
    layer.on('tileload', () => (loaded += 1));
    layer.on('tileerror', () => {
      failed += 1;
      if (failed >= FAILED_TILES_BEFORE_FALLBACK) giveUp();
    });
    const timer = setTimeout(giveUp, FIRST_TILE_TIMEOUT_MS);
    layer.addTo(map);
    for (const v of located) {
      L.circleMarker([v.location.lat, v.location.lng], {
        radius: 10,
        color: markerColour(v),
        fillColor: markerColour(v),
        fillOpacity: 0.75,
      })
        .bindPopup(popup(v, t))
        .bindTooltip(v.name)
        .addTo(map);
    }
    map.fitBounds(L.latLngBounds(located.map((v) => [v.location.lat, v.location.lng])), {
      maxZoom: 16,
      padding: [32, 32],
    });
    return () => {
      clearTimeout(timer);
      map.remove();
    };
    // The markers follow the answer; the tile server does not change while the page is open.
  }, [items]);

  return (
    <section className="card">
      {located.length === 0 ? (
        <p className="muted">{t.places_no_points}</p>
      ) : (
        <div ref={box} className="venue-map" data-testid="venue-map" />
      )}
      {unmapped > 0 && located.length > 0 && (
        <p className="muted small">{t.places_unmapped.replace('{n}', String(unmapped))}</p>
      )}
    </section>
  );
}

const markerColour = (v: PublicVenueListing) =>
  v.status === 'suspended' ? '#55655d' : isFull(v) ? '#b3261e' : '#0b8a3e';

/** The popup as DOM nodes (names are typed by managers: never HTML). */
function popup(v: PublicVenueListing, t: Messages): HTMLElement {
  const root = document.createElement('div');
  const line = (tag: string, text: string) => {
    const el = document.createElement(tag);
    el.textContent = text;
    root.append(el);
  };
  line('strong', v.name);
  line('div', v.address);
  line('div', v.status === 'active' ? t.places_open : t.places_suspended);
  line('div', occupancyText(v, t) + (isFull(v) ? ` – ${t.places_full}` : ''));
  return root;
}
