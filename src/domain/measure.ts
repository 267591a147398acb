import { area, bbox } from '@turf/turf';
import type { BBox, MultiPolygon, Polygon } from 'geojson';

const M2_PER_KM2 = 1_000_000;

/** Geodesic area in km² (holes subtracted). */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return area(geometry) / M2_PER_KM2;
}

/** The bounding box [west, south, east, north]. */
export function bboxOf(geometry: Polygon | MultiPolygon): BBox {
  return bbox(geometry);
}
