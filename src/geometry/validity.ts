import type { Position } from 'geojson';
import { coordinateProblems, formatPosition } from './coordinates';
import type { GeometryProblem } from './problems';
import { polygonsOf, type ArealGeometry } from './polygons';
import { firstSelfIntersection, ringLabel, ringSignedArea, samePosition } from './rings';

/**
 * Whether a park geometry is sound: rings closed, long enough and not crossing themselves,
 * coordinates plausible, RFC 7946 winding. Turf-free.
 */

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
