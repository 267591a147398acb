import type { Position } from 'geojson';
import type { ArealGeometry } from './polygons';

/**
 * The ring toolkit, Turf-free so that any chunk (the first load included) may use it: polygons of
 * a geometry, signed area and RFC 7946 winding, rounding and closing, self-intersection. One
 * definition of each, used by the validator, the importer, the label points and the geo/ build
 * scripts alike.
 */

/** A reader's name for a ring: "outer ring", "hole 2", "polygon 3 outer ring". */
export function ringLabel(
  geometry: ArealGeometry,
  polygonIndex: number,
  ringIndex: number,
): string {
  const ring = ringIndex === 0 ? 'outer ring' : `hole ${ringIndex}`;
  return geometry.type === 'MultiPolygon' ? `polygon ${polygonIndex + 1} ${ring}` : ring;
}

/** Whether two positions are the same point (first two ordinates); false when either is missing. */
export function samePosition(a: Position | undefined, b: Position | undefined): boolean {
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

/** A ring turned to the winding RFC 7946 wants: counterclockwise for an outer ring, clockwise for a hole. */
export function wind(ring: Position[], outer: boolean): Position[] {
  const counterclockwise = ringSignedArea(ring) > 0;
  return counterclockwise === outer ? ring : [...ring].reverse();
}

/** Every ring of some polygons turned to RFC 7946 winding (outer rings first in each polygon). */
export function windPolygons(polygons: readonly Position[][][]): Position[][][] {
  return polygons.map((rings) => rings.map((ring, i) => wind(ring, i === 0)));
}

/** Rounds a number to `decimals` places, turning -0 into 0 so that output is stable. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Rounds every position of a ring to `decimals` places (dropping any third ordinate), drops the
 * consecutive repeats that rounding creates and keeps the ring closed. The result may be shorter
 * than a ring needs (4 positions); the caller decides what a collapsed ring means.
 */
export function roundRing(ring: readonly Position[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const position of ring) {
    const x = roundTo(position[0] ?? 0, decimals);
    const y = roundTo(position[1] ?? 0, decimals);
    const last = out[out.length - 1];
    if (last && last[0] === x && last[1] === y) continue;
    out.push([x, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0] ?? 0, first[1] ?? 0]);
  return out;
}

/** Drops repeated consecutive positions: harmless in data, but kinks reports them as crossings. */
export function withoutRepeats(ring: readonly Position[]): Position[] {
  return ring.filter((position, i) => i === 0 || !samePosition(position, ring[i - 1]));
}

/**
 * Where segment (x1, y1)→(x2, y2) meets segment (x3, y3)→(x4, y4), touching included; parallel
 * segments never meet. The arithmetic is Turf's `kinks`, step for step, so the reported point is
 * the same to the last bit.
 */
export function lineIntersection(
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
export const BOX_SLACK = 1e-9;

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
