/** The region's calendar, shared by the server (TZ_REGION) and the pages that show days and times. */

/** The region's time zone when TZ_REGION does not say otherwise: local days and times are read in it. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The page meta tag through which the server tells the web app its TZ_REGION. */
export const TIME_ZONE_META = 'tz-region';
/**
 * The page meta tag present when PUBLIC_URL is a test address (loopback, private): pages that print
 * codes say that what they print is not for display.
 */
export const TEST_ADDRESS_META = 'public-url-test';
/** The page meta tags through which the server tells the public map its tile server (MAP_TILE_URL). */
export const MAP_TILES_META = 'map-tiles';
export const MAP_ATTRIBUTION_META = 'map-attribution';
