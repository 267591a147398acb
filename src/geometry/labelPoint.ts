import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { bboxOf } from './measure';
import { polygonsOf } from './polygons';
import { ringSignedArea } from './rings';

/** The planar centroid of a closed ring, or null for a ring without area. */
function ringCentroid(ring: readonly Position[]): [number, number] | null {
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let cross = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    // Relative to the first vertex, so that longitudes near 120° lose no precision.
    const step = (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
    cross += step;
    cx += (ax - x0 + bx - x0) * step;
    cy += (ay - y0 + by - y0) * step;
  }
  return cross === 0 ? null : [x0 + cx / (3 * cross), y0 + cy / (3 * cross)];
}

/** Even-odd test of a point against one ring. */
function insideRing([x, y]: readonly [number, number], ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Where a park's name is drawn: inside its largest part, at the part's centroid when that lies
 * inside (the usual, cheap case), else at its pole of inaccessibility (polylabel), which an L- or
 * U-shaped boundary needs. Planar in degrees, which is all a label needs.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = polygonsOf(geometry);
  let largest: Position[][] = [];
  let largestArea = -1;
  for (const rings of parts) {
    const size = Math.abs(ringSignedArea(rings[0] ?? []));
    if (size > largestArea) {
      largest = rings;
      largestArea = size;
    }
  }
  const [outer = [], ...holes] = largest;
  const centroid = ringCentroid(outer);
  if (centroid && insideRing(centroid, outer) && !holes.some((hole) => insideRing(centroid, hole)))
    return centroid;
  const [west, south, east, north] = bboxOf({ type: 'Polygon', coordinates: [outer] });
  const [x, y] = polylabel(
    largest as [number, number][][],
    Math.min(east - west, north - south) / 100,
  );
  return [x, y];
}
