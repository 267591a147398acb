/** The embedded basemap files under geo/basemap/, made by scripts/build-basemap.ts. */
export const BASEMAP_FILES = {
  context: 'basemap/context.geojson',
  city: 'basemap/city.geojson',
  districts: 'basemap/districts.geojson',
  water: 'basemap/water.geojson',
  rivers: 'basemap/rivers.geojson',
  labels: 'basemap/labels.geojson',
} as const;

/** Zhenjiang's extent (west, south, east, north), used for the first view and to bound panning. */
export const ZHENJIANG_BOUNDS: [number, number, number, number] = [118.95, 31.6, 120.0, 32.35];
