import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArealGeometry } from '../../src/geometry/polygons';
import { isValidSimpleFeatures, simpleFeaturesProblems } from '../../src/geometry/simpleFeatures';
import type { ValidityCase } from '../fixtures/validity/derive';

/**
 * OGC validity against published answers: every polygon and multipolygon case of GEOS's
 * TestValid.xml / TestValid2.xml and Turf's boolean-valid fixtures (derived by
 * tests/fixtures/validity/derive.ts, with attribution there), then the park-sized cases the
 * issue names, each with the rule it must report.
 */

const load = (name: string): ValidityCase[] =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../fixtures/validity', name), 'utf8'),
  ) as ValidityCase[];

describe.each([
  ['GEOS', load('geos.json')],
  ['Turf', load('turf.json')],
])('%s validity fixtures', (_name, cases) => {
  it('has both answers among its cases', () => {
    expect(cases.some((c) => c.valid)).toBe(true);
    expect(cases.some((c) => !c.valid)).toBe(true);
  });
  it.each(cases.map((c, i) => [i, c.description, c] as const))('case %i: %s', (_i, _d, c) => {
    expect(isValidSimpleFeatures(c.geometry as ArealGeometry)).toBe(c.valid);
  });
});

const square = (x: number, y: number, size: number): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const hole = (x: number, y: number, size: number): number[][] => [...square(x, y, size)].reverse();
const rules = (geometry: ArealGeometry): string[] =>
  simpleFeaturesProblems(geometry).map((p) => p.rule);

describe('the shapes the issue names, each with its rule and a message naming the part', () => {
  it('MultiPolygon parts that overlap', () => {
    const problems = simpleFeaturesProblems({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10)], [square(5, 5, 10)]],
    });
    expect(problems.map((p) => p.rule)).toContain('parts-overlap');
    expect(problems[0]?.message).toMatch(/^polygon 1 and polygon 2 cross at /);
  });

  it('a part inside another (but not in its hole) overlaps; inside its hole is fine', () => {
    expect(
      rules({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [square(2, 2, 2)]] }),
    ).toEqual(['parts-overlap']);
    expect(
      rules({
        type: 'MultiPolygon',
        coordinates: [[square(0, 0, 10), hole(1, 1, 6)], [square(2, 2, 2)]],
      }),
    ).toEqual([]);
  });

  it('parts touching along an edge; touching at a corner is valid', () => {
    expect(
      rules({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [square(10, 2, 5)]] }),
    ).toEqual(['parts-share-edge']);
    expect(
      rules({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [square(10, 10, 5)]] }),
    ).toEqual([]);
  });

  it('a duplicate part', () => {
    const problems = simpleFeaturesProblems({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10)], [square(20, 0, 5)], [square(0, 0, 10)]],
    });
    expect(problems).toEqual([
      { rule: 'duplicate-part', message: 'polygon 3 repeats polygon 1 exactly: remove the copy' },
    ]);
  });

  it('a hole touching its shell at two points splits the interior; at one point it does not', () => {
    // A diamond hole whose left and right corners touch the shell's sides.
    const diamond = [
      [0, 5],
      [5, 8],
      [10, 5],
      [5, 2],
      [0, 5],
    ];
    expect(rules({ type: 'Polygon', coordinates: [square(0, 0, 10), diamond] })).toEqual([
      'interior-disconnected',
    ]);
    const oneTouch = [
      [0, 5],
      [5, 8],
      [8, 5],
      [5, 2],
      [0, 5],
    ];
    expect(rules({ type: 'Polygon', coordinates: [square(0, 0, 10), oneTouch] })).toEqual([]);
  });

  it('two holes touching each other and the shell in a loop split the interior', () => {
    const left = [
      [0, 5],
      [5, 5],
      [3, 3],
      [0, 5],
    ];
    const right = [
      [5, 5],
      [10, 5],
      [7, 3],
      [5, 5],
    ];
    expect(rules({ type: 'Polygon', coordinates: [square(0, 0, 10), left, right] })).toContain(
      'interior-disconnected',
    );
  });

  it('a hole along its shell’s edge', () => {
    expect(rules({ type: 'Polygon', coordinates: [square(0, 0, 10), hole(0, 2, 3)] })).toContain(
      'interior-disconnected',
    );
  });

  it('nested holes, and a hole outside its shell', () => {
    expect(
      rules({ type: 'Polygon', coordinates: [square(0, 0, 10), hole(1, 1, 8), hole(3, 3, 2)] }),
    ).toEqual(['holes-nested']);
    const outside = simpleFeaturesProblems({
      type: 'Polygon',
      coordinates: [square(0, 0, 10), hole(20, 20, 2)],
    });
    expect(outside).toEqual([
      {
        rule: 'hole-outside-shell',
        message:
          'hole 1 lies outside the outer ring: a hole must lie inside it; make it a polygon of its own or delete it',
      },
    ]);
  });

  it('a ring touching itself (two lobes pinched at a point), and a spike', () => {
    const pinched = [
      [0, 0],
      [10, 0],
      [5, 5],
      [10, 10],
      [0, 10],
      [5, 5],
      [0, 0],
    ];
    expect(rules({ type: 'Polygon', coordinates: [pinched] })).toEqual(['ring-self-touch']);
    const spike = [
      [0, 0],
      [10, 0],
      [10, 5],
      [15, 5],
      [10, 5],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(rules({ type: 'Polygon', coordinates: [spike] })).toEqual(['ring-self-touch']);
  });

  it('a valid park with a hole and repeated positions has no problem', () => {
    const repeated = [[0, 0], [0, 0], ...square(0, 0, 10).slice(1)];
    expect(rules({ type: 'Polygon', coordinates: [repeated, hole(2, 2, 3)] })).toEqual([]);
  });
});
