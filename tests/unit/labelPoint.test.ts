import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../src/geometry/labelPoint';

const polygon = (...rings: [number, number][][]): Polygon => ({
  type: 'Polygon',
  coordinates: rings,
});

describe('labelPoint', () => {
  it('puts a convex park at its centroid', () => {
    const [x, y] = labelPoint(
      polygon([
        [119.4, 32.1],
        [119.6, 32.1],
        [119.6, 32.2],
        [119.4, 32.2],
        [119.4, 32.1],
      ]),
    );
    expect(x).toBeCloseTo(119.5, 9);
    expect(y).toBeCloseTo(32.15, 9);
  });

  it('keeps the label inside a U-shaped park whose centroid lies in the gap', () => {
    // A U open to the north: the centroid falls in the notch, outside the park.
    const shape = polygon([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 0.5],
      [1, 0.5],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    const point = labelPoint(shape);
    expect(booleanPointInPolygon(point, shape)).toBe(true);
  });

  it('avoids a hole at the centroid', () => {
    const shape = polygon(
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    );
    const point = labelPoint(shape);
    expect(booleanPointInPolygon(point, shape)).toBe(true);
  });

  it('labels the largest part of a multi-part park', () => {
    const shape: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [0.1, 0],
            [0.1, 0.1],
            [0, 0.1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [7, 5],
            [7, 7],
            [5, 7],
            [5, 5],
          ],
        ],
      ],
    };
    const [x, y] = labelPoint(shape);
    expect(x).toBeCloseTo(6, 9);
    expect(y).toBeCloseTo(6, 9);
  });
});
