/** The province's tile server for the public map, as the server's MAP_TILE_URL tells the page (meta tags). */
import { MAP_ATTRIBUTION_META, MAP_TILES_META } from '../../../shared/region.js';

export interface MapTiles {
  url: string;
  attribution: string;
}

/** null when the province configured no tile server: the page lists venues without a map. */
export function mapTiles(): MapTiles | null {
  const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  const url = meta(MAP_TILES_META);
  return url ? { url, attribution: meta(MAP_ATTRIBUTION_META) ?? '' } : null;
}
