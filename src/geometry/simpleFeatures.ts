import type { Position } from 'geojson';
import { formatPosition } from './coordinates';
import { polygonsOf, type ArealGeometry } from './polygons';
import { ringLabel } from './rings';
import {
  meet,
  ringSegments,
  adjacent,
  adjacentOk,
  relation,
  Touches,
  type Segment,
} from './segments';

/**
 * OGC Simple Features validity of a polygon or multipolygon, as GEOS's `IsValidOp` states it
 * (planar, on the coordinates as they are), for what ring checks alone cannot see:
 *
 * - a ring touching or running back over itself (a spike, or a figure-8 pinch);
 * - rings of one polygon crossing, or running along each other for a stretch;
 * - a hole outside its shell, or inside another hole;
 * - a hole touching the shell (or a chain of holes touching each other and the shell) at two or
 *   more points, so that the interior falls apart;
 * - parts of a MultiPolygon that overlap, cross, share an edge, or repeat each other.
 *
 * Parts and rings may touch at single points; that is valid, as in GEOS. Rings that are too short
 * or unclosed are checked elsewhere (validity.ts) and skipped here. Written for this project and
 * tested against fixtures derived from GEOS's and Turf's published validity tests; it has no
 * dependencies, so the registry worker can run it.
 */

/** Codes of the problems {@link simpleFeaturesProblems} reports. */
export type ValidityRule =
  | 'ring-self-touch'
  | 'ring-self-cross'
  | 'rings-cross'
  | 'hole-outside-shell'
  | 'holes-nested'
  | 'interior-disconnected'
  | 'parts-overlap'
  | 'parts-share-edge'
  | 'duplicate-part';

/** One validity problem, with a message saying where and how to fix it. */
export interface ValidityProblem {
  readonly rule: ValidityRule;
  readonly message: string;
}

const key = (p: number, r: number): string => `${p}/${r}`;
const pointKey = (at: Position): string => `${at[0]},${at[1]}`;

/** Options of {@link simpleFeaturesProblems}. */
export interface ValidityOptions {
  /**
   * Report a ring crossing itself (a bow-tie) too. The registry's ring checks already report it
   * as 'self-intersection', so they leave it off; {@link isValidSimpleFeatures} turns it on.
   */
  readonly ringCrossings?: boolean;
}

