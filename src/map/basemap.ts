/** The embedded basemap files under geo/basemap/, made by scripts/build-basemap.ts. */
export const BASEMAP_FILES = {
  context: 'basemap/context.geojson',
  city: 'basemap/city.geojson',
  districts: 'basemap/districts.geojson',
  water: 'basemap/water.geojson',
  rivers: 'basemap/rivers.geojson',
  labels: 'basemap/labels.geojson',
} as const;

/**
 * The map's first view of Zhenjiang (west, south, east, north), also the fallback fit. Tighter
 * than the validator's plausibility box (`ZHENJIANG_PLAUSIBLE` in src/geometry/coordinates.ts).
 */
export const ZHENJIANG_VIEW: [number, number, number, number] = [118.95, 31.6, 120.0, 32.35];
