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

/**
 * The box the embedded basemap covers (west, south, east, north): water and the neighbouring
 * cities are clipped to it by scripts/build-basemap.ts, and the camera may not show anything
 * outside it (MapView's maxBounds), so a tall or zoomed-out view never shows land missing. It is
 * as large as the source data fills: within it, the city, its neighbours' outlines and the water
 * leave only slivers along simplified shores; north of 32.7° N the water source ends, south of
 * 31.35° N or east of 120.1° E lie cities the source does not have (宣城, 苏州, 南通).
 */
export const BASEMAP_EXTENT: [number, number, number, number] = [118.6, 31.35, 120.1, 32.7];
