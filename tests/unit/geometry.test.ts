import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area as turfArea, bbox as turfBbox } from '@turf/turf';
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import { checkLonLat, classifyPosition } from '../../src/geometry/coordinates';
import { labelPoint } from '../../src/geometry/labelPoint';
import { areaKm2, bboxOf } from '../../src/geometry/measure';
import {
  areaOutsideKm2,
  findOverlaps,
  interiorsMayOverlap,
  overlapAreaKm2,
  overlappingBoxPairs,
  pointInGeometry,
  polygonInteriorPoint,
} from '../../src/geometry/overlaps';
import { ringSignedArea } from '../../src/geometry/rings';
import { checkGeometry } from '../../src/geometry/validity';

/** Turf's mean earth radius in metres (@turf/helpers earthRadius). */
const EARTH_RADIUS_M = 6371008.8;

/**
 * Exact spherical area in km² of the box between two meridians and two parallels:
 * R² · Δλ · (sin φ₂ − sin φ₁). The oracle the area functions are checked against.
 */
function boxKm2(west: number, south: number, east: number, north: number): number {
  const rad = Math.PI / 180;
  return (
    (EARTH_RADIUS_M ** 2 * (east - west) * rad * (Math.sin(north * rad) - Math.sin(south * rad))) /
    1e6
  );
}

/** A counterclockwise rectangle ring. */
function rectRing(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

function rect(west: number, south: number, east: number, north: number): Polygon {
  return { type: 'Polygon', coordinates: [rectRing(west, south, east, north)] };
}

function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}

const rules = (geometry: Polygon | MultiPolygon): string[] =>
  checkGeometry(geometry).problems.map((p) => p.rule);

describe('classifyPosition', () => {
  it('accepts a position in Zhenjiang', () => {
    expect(classifyPosition([119.45, 32.2])).toBe('zhenjiang');
  });
  it('recognises a [lat, lon] pair', () => {
    expect(classifyPosition([32.2, 119.45])).toBe('swapped');
  });
  it('rejects projected metres as out of range', () => {
    expect(classifyPosition([13297000, 3788000])).toBe('range');
    expect(classifyPosition([0, 95])).toBe('range');
  });
  it('flags a real place that is not Zhenjiang (Shanghai)', () => {
    expect(classifyPosition([121.47, 31.23])).toBe('outside');
  });
  it('treats the edges of the Zhenjiang box as inside', () => {
    expect(classifyPosition([118.8, 31.5])).toBe('zhenjiang');
    expect(classifyPosition([120.3, 32.6])).toBe('zhenjiang');
  });
});

describe('checkLonLat', () => {
  it('is silent for a point in Zhenjiang', () => {
    expect(checkLonLat([119.45, 32.15])).toEqual([]);
  });
  it('tells to swap a [lat, lon] point', () => {
    expect(checkLonLat([32.15, 119.45])).toEqual([
      {
        rule: 'coordinates-swapped',
        message: 'coordinates look like [lat, lon]: swap them: [32.15, 119.45]',
      },
    ]);
  });
});

