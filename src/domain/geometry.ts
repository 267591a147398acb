import {
  booleanPointInPolygon,
  difference,
  featureCollection,
  feature,
  intersect,
} from '@turf/turf';
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import { areaKm2, bboxOf } from './measure';

/**
 * Pure geometry over park polygons: ring validity, RFC 7946 winding, coordinate plausibility,
 * areas, overlaps and containment. Turf is imported by name so the app bundle keeps only what
 * is used here.
 */

/** A park's geometry: what parks.geojson allows. */
export type ArealGeometry = Polygon | MultiPolygon;

/** A longitude/latitude pair in WGS-84 degrees. */
export type LonLat = readonly [lon: number, lat: number];

/** Codes of the geometry problems {@link checkGeometry} and {@link checkLonLat} report. */
export type GeometryRule =
  | 'empty-geometry'
  | 'ring-too-short'
  | 'ring-unclosed'
  | 'self-intersection'
  | 'winding'
  | 'coordinates-range'
  | 'coordinates-swapped'
  | 'outside-zhenjiang';

/** One thing wrong with a geometry, with a message that says how to fix it. */
export interface GeometryProblem {
  readonly rule: GeometryRule;
  readonly message: string;
}

/** The outcome of {@link checkGeometry}. */
export interface GeometryCheck {
  readonly problems: readonly GeometryProblem[];
  /**
   * Whether areas, overlaps and containment can be computed. Wrong winding and a place outside
   * Zhenjiang leave the shape measurable; broken rings and impossible coordinates do not, and
   * measuring them would only add misleading findings.
   */
  readonly usable: boolean;
}

/** A generous box around Zhenjiang (镇江) in WGS-84: the city spans about 119.0–120.0°E, 31.6–32.3°N. */
export const ZHENJIANG_BOUNDS = { west: 118.8, east: 120.3, south: 31.5, north: 32.6 } as const;

/** Where a position stands: in Zhenjiang, swapped, impossible, or real but elsewhere. */
export type PositionClass = 'zhenjiang' | 'swapped' | 'range' | 'outside';

/** Classifies one [lon, lat] position against WGS-84 and the Zhenjiang box. */
export function classifyPosition(position: Position | LonLat): PositionClass {
  // Indexing, not destructuring: this runs once per vertex, millions of times for a big registry.
  const lon = position[0] ?? Number.NaN;
  const lat = position[1] ?? Number.NaN;
  if (inZhenjiang(lon, lat)) return 'zhenjiang';
  // Checked before the range: a swapped Zhenjiang pair has a "latitude" of ~119°, out of range.
  if (inZhenjiang(lat, lon)) return 'swapped';
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    return 'range';
  }
  return 'outside';
}

function inZhenjiang(lon: number, lat: number): boolean {
  const b = ZHENJIANG_BOUNDS;
  return lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;
}

/** Formats a position for messages: the first two ordinates, rounded for reading. */
export function formatPosition(position: Position | LonLat): string {
  return `[${position
    .slice(0, 2)
    .map((n) => String(Math.round(n * 1e6) / 1e6))
    .join(', ')}]`;
}

