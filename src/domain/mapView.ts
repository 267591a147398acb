/**
 * The camera view in the address: `map=zoom/lat/lon[/bearing[/pitch]]`, the format MapLibre's own
 * `hash` option writes, so links made before the map layer wrote it itself keep working.
 */

/** A camera view as the address holds it. */
export interface MapView {
  readonly zoom: number;
  readonly lat: number;
  readonly lng: number;
  readonly bearing: number;
  readonly pitch: number;
}

/** The hash parameter that holds the camera view. */
export const MAP_PARAM = 'map';

const MAP_KEY = `${MAP_PARAM}=`;

function segmentsOf(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

/**
 * The view in `hash`, or null when it has none or one that is not a camera (too few numbers, a
 * latitude past the poles, a zoom no map reaches).
 */
export function readMapView(hash: string): MapView | null {
  const segment = segmentsOf(hash).find((part) => part.startsWith(MAP_KEY));
  if (segment === undefined) return null;
  const parts = segment.slice(MAP_KEY.length).split('/');
  if (parts.length < 3 || parts.length > 5) return null;
  const numbers = parts.map((part) => (/^[-+]?[0-9.eE+-]+$/.test(part) ? Number(part) : NaN));
  if (!numbers.every(Number.isFinite)) return null;
  const [zoom = 0, lat = 0, lng = 0, bearing = 0, pitch = 0] = numbers;
  if (zoom < 0 || zoom > 24 || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng, bearing, pitch };
}

/**
 * `view` as MapLibre writes it: zoom to 2 decimals, the centre to as many decimals as keep it
 * within half a pixel at that zoom, bearing and pitch only when set.
 */
export function formatMapView(view: MapView): string {
  const zoom = Math.round(view.zoom * 100) / 100;
  // 512 px × 2^zoom per 360° of longitude; enough decimals that a step is under half a pixel.
  const precision = Math.max(
    0,
    Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10),
  );
  const scale = 10 ** precision;
  const round = (value: number): number => Math.round(value * scale) / scale;
  let text = `${zoom}/${round(view.lat)}/${round(view.lng)}`;
  if (view.bearing !== 0 || view.pitch !== 0) text += `/${Math.round(view.bearing * 10) / 10}`;
  if (view.pitch !== 0) text += `/${Math.round(view.pitch)}`;
  return text;
}

/** `hash` with its view set to `value` (first, as MapLibre kept it), every other part verbatim. */
export function withMapView(hash: string, value: string): string {
  const others = segmentsOf(hash).filter((part) => !part.startsWith(MAP_KEY) && part !== MAP_PARAM);
  return `#${[`${MAP_KEY}${value}`, ...others].join('&')}`;
}
