/**
 * Small geometry helpers shared by the geo/ build scripts (build-basemap, build-parks, preview-geo).
 * Node-only: reads and writes files. Nothing here is imported by the app. The ring toolkit (polygons,
 * signed area, winding, rounding) is the app's own, from src/geometry/; this file adds file I/O,
 * Douglas–Peucker and the build's OGC gate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { booleanValid, kinks } from '@turf/turf';
import { formatFeatureCollection } from '../../src/data/parksFile';
import { polygonsOf, type ArealGeometry } from '../../src/geometry/polygons';
import { ringSignedArea, roundRing, windPolygons } from '../../src/geometry/rings';

/** A park or basemap polygon geometry: src/geometry's `ArealGeometry`. */
export type Areal = ArealGeometry;

/** Read and parse a JSON file; the caller asserts the shape. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Read a GeoJSON FeatureCollection, dropping features without geometry (GSHHG has a few). */
export function readCollection<G extends Geometry>(path: string): Feature<G>[] {
  const fc = readJson<FeatureCollection<G | null>>(path);
  return fc.features.filter((f): f is Feature<G> => f.geometry !== null);
}

/** Write a FeatureCollection as geo/ files are written (src/data/parksFile.ts); returns its bytes. */
export function writeCollection(path: string, features: readonly Feature[]): number {
  const text = formatFeatureCollection(features);
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** A ring rounded by src/geometry's `roundRing`, or null when fewer than 4 positions remain. */
function roundedRing(ring: readonly Position[], decimals: number): Position[] | null {
  const out = roundRing(ring, decimals);
  return out.length >= 4 ? out : null;
}

/** Build the most specific areal geometry for a list of polygons (null when empty). */
export function arealFrom(polys: Position[][][]): Areal | null {
  if (polys.length === 0) return null;
  const [only] = polys;
  if (polys.length === 1 && only) return { type: 'Polygon', coordinates: only };
  return { type: 'MultiPolygon', coordinates: polys };
}

/**
 * Round an areal geometry to `decimals` places; rings that collapse are dropped, and a polygon
 * whose outer ring collapses is dropped whole.
 */
export function roundAreal(g: Areal, decimals: number): Areal | null {
  const polys: Position[][][] = [];
  for (const [outer, ...holes] of polygonsOf(g)) {
    const shell = outer ? roundedRing(outer, decimals) : null;
    if (!shell) continue;
    const rings = [shell];
    for (const hole of holes) {
      const r = roundedRing(hole, decimals);
      if (r) rings.push(r);
    }
    polys.push(rings);
  }
  return arealFrom(polys);
}

/**
 * RFC 7946 winding (outer rings counter-clockwise, holes clockwise), as @turf/rewind does, but
 * typed for polygons: the Turf signature returns any GeoJSON.
 */
export function rewindAreal(g: Areal): Areal {
  return arealFrom(windPolygons(polygonsOf(g))) ?? g;
}

/**
 * Problems with an areal geometry against RFC 7946 and OGC simple-feature validity, as
 * human-readable strings (empty when clean). Used as a gate before anything is written.
 */
export function arealProblems(g: Areal): string[] {
  const problems: string[] = [];
  polygonsOf(g).forEach((poly, pi) => {
    poly.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) problems.push(`${where}: fewer than 4 positions`);
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
        problems.push(`${where}: not closed`);
      const ccw = ringSignedArea(ring) > 0;
      if (ri === 0 && !ccw) problems.push(`${where}: outer ring is not counter-clockwise`);
      if (ri > 0 && ccw) problems.push(`${where}: hole is not clockwise`);
    });
  });
  const k = kinks(g);
  if (k.features.length > 0) problems.push(`${k.features.length} self-intersection(s)`);
  if (!booleanValid(g)) problems.push('not a valid (OGC) polygon');
  return problems;
}

/** Douglas–Peucker on planar lon/lat; keeps both end points; ties keep the first index. */
export function douglasPeucker(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop() ?? [0, 0];
    const a = points[i];
    const b = points[j];
    if (!a || !b) continue;
    const ax = a[0] ?? 0;
    const ay = a[1] ?? 0;
    const dx = (b[0] ?? 0) - ax;
    const dy = (b[1] ?? 0) - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = tolerance;
    for (let k = i + 1; k < j; k++) {
      const p = points[k];
      if (!p) continue;
      const px = (p[0] ?? 0) - ax;
      const py = (p[1] ?? 0) - ay;
      // Distance to the segment (not the infinite line), so closed arcs simplify sensibly.
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const d = Math.hypot(px - t * dx, py - t * dy);
      if (d > bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0) {
      keep[best] = true;
      stack.push([i, best], [best, j]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

/** Wrap a geometry as a Feature with the given properties. */
export function featureOf<G extends Geometry, P extends Record<string, unknown>>(
  geometry: G,
  properties: P,
): Feature<G, P> {
  return { type: 'Feature', properties, geometry };
}