/** The polygons of a geometry, each as rings of positions. */
export function polygonsOf(geometry: ArealGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A reader's name for a ring: "outer ring", "hole 2", "polygon 3 outer ring". */
function ringLabel(geometry: ArealGeometry, polygonIndex: number, ringIndex: number): string {
  const ring = ringIndex === 0 ? 'outer ring' : `hole ${ringIndex}`;
  return geometry.type === 'MultiPolygon' ? `polygon ${polygonIndex + 1} ${ring}` : ring;
}

interface LocatedPosition {
  readonly where: string;
  readonly position: Position;
}

const COORDINATE_ADVICE: Record<
  Exclude<PositionClass, 'zhenjiang'>,
  { rule: GeometryRule; text: string }
> = {
  swapped: { rule: 'coordinates-swapped', text: 'coordinates look like [lat, lon]: swap them' },
  range: {
    rule: 'coordinates-range',
    text: 'coordinates are not WGS-84 degrees (lon -180..180, lat -90..90): use [lon, lat] in degrees, not projected metres',
  },
  outside: {
    rule: 'outside-zhenjiang',
    text: `coordinates are not in Zhenjiang (lon ${ZHENJIANG_BOUNDS.west}–${ZHENJIANG_BOUNDS.east}, lat ${ZHENJIANG_BOUNDS.south}–${ZHENJIANG_BOUNDS.north}): check where they came from`,
  },
};

/** One problem per kind of misplaced coordinate, naming the first offender and how many there are. */
function coordinateProblems(geometry: ArealGeometry): GeometryProblem[] {
  // One pass that labels only the first offender of each kind: a label per position (millions in
  // a large registry) cost more than all the checks together.
  const counts = new Map<PositionClass, number>();
  const firsts = new Map<PositionClass, LocatedPosition>();
  let total = 0;
  polygonsOf(geometry).forEach((rings, p) => {
    rings.forEach((ring, r) => {
      ring.forEach((position, i) => {
        total++;
        const cls = classifyPosition(position);
        if (cls === 'zhenjiang') return;
        counts.set(cls, (counts.get(cls) ?? 0) + 1);
        if (!firsts.has(cls))
          firsts.set(cls, { where: `${ringLabel(geometry, p, r)}, position ${i + 1}`, position });
      });
    });
  });
  const problems: GeometryProblem[] = [];
  for (const cls of ['swapped', 'range', 'outside'] as const) {
    const first = firsts.get(cls);
    if (!first) continue;
    const advice = COORDINATE_ADVICE[cls];
    const count = `${counts.get(cls) ?? 0} of ${total} positions`;
    problems.push({
      rule: advice.rule,
      message: `${advice.text} (${count}; first: ${first.where} ${formatPosition(first.position)})`,
    });
  }
  return problems;
}

/** Checks a single [lon, lat] point, such as a project's location, for range, swap and place. */
export function checkLonLat(point: LonLat): GeometryProblem[] {
  const cls = classifyPosition(point);
  if (cls === 'zhenjiang') return [];
  const advice = COORDINATE_ADVICE[cls];
  return [{ rule: advice.rule, message: `${advice.text}: ${formatPosition(point)}` }];
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/**
 * Twice the planar signed area of a ring in degrees²: positive when counterclockwise. The sign
 * is all RFC 7946 winding needs, and the plane is faithful to it at a park's scale.
 */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (!a || !b) continue;
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

/** Drops repeated consecutive positions: harmless in data, but kinks reports them as crossings. */
function withoutRepeats(ring: readonly Position[]): Position[] {
  return ring.filter((position, i) => i === 0 || !samePosition(position, ring[i - 1]));
}

/**
 * Where segment (x1, y1)→(x2, y2) meets segment (x3, y3)→(x4, y4), touching included; parallel
 * segments never meet. The arithmetic is Turf's `kinks`, step for step, so the reported point is
 * the same to the last bit.
 */
function lineIntersection(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): Position | null {
  const denominator = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
  if (denominator === 0) return null;
  const dy = y1 - y3;
  const dx = x1 - x3;
  const a = ((x4 - x3) * dy - (y4 - y3) * dx) / denominator;
  const b = ((x2 - x1) * dy - (y2 - y1) * dx) / denominator;
  if (a >= 0 && a <= 1 && b >= 0 && b <= 1) return [x1 + a * (x2 - x1), y1 + a * (y2 - y1)];
  return null;
}

/** Boxes this close (degrees) still count as touching, so that no rounding hides a meeting. */
const BOX_SLACK = 1e-9;

/**
 * The first point where a ring crosses or touches itself, if any: Turf `kinks`' rule and its
 * order (the pair of segments with the lowest first index, then the lowest second), found by a
 * sweep over the segments' boxes instead of testing every pair. Every pair kinks would report
 * has overlapping boxes, so the result is the same; a 400-vertex ring is checked in a fraction of
 * kinks' 80,000 pair tests.
 */
export function firstSelfIntersection(ring: readonly Position[]): Position | null {
  const line = withoutRepeats(ring);
  const segments = line.length - 1;
  if (segments < 2) return null;
  const closed = samePosition(line[0], line[segments]);
  // Flat typed arrays and an in-place active list: this runs once per ring of every park.
  const xs = new Float64Array(line.length);
  const ys = new Float64Array(line.length);
  line.forEach((position, i) => {
    xs[i] = position[0] ?? 0;
    ys[i] = position[1] ?? 0;
  });
  const west = new Float64Array(segments);
  const east = new Float64Array(segments);
  const south = new Float64Array(segments);
  const north = new Float64Array(segments);
  for (let i = 0; i < segments; i++) {
    const [x0, x1, y0, y1] = [xs[i] ?? 0, xs[i + 1] ?? 0, ys[i] ?? 0, ys[i + 1] ?? 0];
    west[i] = Math.min(x0, x1) - BOX_SLACK;
    east[i] = Math.max(x0, x1) + BOX_SLACK;
    south[i] = Math.min(y0, y1) - BOX_SLACK;
    north[i] = Math.max(y0, y1) + BOX_SLACK;
  }
  const order = Array.from({ length: segments }, (_, i) => i).sort(
    (i, j) => (west[i] ?? 0) - (west[j] ?? 0),
  );
  let bestI = -1;
  let bestK = -1;
  let best: Position | null = null;
  const active = new Int32Array(segments);
  let activeCount = 0;
  for (const s of order) {
    const start = west[s] ?? 0;
    let kept = 0;
    for (let a = 0; a < activeCount; a++) {
      const t = active[a] ?? 0;
      if ((east[t] ?? 0) < start) continue;
      active[kept++] = t;
      if ((north[t] ?? 0) < (south[s] ?? 0) || (north[s] ?? 0) < (south[t] ?? 0)) continue;
      const i = Math.min(s, t);
      const k = Math.max(s, t);
      // kinks skips neighbouring segments, and the first and last segments of a closed ring.
      if (k - i === 1 || (closed && i === 0 && k === segments - 1)) continue;
      if (best && (i > bestI || (i === bestI && k > bestK))) continue;
      const point = lineIntersection(
        xs[i] ?? 0,
        ys[i] ?? 0,
        xs[i + 1] ?? 0,
        ys[i + 1] ?? 0,
        xs[k] ?? 0,
        ys[k] ?? 0,
        xs[k + 1] ?? 0,
        ys[k + 1] ?? 0,
      );
      if (point) [best, bestI, bestK] = [point, i, k];
    }
    activeCount = kept;
    active[activeCount++] = s;
  }
  return best;
}

/** Structural checks of one ring; returns problems and whether the ring is sound enough to measure. */
function ringProblems(
  ring: readonly Position[],
  label: string,
): { problems: GeometryProblem[]; sound: boolean } {
  const problems: GeometryProblem[] = [];
  const closed = samePosition(ring[0], ring[ring.length - 1]);
  if (ring.length < 4) {
    problems.push({
      rule: 'ring-too-short',
      message: `${label} has ${ring.length} position${ring.length === 1 ? '' : 's'}; a ring needs at least 4 (3 corners and the first repeated at the end)`,
    });
  } else if (!closed) {
    problems.push({
      rule: 'ring-unclosed',
      message: `${label} is not closed: its last position ${formatPosition(ring[ring.length - 1] ?? [])} must repeat its first ${formatPosition(ring[0] ?? [])}`,
    });
  }
  if (problems.length > 0) return { problems, sound: false };
  const crossing = firstSelfIntersection(ring);
  if (crossing) {
    problems.push({
      rule: 'self-intersection',
      message: `${label} crosses itself near ${formatPosition(crossing)} (a bow-tie): reorder its positions so the boundary does not cross`,
    });
    return { problems, sound: false };
  }
  return { problems, sound: true };
}

function windingProblem(wrong: readonly string[]): GeometryProblem[] {
  if (wrong.length === 0) return [];
  return [
    {
      rule: 'winding',
      message: `RFC 7946 wants outer rings counterclockwise and holes clockwise; reverse the positions of: ${wrong.join(', ')}`,
    },
  ];
}

/**
 * Checks a park geometry: at least one ring; every ring closed, with ≥4 positions and no
 * self-intersection; coordinates in WGS-84 range, not swapped, in Zhenjiang; RFC 7946 winding.
 */
export function checkGeometry(geometry: ArealGeometry): GeometryCheck {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0 || polygons.some((rings) => rings.length === 0)) {
    return {
      problems: [
        {
          rule: 'empty-geometry',
          message:
            'the geometry has a polygon with no rings: draw the boundary or remove the empty polygon',
        },
      ],
      usable: false,
    };
  }
  const coordinates = coordinateProblems(geometry);
  if (coordinates.some((p) => p.rule !== 'outside-zhenjiang')) {
    // Rings built from swapped or impossible numbers would fail every later check for that reason alone.
    return { problems: coordinates, usable: false };
  }
  const problems: GeometryProblem[] = [...coordinates];
  const wrongWinding: string[] = [];
  let usable = true;
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      const label = ringLabel(geometry, p, r);
      const result = ringProblems(ring, label);
      problems.push(...result.problems);
      if (!result.sound) {
        usable = false;
        return;
      }
      const counterclockwise = ringSignedArea(ring) > 0;
      if (counterclockwise !== (r === 0)) wrongWinding.push(label);
    });
  });
  problems.push(...windingProblem(wrongWinding));
  return { problems, usable };
}

export { areaKm2, bboxOf };

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

/** Whether `inner` lies inside `outer`, allowing `toleranceKm2` of slop along the edges. */
export function isWithin(
  inner: ArealGeometry,
  outer: ArealGeometry,
  toleranceKm2: number,
): boolean {
  return areaOutsideKm2(inner, outer) <= toleranceKm2;
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
