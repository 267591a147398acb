import type { Position } from 'geojson';

/**
 * The planar primitives of the Simple Features validity check (simpleFeatures.ts): segments of a
 * ring, how two segments meet, where a point or a ring lies relative to another ring, and a small
 * union-find of ring touches. Exact on the coordinates as they are, like GEOS.
 */

export interface Segment {
  /** Polygon and ring index. */
  readonly p: number;
  readonly r: number;
  /** Index of the segment in its ring (from position i to i + 1). */
  readonly i: number;
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
  /** Segments in the ring, to recognise the closing neighbour. */
  readonly count: number;
}

/** Twice the signed area of the triangle a, b, c: > 0 when c is left of a→b. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether c, known collinear with a→b, lies within the segment's box. */
function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return (
    Math.min(ax, bx) <= cx &&
    cx <= Math.max(ax, bx) &&
    Math.min(ay, by) <= cy &&
    cy <= Math.max(ay, by)
  );
}

/** Whether point c lies on segment a→b (ends included). */
function onSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): boolean {
  return orient(ax, ay, bx, by, cx, cy) === 0 && within(ax, ay, bx, by, cx, cy);
}

/** How two segments meet. */
export type Meeting =
  | { readonly kind: 'none' }
  | { readonly kind: 'cross'; readonly at: Position }
  | { readonly kind: 'touch'; readonly at: Position }
  | { readonly kind: 'overlap'; readonly at: Position };

export function meet(s: Segment, t: Segment): Meeting {
  const d1 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d2 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  const d3 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d4 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  if (d1 === 0 && d2 === 0) {
    // Collinear: they share a stretch, one point, or nothing.
    const shared: Position[] = [];
    if (within(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) shared.push([s.ax, s.ay]);
    if (within(t.ax, t.ay, t.bx, t.by, s.bx, s.by)) shared.push([s.bx, s.by]);
    if (within(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) shared.push([t.ax, t.ay]);
    if (within(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) shared.push([t.bx, t.by]);
    const first = shared[0];
    if (!first) return { kind: 'none' };
    const distinct = shared.some((q) => q[0] !== first[0] || q[1] !== first[1]);
    return distinct ? { kind: 'overlap', at: first } : { kind: 'touch', at: first };
  }
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t1 = d1 / (d1 - d2);
    return { kind: 'cross', at: [s.ax + t1 * (s.bx - s.ax), s.ay + t1 * (s.by - s.ay)] };
  }
  if (d1 === 0 && within(t.ax, t.ay, t.bx, t.by, s.ax, s.ay))
    return { kind: 'touch', at: [s.ax, s.ay] };
  if (d2 === 0 && within(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
    return { kind: 'touch', at: [s.bx, s.by] };
  if (d3 === 0 && within(s.ax, s.ay, s.bx, s.by, t.ax, t.ay))
    return { kind: 'touch', at: [t.ax, t.ay] };
  if (d4 === 0 && within(s.ax, s.ay, s.bx, s.by, t.bx, t.by))
    return { kind: 'touch', at: [t.bx, t.by] };
  return { kind: 'none' };
}

/** The ring's segments, without zero-length ones (repeated positions are valid in GEOS). */
export function ringSegments(ring: readonly Position[], p: number, r: number): Segment[] {
  const points: [number, number][] = [];
  for (const position of ring) {
    const x = position[0] ?? Number.NaN;
    const y = position[1] ?? Number.NaN;
    const last = points[points.length - 1];
    if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
  }
  const count = points.length - 1;
  const out: Segment[] = [];
  for (let i = 0; i < count; i++) {
    const [ax, ay] = points[i] ?? [0, 0];
    const [bx, by] = points[i + 1] ?? [0, 0];
    out.push({ p, r, i, ax, ay, bx, by, count });
  }
  return out;
}

/** Whether two segments of one ring follow each other (and so share an end by design). */
export function adjacent(s: Segment, t: Segment): boolean {
  if (s.p !== t.p || s.r !== t.r) return false;
  const d = Math.abs(s.i - t.i);
  return d === 1 || d === s.count - 1;
}

/** Whether the shared end of two adjacent segments is their only common point (no spike). */
export function adjacentOk(s: Segment, t: Segment): boolean {
  const [first, second] = s.i + 1 === t.i || (t.i === 0 && s.i === s.count - 1) ? [s, t] : [t, s];
  // first ends where second starts; a spike runs second back over first.
  const back =
    orient(first.ax, first.ay, first.bx, first.by, second.bx, second.by) === 0 &&
    (within(first.ax, first.ay, first.bx, first.by, second.bx, second.by) ||
      within(second.ax, second.ay, second.bx, second.by, first.ax, first.ay));
  return !back;
}

/** Even–odd point-in-ring; null when the point is on the ring. */
function inRing(ring: readonly Position[], x: number, y: number): boolean | null {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (onSegment(xi, yi, xj, yj, x, y)) return null;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Where one ring lies relative to another whose boundary it does not cross. */
export type Relation = 'inside' | 'outside' | 'mixed' | 'boundary';

/**
 * Where a ring lies relative to another: its vertices and segment midpoints off the other's
 * boundary are all inside, all outside, or some of each. Once crossings and shared edges are
 * ruled out each segment lies wholly on one side, so its midpoint speaks for it — which also
 * catches a ring that touches the other only at vertices yet reaches out of it.
 */
export function relation(inner: readonly Position[], outer: readonly Position[]): Relation {
  let ins = 0;
  let outs = 0;
  const test = (x: number, y: number): void => {
    const at = inRing(outer, x, y);
    if (at === true) ins++;
    else if (at === false) outs++;
  };
  for (let i = 0; i < inner.length; i++) {
    const [x = 0, y = 0] = inner[i] ?? [];
    test(x, y);
    const next = inner[i + 1];
    if (next) test((x + (next[0] ?? x)) / 2, (y + (next[1] ?? y)) / 2);
  }
  if (ins > 0 && outs > 0) return 'mixed';
  return ins > 0 ? 'inside' : outs > 0 ? 'outside' : 'boundary';
}

/** A small union-find over ring keys, to see whether ring touches close a loop. */
export class Touches {
  private readonly parent = new Map<string, string>();

  private find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root)
      root = this.parent.get(root) ?? root;
    this.parent.set(key, root);
    return root;
  }

  /** Joins two rings; false when they were already joined (the touches form a loop). */
  join(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent.set(ra, rb);
    return true;
  }
}