describe('checkGeometry', () => {
  it('accepts a counterclockwise rectangle in Zhenjiang', () => {
    expect(checkGeometry(rect(119.4, 32.1, 119.5, 32.2))).toEqual({ problems: [], usable: true });
  });

  it('accepts a clockwise hole in a counterclockwise outer ring', () => {
    const hole = [...rectRing(119.42, 32.12, 119.44, 32.14)].reverse();
    expect(checkGeometry(polygon(rectRing(119.4, 32.1, 119.5, 32.2), hole))).toEqual({
      problems: [],
      usable: true,
    });
  });

  it('reports a ring of 3 positions and makes the shape unmeasurable', () => {
    const check = checkGeometry(
      polygon([
        [119.4, 32.1],
        [119.5, 32.1],
        [119.4, 32.1],
      ]),
    );
    expect(check.problems).toEqual([
      {
        rule: 'ring-too-short',
        message:
          'outer ring has 3 positions; a ring needs at least 4 (3 corners and the first repeated at the end)',
      },
    ]);
    expect(check.usable).toBe(false);
  });

  it('reports an unclosed ring with both ends', () => {
    const ring = rectRing(119.4, 32.1, 119.5, 32.2).slice(0, 4);
    expect(checkGeometry(polygon(ring)).problems).toEqual([
      {
        rule: 'ring-unclosed',
        message:
          'outer ring is not closed: its last position [119.4, 32.2] must repeat its first [119.4, 32.1]',
      },
    ]);
  });

  it('reports a bow-tie with the crossing point', () => {
    const bowTie = polygon([
      [119.4, 32.1],
      [119.5, 32.1],
      [119.4, 32.2],
      [119.5, 32.2],
      [119.4, 32.1],
    ]);
    const check = checkGeometry(bowTie);
    expect(check.problems.map((p) => p.rule)).toEqual(['self-intersection']);
    expect(check.problems[0]?.message).toContain('near [119.45, 32.15]');
    expect(check.usable).toBe(false);
  });

  it('does not mistake a repeated vertex for a crossing', () => {
    const ring = rectRing(119.4, 32.1, 119.5, 32.2);
    ring.splice(2, 0, [119.5, 32.1]);
    expect(rules(polygon(ring))).toEqual([]);
  });

  it('reports a clockwise outer ring but keeps the shape measurable', () => {
    const check = checkGeometry(polygon([...rectRing(119.4, 32.1, 119.5, 32.2)].reverse()));
    expect(check.problems).toEqual([
      {
        rule: 'winding',
        message:
          'RFC 7946 wants outer rings counterclockwise and holes clockwise; reverse the positions of: outer ring',
      },
    ]);
    expect(check.usable).toBe(true);
  });

  it('reports a counterclockwise hole of a multipolygon part by its name', () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [rectRing(119.3, 32.1, 119.35, 32.15)],
        [rectRing(119.4, 32.1, 119.5, 32.2), rectRing(119.42, 32.12, 119.44, 32.14)],
      ],
    };
    expect(checkGeometry(geometry).problems[0]?.message).toMatch(/: polygon 2 hole 1$/);
  });

  it('reports swapped coordinates once for the whole shape, and nothing else', () => {
    const swapped = polygon(rectRing(119.4, 32.1, 119.5, 32.2).map(([x = 0, y = 0]) => [y, x]));
    const check = checkGeometry(swapped);
    expect(check.problems).toEqual([
      {
        rule: 'coordinates-swapped',
        message:
          'coordinates look like [lat, lon]: swap them (5 of 5 positions; first: outer ring, position 1 [32.1, 119.4])',
      },
    ]);
    expect(check.usable).toBe(false);
  });

  it('reports a shape outside Zhenjiang but still measures it', () => {
    const check = checkGeometry(rect(121.4, 31.2, 121.5, 31.3));
    expect(check.problems.map((p) => p.rule)).toEqual(['outside-zhenjiang']);
    expect(check.usable).toBe(true);
  });

  it('reports an empty polygon', () => {
    expect(rules({ type: 'Polygon', coordinates: [] })).toEqual(['empty-geometry']);
    expect(rules({ type: 'MultiPolygon', coordinates: [] })).toEqual(['empty-geometry']);
  });

  it('reports every broken ring, not just the first', () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [rectRing(119.3, 32.1, 119.35, 32.15).slice(0, 4)],
        [
          [
            [119.4, 32.1],
            [119.5, 32.1],
            [119.4, 32.1],
          ],
        ],
      ],
    };
    expect(rules(geometry)).toEqual(['ring-unclosed', 'ring-too-short']);
  });
});

describe('ringSignedArea', () => {
  it('is positive for counterclockwise and negative for clockwise rings', () => {
    const ring = rectRing(0, 0, 2, 1);
    expect(ringSignedArea(ring)).toBeCloseTo(4, 12);
    expect(ringSignedArea([...ring].reverse())).toBeCloseTo(-4, 12);
  });
});

