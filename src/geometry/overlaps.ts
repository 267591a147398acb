import {
  booleanPointInPolygon,
  difference,
  featureCollection,
  feature,
  intersect,
} from '@turf/turf';
import type { BBox, Position } from 'geojson';
import type { LonLat } from './coordinates';
import { areaKm2, bboxOf } from './measure';
import { polygonsOf, type ArealGeometry } from './polygons';
import { BOX_SLACK } from './rings';

/**
 * Overlap and containment of park geometries: cheap exact pre-checks first, Turf clipping only
 * for the pairs they cannot settle. Turf is imported by name, so only the validator's chunk
 * carries it.
 */

/**
 * Whether two boxes share area. Boxes that only touch do not: parks that share an edge cannot
 * overlap by any area, so they need no polygon clipping.
 */
export function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** Area in km² shared by two geometries; 0 when they are disjoint or only touch. */
export function overlapAreaKm2(a: ArealGeometry, b: ArealGeometry): number {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? areaKm2(shared.geometry) : 0;
}

/** Area in km² of `inner` that lies outside `outer`; 0 when `inner` is contained (edges may touch). */
export function areaOutsideKm2(inner: ArealGeometry, outer: ArealGeometry): number {
  // The usual case, a park well inside its zone, needs no clipping (about 5 ms a pair).
  if (certainlyWithin(inner, outer)) return 0;
  const rest = difference(featureCollection([feature(inner), feature(outer)]));
  return rest ? areaKm2(rest.geometry) : 0;
}

/** Whether a point lies in a geometry; a point on the boundary counts as inside. */
export function pointInGeometry(point: LonLat, geometry: ArealGeometry): boolean {
  return booleanPointInPolygon([point[0], point[1]], geometry);
}

/** Index pairs whose boxes overlap, by sort-and-sweep on the west edge: O(n log n + pairs). */
export function overlappingBoxPairs(boxes: readonly BBox[]): Array<readonly [number, number]> {
  const order = boxes.map((_, i) => i).sort((i, j) => (boxes[i]?.[0] ?? 0) - (boxes[j]?.[0] ?? 0));
  const pairs: Array<readonly [number, number]> = [];
  const active: number[] = [];
  for (const i of order) {
    const box = boxes[i];
    if (!box) continue;
    // Boxes that end at or before this one's west edge can meet no later box either.
    for (let k = active.length - 1; k >= 0; k--) {
      const other = boxes[active[k] ?? -1];
      if (!other || other[2] <= box[0]) active.splice(k, 1);
    }
    for (const j of active) {
      const other = boxes[j];
      if (other && bboxesOverlap(box, other)) pairs.push(j < i ? [j, i] : [i, j]);
    }
    active.push(i);
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

type Segment = readonly [Position, Position];

/**
 * Points this close to a boundary (in degrees, about 0.1 mm) count as on it: a midpoint computed
 * on a shared edge lands a rounding error off the line, and must not read as inside.
 */
const ON_BOUNDARY_DEGREES = 1e-9;

function distanceSquaredToSegment(x: number, y: number, [a, b]: Segment): number {
  const [ax = 0, ay = 0] = a;
  const dx = (b[0] ?? 0) - ax;
  const dy = (b[1] ?? 0) - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
  const ex = ax + t * dx - x;
  const ey = ay + t * dy - y;
  return ex * ex + ey * ey;
}

/** Even-odd point in polygon over all rings' edges; a point on (or within a hair of) an edge is not inside. */
function strictlyInside(x: number, y: number, segments: readonly Segment[]): boolean {
  let inside = false;
  for (const segment of segments) {
    const ax = segment[0][0] ?? 0;
    const ay = segment[0][1] ?? 0;
    const bx = segment[1][0] ?? 0;
    const by = segment[1][1] ?? 0;
    // Only an edge whose box comes within the tolerance can be that close: most are skipped.
    const near =
      x >= Math.min(ax, bx) - ON_BOUNDARY_DEGREES &&
      x <= Math.max(ax, bx) + ON_BOUNDARY_DEGREES &&
      y >= Math.min(ay, by) - ON_BOUNDARY_DEGREES &&
      y <= Math.max(ay, by) + ON_BOUNDARY_DEGREES;
    if (near && distanceSquaredToSegment(x, y, segment) <= ON_BOUNDARY_DEGREES ** 2) return false;
    if (ay > y !== by > y && x < ax + ((y - ay) / (by - ay)) * (bx - ax)) inside = !inside;
  }
  return inside;
}

/** The box [west, south, east, north] of some segments. */
function segmentsBox(segments: readonly Segment[]): BBox {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [p, q] of segments) {
    west = Math.min(west, p[0] ?? 0, q[0] ?? 0);
    east = Math.max(east, p[0] ?? 0, q[0] ?? 0);
    south = Math.min(south, p[1] ?? 0, q[1] ?? 0);
    north = Math.max(north, p[1] ?? 0, q[1] ?? 0);
  }
  return [west, south, east, north];
}

function segmentsOf(geometry: ArealGeometry): Segment[] {
  const segments: Segment[] = [];
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const p = ring[i];
        const q = ring[i + 1];
        if (p && q) segments.push([p, q]);
      }
    }
  }
  return segments;
}