/** Every validity problem of a geometry whose rings are closed and long enough. */
export function simpleFeaturesProblems(
  geometry: ArealGeometry,
  options: ValidityOptions = {},
): ValidityProblem[] {
  const polygons = polygonsOf(geometry);
  const problems: ValidityProblem[] = [];
  const seen = new Set<string>();
  const add = (rule: ValidityRule, message: string, subject = message): void => {
    const id = `${rule}|${subject}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push({ rule, message });
    }
  };
  const label = (p: number, r: number): string => ringLabel(geometry, p, r);
  const part = (p: number): string => `polygon ${p + 1}`;

  // Repeated parts first: every other finding about them would only restate this one.
  const shapes = polygons.map((rings) => JSON.stringify(rings));
  const repeats = new Set<number>();
  shapes.forEach((shape, p) => {
    const earlier = shapes.indexOf(shape);
    if (earlier < p) {
      repeats.add(p);
      add('duplicate-part', `${part(p)} repeats ${part(earlier)} exactly: remove the copy`);
    }
  });

  const segments: Segment[] = [];
  polygons.forEach((rings, p) => {
    if (repeats.has(p)) return;
    rings.forEach((ring, r) => segments.push(...ringSegments(ring, p, r)));
  });
  segments.sort((a, b) => Math.min(a.ax, a.bx) - Math.min(b.ax, b.bx));

  // Points where two rings of one polygon touch: ring keys by point.
  const nodes = new Map<string, Set<string>>();
  const note = (at: Position, s: Segment, t: Segment): void => {
    const k = `${s.p}|${pointKey(at)}`;
    const set = nodes.get(k) ?? new Set<string>();
    set.add(key(s.p, s.r)).add(key(t.p, t.r));
    nodes.set(k, set);
  };

  const active: Segment[] = [];
  for (const s of segments) {
    const west = Math.min(s.ax, s.bx);
    for (let k = active.length - 1; k >= 0; k--) {
      const a = active[k];
      if (a && Math.max(a.ax, a.bx) < west) active.splice(k, 1);
    }
    for (const t of active) {
      if (
        Math.max(s.ay, s.by) < Math.min(t.ay, t.by) ||
        Math.max(t.ay, t.by) < Math.min(s.ay, s.by)
      )
        continue;
      if (adjacent(s, t)) {
        if (s.count > 2 && !adjacentOk(s, t)) {
          add(
            'ring-self-touch',
            `${label(s.p, s.r)} runs back over itself near ${formatPosition([s.bx, s.by])} (a spike): remove the spike`,
            key(s.p, s.r),
          );
        }
        continue;
      }
      const meeting = meet(s, t);
      if (meeting.kind === 'none') continue;
      const where = formatPosition(meeting.at);
      if (s.p === t.p && s.r === t.r) {
        if (meeting.kind !== 'cross') {
          add(
            'ring-self-touch',
            `${label(s.p, s.r)} touches itself at ${where}, which pinches the area apart: split it into separate rings`,
            key(s.p, s.r),
          );
        } else if (options.ringCrossings) {
          add('ring-self-cross', `${label(s.p, s.r)} crosses itself at ${where}`);
        }
        continue;
      }
      if (s.p === t.p) {
        if (meeting.kind === 'cross') {
          add(
            'rings-cross',
            `${label(s.p, Math.min(s.r, t.r))} and ${label(t.p, Math.max(s.r, t.r))} cross at ${where}: a hole must lie inside its outer ring`,
            `${key(s.p, Math.min(s.r, t.r))}-${Math.max(s.r, t.r)}`,
          );
        } else if (meeting.kind === 'overlap') {
          add(
            'interior-disconnected',
            `${label(s.p, Math.min(s.r, t.r))} and ${label(t.p, Math.max(s.r, t.r))} run along each other from ${where}: a hole may touch another ring at a point, not along an edge`,
            `${key(s.p, Math.min(s.r, t.r))}-${Math.max(s.r, t.r)}`,
          );
        } else note(meeting.at, s, t);
        continue;
      }
      const [p, q] = s.p < t.p ? [s.p, t.p] : [t.p, s.p];
      if (meeting.kind === 'cross') {
        add(
          'parts-overlap',
          `${part(p)} and ${part(q)} cross at ${where}, so they overlap: merge them into one polygon or redraw the shared boundary`,
          `${p}-${q}`,
        );
      } else if (meeting.kind === 'overlap') {
        add(
          'parts-share-edge',
          `${part(p)} and ${part(q)} share an edge from ${where}: parts of a MultiPolygon may touch at points only; merge them into one polygon`,
          `${p}-${q}`,
        );
      }
    }
    active.push(s);
  }

  // Touches between rings of one polygon: two rings touching twice, or a loop of touches, cut the interior.
  const loops = new Touches();
  const reported = new Set<number>();
  for (const [k, rings] of nodes) {
    const p = Number(k.slice(0, k.indexOf('|')));
    const [first, ...rest] = [...rings];
    for (const other of rest) {
      if (first && !loops.join(first, other) && !reported.has(p)) {
        reported.add(p);
        const at = k
          .slice(k.indexOf('|') + 1)
          .split(',')
          .map(Number);
        add(
          'interior-disconnected',
          `${geometry.type === 'MultiPolygon' ? `${part(p)}: ` : ''}its holes touch its outer ring or each other so that the area is cut in two (last touch at ${formatPosition(at)}): move a hole off the boundary, or split the polygon`,
        );
      }
    }
  }

  // Holes inside their shell and not inside each other.
  polygons.forEach((rings, p) => {
    if (repeats.has(p)) return;
    const [shell, ...holes] = rings;
    if (!shell) return;
    holes.forEach((hole, h) => {
      const where = relation(hole, shell);
      if (where === 'outside' || where === 'mixed') {
        add(
          'hole-outside-shell',
          `${label(p, h + 1)} lies outside the outer ring: a hole must lie inside it; make it a polygon of its own or delete it`,
        );
      }
      holes.forEach((other, o) => {
        if (o === h) return;
        const inOther = relation(hole, other);
        if (inOther === 'inside' || (inOther === 'mixed' && o > h)) {
          add(
            'holes-nested',
            `${label(p, h + 1)} ${inOther === 'inside' ? 'lies inside' : 'overlaps'} ${label(p, o + 1)}: holes may not nest or overlap; make the inner one a polygon of its own`,
          );
        }
      });
    });
  });

  // Parts of a MultiPolygon: neither inside the other's area (inside its hole is fine).
  polygons.forEach((outer, p) => {
    polygons.forEach((inner, q) => {
      if (p === q || repeats.has(p) || repeats.has(q)) return;
      const [shell, ...holes] = outer;
      const innerShell = inner[0];
      if (!shell || !innerShell) return;
      const where = relation(innerShell, shell);
      if (where === 'outside' || where === 'boundary') return;
      if (where === 'inside' && holes.some((hole) => relation(innerShell, hole) === 'inside'))
        return;
      if (where === 'mixed' && q < p) return;
      add(
        'parts-overlap',
        where === 'inside'
          ? `${part(q)} lies inside ${part(p)}, so they overlap: remove the inner one, or cut it out as a hole`
          : `${part(Math.min(p, q))} and ${part(Math.max(p, q))} overlap: merge them into one polygon or redraw the shared boundary`,
        `${Math.min(p, q)}-${Math.max(p, q)}`,
      );
    });
  });
  return problems;
}

/** Whether a ring is closed and has at least three distinct corners. */
function ringShapeOk(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return false;
  const corners = new Set(ring.map((q) => `${q[0]},${q[1]}`));
  return ringSegments(ring, 0, 0).length >= 3 && corners.size >= 3;
}

/**
 * GEOS's `isValid` for a polygon or multipolygon: finite coordinates, every ring closed with at
 * least three corners, and none of the problems of {@link simpleFeaturesProblems}.
 */
export function isValidSimpleFeatures(geometry: ArealGeometry): boolean {
  const polygons = polygonsOf(geometry);
  for (const rings of polygons) {
    if (rings.length === 0) return false;
    for (const ring of rings) {
      if (!ring.every((q) => Number.isFinite(q[0]) && Number.isFinite(q[1]))) return false;
      if (!ringShapeOk(ring)) return false;
    }
  }
  return simpleFeaturesProblems(geometry, { ringCrossings: true }).length === 0;
}