describe('areaKm2', () => {
  it('matches the exact spherical area of a lon/lat box', () => {
    expect(areaKm2(rect(119.71, 32.18, 119.74, 32.21))).toBeCloseTo(
      boxKm2(119.71, 32.18, 119.74, 32.21),
      6,
    );
  });
  it('subtracts holes and adds multipolygon parts', () => {
    const withHole = polygon(
      rectRing(119.4, 32.1, 119.5, 32.2),
      [...rectRing(119.42, 32.12, 119.44, 32.14)].reverse(),
    );
    expect(areaKm2(withHole)).toBeCloseTo(
      boxKm2(119.4, 32.1, 119.5, 32.2) - boxKm2(119.42, 32.12, 119.44, 32.14),
      6,
    );
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[rectRing(119.3, 32.1, 119.35, 32.15)], [rectRing(119.4, 32.1, 119.5, 32.2)]],
    };
    expect(areaKm2(parts)).toBeCloseTo(
      boxKm2(119.3, 32.1, 119.35, 32.15) + boxKm2(119.4, 32.1, 119.5, 32.2),
      6,
    );
  });
  it('does not depend on winding', () => {
    expect(areaKm2(polygon([...rectRing(119.4, 32.1, 119.5, 32.2)].reverse()))).toBeCloseTo(
      boxKm2(119.4, 32.1, 119.5, 32.2),
      6,
    );
  });
  it('is Turf’s area (and bboxOf Turf’s bbox) to the last bit, for any rings and parts', () => {
    const position = fc.tuple(
      fc.double({ min: 118.8, max: 120.3, noNaN: true }),
      fc.double({ min: 31.5, max: 32.6, noNaN: true }),
    );
    const ring = fc
      .array(position, { minLength: 0, maxLength: 12 })
      .map((positions) => (positions.length > 0 ? [...positions, positions[0] ?? [0, 0]] : []));
    const parts = fc.array(fc.array(ring, { minLength: 0, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(parts, (coordinates) => {
        const multi: MultiPolygon = { type: 'MultiPolygon', coordinates };
        expect(areaKm2(multi)).toBe(turfArea(multi) / 1e6);
        const [first = []] = coordinates;
        const single: Polygon = { type: 'Polygon', coordinates: first };
        expect(areaKm2(single)).toBe(turfArea(single) / 1e6);
        expect(bboxOf(multi)).toEqual(turfBbox(multi));
        expect(bboxOf(single)).toEqual(turfBbox(single));
      }),
      { numRuns: 500 },
    );
  });
});

describe('bboxOf', () => {
  it('is [west, south, east, north]', () => {
    expect(
      bboxOf(
        polygon([
          [119.4, 32.1],
          [119.6, 32.15],
          [119.45, 32.3],
          [119.4, 32.1],
        ]),
      ),
    ).toEqual([119.4, 32.1, 119.6, 32.3]);
  });
});

describe('overlapAreaKm2 and areaOutsideKm2', () => {
  const zone = rect(119.5, 32.1, 119.6, 32.2);

  it('measures the shared part of two overlapping parks', () => {
    expect(overlapAreaKm2(zone, rect(119.58, 32.15, 119.7, 32.25))).toBeCloseTo(
      boxKm2(119.58, 32.15, 119.6, 32.2),
      6,
    );
  });
  it('is zero for parks that only share an edge', () => {
    expect(overlapAreaKm2(zone, rect(119.6, 32.1, 119.7, 32.2))).toBeLessThan(1e-9);
  });
  it('is zero for disjoint parks', () => {
    expect(overlapAreaKm2(zone, rect(119.7, 32.1, 119.8, 32.2))).toBe(0);
  });
  it('finds nothing outside for a park inside its zone, even touching its edge', () => {
    expect(areaOutsideKm2(rect(119.55, 32.1, 119.6, 32.15), zone)).toBeLessThan(1e-9);
  });
  it('measures the part of a park outside its zone', () => {
    expect(areaOutsideKm2(rect(119.55, 32.15, 119.65, 32.18), zone)).toBeCloseTo(
      boxKm2(119.6, 32.15, 119.65, 32.18),
      6,
    );
  });
});

describe('pointInGeometry', () => {
  const withLake = polygon(
    rectRing(119.4, 32.1, 119.5, 32.2),
    [...rectRing(119.42, 32.12, 119.44, 32.14)].reverse(),
  );
  it('finds a point inside', () => {
    expect(pointInGeometry([119.45, 32.18], withLake)).toBe(true);
  });
  it('does not find a point in a hole', () => {
    expect(pointInGeometry([119.43, 32.13], withLake)).toBe(false);
  });
  it('counts a point on the boundary as inside', () => {
    expect(pointInGeometry([119.4, 32.15], withLake)).toBe(true);
  });
  it('does not find a point outside', () => {
    expect(pointInGeometry([119.55, 32.15], withLake)).toBe(false);
  });
});