/** Parameters in (0, 1) where segment p→q meets segment a→b, touching and collinear overlap included. */
function meetings(p: Position, q: Position, a: Position, b: Position): number[] {
  const [px = 0, py = 0] = p;
  const dx = (q[0] ?? 0) - px;
  const dy = (q[1] ?? 0) - py;
  const [ax = 0, ay = 0] = a;
  const ex = (b[0] ?? 0) - ax;
  const ey = (b[1] ?? 0) - ay;
  const denominator = dx * ey - dy * ex;
  const fx = ax - px;
  const fy = ay - py;
  let ts: number[];
  if (denominator !== 0) {
    const s = (fx * dy - fy * dx) / denominator;
    ts = s >= 0 && s <= 1 ? [(fx * ey - fy * ex) / denominator] : [];
  } else if (fx * dy - fy * dx === 0) {
    const length2 = dx * dx + dy * dy;
    ts =
      length2 === 0
        ? []
        : [(fx * dx + fy * dy) / length2, ((fx + ex) * dx + (fy + ey) * dy) / length2];
  } else {
    ts = [];
  }
  return ts.filter((t) => t > 0 && t < 1);
}

/**
 * Whether some point of `a`'s boundary lies strictly inside the shape whose edges are `other`.
 * Each edge of `a` is cut where it meets those edges; every piece then lies wholly inside,
 * outside or along the shape, so one probe at its middle decides it.
 */
function boundaryEnters(a: ArealGeometry, other: readonly Segment[]): boolean {
  const [west, south, east, north] = segmentsBox(other);
  for (const [p, q] of segmentsOf(a)) {
    const [px = 0, py = 0] = p;
    const [qx = 0, qy = 0] = q;
    const [minX, maxX] = px < qx ? [px, qx] : [qx, px];
    const [minY, maxY] = py < qy ? [py, qy] : [qy, py];
    // Strictly inside the shape means strictly inside its box: an edge outside it is settled.
    // For neighbouring parks that is nearly every edge.
    if (maxX <= west || minX >= east || maxY <= south || minY >= north) continue;
    const cuts = [0, 1];
    for (const [s, e] of other) {
      // Edges whose boxes are apart cannot meet.
      if (
        Math.max(s[0] ?? 0, e[0] ?? 0) < minX - BOX_SLACK ||
        Math.min(s[0] ?? 0, e[0] ?? 0) > maxX + BOX_SLACK ||
        Math.max(s[1] ?? 0, e[1] ?? 0) < minY - BOX_SLACK ||
        Math.min(s[1] ?? 0, e[1] ?? 0) > maxY + BOX_SLACK
      )
        continue;
      for (const t of meetings(p, q, s, e)) cuts.push(t);
    }
    cuts.sort((x, y) => x - y);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const t0 = cuts[i] ?? 0;
      const t1 = cuts[i + 1] ?? 0;
      if (t1 - t0 < 1e-12) continue;
      const t = (t0 + t1) / 2;
      const x = (p[0] ?? 0) + t * ((q[0] ?? 0) - (p[0] ?? 0));
      const y = (p[1] ?? 0) + t * ((q[1] ?? 0) - (p[1] ?? 0));
      if (strictlyInside(x, y, other)) return true;
    }
  }
  return false;
}

/**
 * A point strictly inside a polygon (holes respected): the middle of the widest run inside it
 * along the parallel through the middle of its box. Null only for a polygon without area.
 */
export function polygonInteriorPoint(rings: readonly Position[][]): LonLat | null {
  const outer = rings[0];
  if (!outer || outer.length < 4) return null;
  const lats = outer.map((position) => position[1] ?? 0);
  const y = (Math.min(...lats) + Math.max(...lats)) / 2;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i] ?? [];
      const [bx = 0, by = 0] = ring[i + 1] ?? [];
      // Half-open in y so a vertex on the line is counted once, keeping the even-odd rule exact.
      if (ay <= y !== by <= y) xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
    }
  }
  xs.sort((p, q) => p - q);
  let best: LonLat | null = null;
  let widest = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = (xs[i + 1] ?? 0) - (xs[i] ?? 0);
    if (width > widest) [best, widest] = [[((xs[i] ?? 0) + (xs[i + 1] ?? 0)) / 2, y], width];
  }
  return best;
}

