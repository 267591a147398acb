import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/data/findings';
import type { ParkFeature } from '../../src/data/schema';
import { validateRegistry } from '../../src/data/validate';

/**
 * The validator refuses the invalid shapes of OGC Simple Features with a finding naming the
 * park: each case below replaces one park of the valid fixture with a shape GEOS calls invalid.
 */

const VALID = join(import.meta.dirname, '..', 'fixtures', 'registry', 'valid');
const read = (name: string): unknown => JSON.parse(readFileSync(join(VALID, name), 'utf8'));

/** The parks.geojson findings of the valid fixture with 高新区 (zj-hitech, a main zone, approximate) given `geometry`. */
function findingsWith(geometry: ParkFeature['geometry']): string[] {
  const parks = read('parks.geojson') as { features: ParkFeature[] };
  const hitech = parks.features.find((f) => f.properties.id === 'zj-hitech');
  if (!hitech) throw new Error('fixture changed');
  (hitech as { geometry: ParkFeature['geometry'] }).geometry = geometry;
  const { findings } = validateRegistry({
    chains: read('chains.json'),
    parks,
    projects: read('projects.json'),
    firms: read('firms.json'),
  });
  // Project locations in the replaced park are another rule's business.
  return findings.filter((f) => f.file === 'parks.geojson').map(formatFinding);
}

/** A counterclockwise square, west–south corner first. */
const square = (west: number, south: number, size: number): Position[] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];
const hole = (west: number, south: number, size: number): Position[] =>
  [...square(west, south, size)].reverse();

describe('OGC validity in the validator', () => {
  it('a valid replacement (a square with a hole) has no finding', () => {
    expect(
      findingsWith({
        type: 'Polygon',
        coordinates: [square(119.33, 32.19, 0.04), hole(119.34, 32.2, 0.01)],
      }),
    ).toEqual([]);
  });

  it('a MultiPolygon whose parts overlap', () => {
    expect(
      findingsWith({
        type: 'MultiPolygon',
        coordinates: [[square(119.33, 32.19, 0.04)], [square(119.35, 32.2, 0.04)]],
      }),
    ).toEqual([
      expect.stringMatching(
        /^parks\.geojson: zj-hitech: polygon 1 and polygon 2 cross at .* \[parts-overlap\]$/,
      ),
    ]);
  });

  it('a MultiPolygon whose parts share an edge', () => {
    const lines = findingsWith({
      type: 'MultiPolygon',
      coordinates: [[square(119.33, 32.19, 0.02)], [square(119.35, 32.19, 0.02)]],
    });
    expect(lines.join('\n')).toMatch(
      /zj-hitech: polygon 1 and polygon 2 share an edge .*\[parts-share-edge\]/,
    );
  });

  it('the same part twice (a layer read twice)', () => {
    expect(
      findingsWith({
        type: 'MultiPolygon',
        coordinates: [[square(119.33, 32.19, 0.04)], [square(119.33, 32.19, 0.04)]],
      }),
    ).toEqual([
      'parks.geojson: zj-hitech: polygon 2 repeats polygon 1 exactly: remove the copy [duplicate-part]',
    ]);
  });

  it('a hole touching its shell so that the interior splits', () => {
    const diamond: Position[] = [
      [119.33, 32.21],
      [119.35, 32.2],
      [119.37, 32.21],
      [119.35, 32.22],
      [119.33, 32.21],
    ];
    const lines = findingsWith({
      type: 'Polygon',
      coordinates: [square(119.33, 32.19, 0.04), diamond],
    });
    expect(lines.join('\n')).toMatch(/zj-hitech: .*cut in two.*\[interior-disconnected\]/);
  });

  it('nested holes, and a hole outside its shell', () => {
    const nested = findingsWith({
      type: 'Polygon',
      coordinates: [
        square(119.33, 32.19, 0.04),
        hole(119.335, 32.195, 0.03),
        hole(119.34, 32.2, 0.01),
      ],
    });
    expect(nested.join('\n')).toMatch(/zj-hitech: hole 2 lies inside hole 1.*\[holes-nested\]/);
    const outside = findingsWith({
      type: 'Polygon',
      coordinates: [square(119.33, 32.19, 0.04), hole(119.4, 32.19, 0.01)],
    });
    expect(outside.join('\n')).toMatch(
      /zj-hitech: hole 1 lies outside the outer ring.*\[hole-outside-shell\]/,
    );
  });

  it('a ring pinched into two lobes at one point (the ring check refuses it first)', () => {
    const pinched: Position[] = [
      [119.33, 32.19],
      [119.37, 32.19],
      [119.35, 32.21],
      [119.37, 32.23],
      [119.33, 32.23],
      [119.35, 32.21],
      [119.33, 32.19],
    ];
    const lines = findingsWith({ type: 'Polygon', coordinates: [pinched] });
    expect(lines).toEqual([
      expect.stringMatching(
        /^parks\.geojson: zj-hitech: outer ring crosses itself near .*\[self-intersection\]$/,
      ),
    ]);
  });
});