describe('overlappingBoxPairs', () => {
  it('pairs boxes that share area, in index order, and not boxes that only touch', () => {
    const boxes: BBox[] = [
      [0, 0, 2, 2],
      [5, 5, 6, 6],
      [1, 1, 3, 3],
      [2.5, 0, 4, 1.5],
      [1.5, -1, 1.6, 10],
      [2, -1, 3, 0],
    ];
    expect(overlappingBoxPairs(boxes)).toEqual([
      [0, 2],
      [0, 4],
      [2, 3],
      [2, 4],
    ]);
  });

  it('finds exactly the pairs a brute-force comparison finds', () => {
    const box = fc
      .tuple(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
      )
      .map(([x, y, w, h]): BBox => [x, y, x + w, y + h]);
    fc.assert(
      fc.property(fc.array(box, { maxLength: 40 }), (boxes) => {
        const expected: Array<[number, number]> = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) expected.push([i, j]);
          }
        }
        expect(overlappingBoxPairs(boxes)).toEqual(expected);
      }),
    );
  });
});

describe('interiorsMayOverlap', () => {
  const square = rect(119.5, 32.1, 119.6, 32.2);
  it('is false for neighbours sharing an edge, with extra vertices along it', () => {
    const neighbour = polygon([
      [119.6, 32.1],
      [119.7, 32.1],
      [119.7, 32.2],
      [119.6, 32.2],
      [119.6, 32.15],
      [119.6, 32.1],
    ]);
    expect(interiorsMayOverlap(square, neighbour)).toBe(false);
  });
  it('is true for identical shapes', () => {
    expect(interiorsMayOverlap(square, rect(119.5, 32.1, 119.6, 32.2))).toBe(true);
  });
  it('is true for a triangle whose corners all sit on the square boundary', () => {
    const triangle = polygon([
      [119.5, 32.1],
      [119.6, 32.1],
      [119.6, 32.2],
      [119.5, 32.1],
    ]);
    expect(interiorsMayOverlap(square, triangle)).toBe(true);
  });
  it('never rules out a pair that clipping finds overlapping (grid-snapped shapes, many degenerate contacts)', () => {
    const corner = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    const shape = fc
      .oneof(
        fc
          .tuple(corner, corner)
          .filter(([[a, b], [c, d]]) => a !== c && b !== d)
          .map(([[a, b], [c, d]]) =>
            rect(Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)),
          ),
        fc
          .tuple(corner, corner, corner)
          // Collinear corners make no triangle. Geodesic area cannot tell: a straight line in
          // longitude and latitude is not a great circle, so a flat triangle 3 km long still
          // measures tens of square metres, which clipping then reports as an overlap.
          .filter(
            ([[px, py], [qx, qy], [rx, ry]]) => (qx - px) * (ry - py) !== (qy - py) * (rx - px),
          )
          .map(([p, q, r]) => polygon([p, q, r, p])),
      )
      .map((g): Polygon => ({
        type: 'Polygon',
        coordinates: g.coordinates.map((ring) =>
          ring.map(([x = 0, y = 0]) => [119.5 + x * 0.01, 32.1 + y * 0.01]),
        ),
      }))
      .filter((g) => checkGeometry(g).usable);
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        if (overlapAreaKm2(a, b) > 1e-6) expect(interiorsMayOverlap(a, b)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findOverlaps', () => {
  const items = [
    { id: 'zone', geometry: rect(119.5, 32.1, 119.7, 32.2) },
    { id: 'inside', geometry: rect(119.55, 32.12, 119.6, 32.15) },
    { id: 'neighbour', geometry: rect(119.7, 32.1, 119.8, 32.2) },
    { id: 'intruder', geometry: rect(119.75, 32.15, 119.85, 32.25) },
  ];

  it('reports overlapping pairs with their shared area and skips exempt pairs', () => {
    const result = findOverlaps(items, {
      toleranceKm2: 0.01,
      exempt: (a, b) => (a === 'zone' && b === 'inside') || (a === 'inside' && b === 'zone'),
    });
    expect(result.failures).toEqual([]);
    expect(result.overlaps.map(({ a, b }) => [a, b])).toEqual([['neighbour', 'intruder']]);
    expect(result.overlaps[0]?.areaKm2).toBeCloseTo(boxKm2(119.75, 32.15, 119.8, 32.2), 6);
  });

  it('reports a park inside another when the pair is not exempt', () => {
    const pairs = findOverlaps(items, { toleranceKm2: 0.01 }).overlaps.map(
      ({ a, b }) => `${a}/${b}`,
    );
    expect(pairs).toEqual(['zone/inside', 'neighbour/intruder']);
  });

  it('ignores overlaps within the tolerance', () => {
    const sliver = [
      // About 0.94 m by 5.6 km: 0.005 km².
      { id: 'a', geometry: rect(119.5, 32.1, 119.6, 32.15) },
      { id: 'b', geometry: rect(119.59999, 32.1, 119.7, 32.15) },
    ];
    expect(findOverlaps(sliver, { toleranceKm2: 0.01 }).overlaps).toEqual([]);
    expect(findOverlaps(sliver, { toleranceKm2: 0.0001 }).overlaps.map((o) => o.a)).toEqual(['a']);
  });

  it('finds exactly the planted overlaps among 20,000 parks that share edges', () => {
    const side = 100;
    const d = 0.002;
    const grid = Array.from({ length: side * side * 2 }, (_, k) => {
      const i = k % side;
      const j = Math.floor(k / side);
      const x = 118.9 + i * d;
      const y = 31.6 + j * d;
      // Irregular cells that share every edge vertex-for-vertex with their neighbours.
      const ring = [
        [x, y],
        [x + d / 2, y + (i % 3) * 1e-5],
        [x + d, y],
        [x + d, y + d],
        [x + d / 2, y + d + (i % 3) * 1e-5],
        [x, y + d],
        [x, y],
      ];
      return { id: `p${k}`, geometry: polygon(ring) };
    });
    const planted = [0, 5_000, 12_345].map((k, n) => {
      const cell = grid[k]!.geometry.coordinates[0]![0]!;
      return {
        id: `dup${n}`,
        geometry: rect(cell[0]! + d / 4, cell[1]! + d / 4, cell[0]! + d / 2, cell[1]! + d / 2),
      };
    });
    // Clipping every neighbouring pair would take about 20 s; the prefilters settle them in well under 1 s.
    const { overlaps } = findOverlaps([...grid, ...planted], { toleranceKm2: 0.001 });
    expect(overlaps.map(({ a, b }) => `${a}/${b}`)).toEqual([
      'p0/dup0',
      'p5000/dup1',
      'p12345/dup2',
    ]);
  }, 60_000);
});

describe('polygonInteriorPoint and labelPoint', () => {
  /** A U shape whose centre of mass falls in the gap between its arms. */
  const u = polygon([
    [119.4, 32.1],
    [119.5, 32.1],
    [119.5, 32.2],
    [119.48, 32.2],
    [119.48, 32.12],
    [119.42, 32.12],
    [119.42, 32.2],
    [119.4, 32.2],
    [119.4, 32.1],
  ]);

  it('labels a rectangle at its centre', () => {
    const [lon, lat] = labelPoint(rect(119.4, 32.1, 119.5, 32.2));
    expect(lon).toBeCloseTo(119.45, 6);
    expect(lat).toBeCloseTo(32.15, 6);
  });

  it('labels a U-shaped park on one of its arms, not in the gap', () => {
    const [lon, lat] = labelPoint(u);
    const inLeftArm = lon > 119.4 && lon < 119.42;
    const inRightArm = lon > 119.48 && lon < 119.5;
    const inBase = lat > 32.1 && lat < 32.12;
    expect(inLeftArm || inRightArm || inBase).toBe(true);
    expect(lat > 32.1 && lat < 32.2).toBe(true);
  });

  it('finds a point outside a hole', () => {
    const ring = polygon(
      rectRing(119.4, 32.1, 119.5, 32.2),
      [...rectRing(119.41, 32.11, 119.49, 32.19)].reverse(),
    );
    const [lon = 0, lat = 0] = polygonInteriorPoint(ring.coordinates) ?? [];
    expect(lat).toBeCloseTo(32.15, 9);
    expect((lon > 119.4 && lon < 119.41) || (lon > 119.49 && lon < 119.5)).toBe(true);
  });

  it('has no interior point for a ring without positions enough', () => {
    expect(
      polygonInteriorPoint([
        [
          [119.4, 32.1],
          [119.5, 32.1],
          [119.4, 32.1],
        ],
      ]),
    ).toBeNull();
  });
});