/**
 * A cheap, conservative test run before polygon clipping: false only when the interiors of `a`
 * and `b` certainly do not meet. Neighbouring parks that share a boundary (the common case) are
 * settled here in microseconds; clipping costs about a third of a millisecond per pair.
 * Interiors meet only if a boundary enters the other's interior or a polygon of one equals one
 * of the other, which a point inside each polygon catches.
 */
export function interiorsMayOverlap(a: ArealGeometry, b: ArealGeometry): boolean {
  const edgesA = segmentsOf(a);
  const edgesB = segmentsOf(b);
  if (boundaryEnters(a, edgesB) || boundaryEnters(b, edgesA)) return true;
  return polygonsOf(a).some((rings) => {
    const inside = polygonInteriorPoint(rings);
    return inside !== null && strictlyInside(inside[0], inside[1], edgesB);
  });
}

/**
 * A cheap, exact test run before clipping: true only when `inner` certainly lies within `outer`.
 * When no piece of `outer`'s boundary is strictly inside `inner`, the (connected) interior of each
 * polygon of `inner` lies wholly inside or wholly outside `outer`, and a point strictly inside it
 * says which. False means "clip to find out".
 */
function certainlyWithin(inner: ArealGeometry, outer: ArealGeometry): boolean {
  if (boundaryEnters(outer, segmentsOf(inner))) return false;
  const outerEdges = segmentsOf(outer);
  return polygonsOf(inner).every((rings) => {
    const point = polygonInteriorPoint(rings);
    return point !== null && strictlyInside(point[0], point[1], outerEdges);
  });
}

/** A geometry with an id, as {@link findOverlaps} takes it. */
export interface IdentifiedGeometry {
  readonly id: string;
  readonly geometry: ArealGeometry;
}

/** Two geometries sharing more than the tolerance; `a` comes before `b` in the input. */
export interface Overlap {
  readonly a: string;
  readonly b: string;
  readonly areaKm2: number;
}

/** A candidate pair whose clipping threw (degenerate input that slipped past the ring checks). */
export interface OverlapFailure {
  readonly a: string;
  readonly b: string;
  readonly reason: string;
}

/** Options of {@link findOverlaps}. */
export interface OverlapOptions {
  /** Shared area up to this many km² is slop along shared edges, not an overlap. */
  readonly toleranceKm2: number;
  /** Pairs allowed to overlap, such as a park and its own zone. */
  readonly exempt?: (a: string, b: string) => boolean;
}

/** Geodesic area in km² shared by two boxes: an upper bound of what their shapes can share. */
function boxOverlapKm2(a: BBox, b: BBox): number {
  const west = Math.max(a[0], b[0]);
  const south = Math.max(a[1], b[1]);
  const east = Math.min(a[2], b[2]);
  const north = Math.min(a[3], b[3]);
  if (west >= east || south >= north) return 0;
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return areaKm2({ type: 'Polygon', coordinates: [ring] });
}

/**
 * Every pair of geometries that share more than `toleranceKm2`, in input order. A bounding-box
 * sweep picks the candidates, so only neighbours are clipped: this scales to tens of thousands
 * of parks. A pair that cannot be clipped is returned as a failure instead of aborting the rest.
 */
export function findOverlaps(
  items: readonly IdentifiedGeometry[],
  options: OverlapOptions,
): { overlaps: Overlap[]; failures: OverlapFailure[] } {
  const boxes = items.map((item) => bboxOf(item.geometry));
  const overlaps: Overlap[] = [];
  const failures: OverlapFailure[] = [];
  for (const [i, j] of overlappingBoxPairs(boxes)) {
    const a = items[i];
    const b = items[j];
    const boxA = boxes[i];
    const boxB = boxes[j];
    if (!a || !b || !boxA || !boxB || options.exempt?.(a.id, b.id)) continue;
    if (boxOverlapKm2(boxA, boxB) <= options.toleranceKm2) continue;
    try {
      if (!interiorsMayOverlap(a.geometry, b.geometry)) continue;
      const shared = overlapAreaKm2(a.geometry, b.geometry);
      if (shared > options.toleranceKm2) overlaps.push({ a: a.id, b: b.id, areaKm2: shared });
    } catch (error) {
      failures.push({
        a: a.id,
        b: b.id,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { overlaps, failures };
}
