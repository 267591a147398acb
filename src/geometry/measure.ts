import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from './polygons';

const M2_PER_KM2 = 1_000_000;

/** Turf's mean earth radius in metres (`earthRadius` of @turf/helpers). */
const EARTH_RADIUS_M = 6371008.8;
const FACTOR = (EARTH_RADIUS_M * EARTH_RADIUS_M) / 2;
const PI_OVER_180 = Math.PI / 180;

/**
 * A ring's geodesic area in m², signed: @turf/area's `ringArea` (Chamberlain & Duquette's
 * spherical formula), step for step, so that the result is Turf's to the last bit. Written out
 * here because the explorer measures every park on its first screen, and importing Turf there
 * put @turf/helpers into the first load.
 */
function ringAreaM2(ring: readonly Position[]): number {
  const length = ring.length - 1;
  if (length <= 2) return 0;
  let total = 0;
  for (let i = 0; i < length; i++) {
    const lower = ring[i] ?? [];
    const middle = ring[i + 1 === length ? 0 : i + 1] ?? [];
    const upper = ring[i + 2 >= length ? (i + 2) % length : i + 2] ?? [];
    const lowerX = (lower[0] ?? 0) * PI_OVER_180;
    const middleY = (middle[1] ?? 0) * PI_OVER_180;
    const upperX = (upper[0] ?? 0) * PI_OVER_180;
    total += (upperX - lowerX) * Math.sin(middleY);
  }
  return total * FACTOR;
}

/** Geodesic area in km² (holes subtracted), equal to Turf's `area` / 10⁶. Turf-free. */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  let m2 = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    if (!outer) continue;
    let polygon = Math.abs(ringAreaM2(outer));
    for (const hole of holes) polygon -= Math.abs(ringAreaM2(hole));
    m2 += polygon;
  }
  return m2 / M2_PER_KM2;
}

/**
 * The bounding box [west, south, east, north] over every position, as Turf's `bbox` computes it.
 * Turf-free for the same reason as {@link areaKm2}: this module is in the first load, and a Turf
 * import here put @turf/bbox and @turf/meta there too.
 */
export function bboxOf(geometry: Polygon | MultiPolygon): BBox {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (const position of ring) {
        const x = position[0] ?? Number.NaN;
        const y = position[1] ?? Number.NaN;
        if (west > x) west = x;
        if (south > y) south = y;
        if (east < x) east = x;
        if (north < y) north = y;
      }
    }
  }
  return [west, south, east, north];
}
