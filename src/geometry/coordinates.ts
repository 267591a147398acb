import type { Position } from 'geojson';
import type { GeometryProblem, GeometryRule } from './problems';
import { polygonsOf, type ArealGeometry } from './polygons';
import { ringLabel } from './rings';

/**
 * Coordinate plausibility: is a [lon, lat] position WGS-84 degrees, in Zhenjiang, or swapped?
 * Turf-free. The box here is the validator's generous one, not the map's first view
 * (`ZHENJIANG_VIEW` in src/map/basemap.ts).
 */

/** A longitude/latitude pair in WGS-84 degrees. */
export type LonLat = readonly [lon: number, lat: number];

/**
 * The plausibility box: a generous box around Zhenjiang (镇江) in WGS-84 that a park or project
 * must lie in; the city spans about 119.0–120.0°E, 31.6–32.3°N.
 */
export const ZHENJIANG_PLAUSIBLE = { west: 118.8, east: 120.3, south: 31.5, north: 32.6 } as const;

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

/** Whether a WGS-84 [lon, lat] lies in the plausibility box {@link ZHENJIANG_PLAUSIBLE}. */
export function inZhenjiang(lon: number, lat: number): boolean {
  const b = ZHENJIANG_PLAUSIBLE;
  return lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;
}

/** Formats a position for messages: the first two ordinates, rounded for reading. */
export function formatPosition(position: Position | LonLat): string {
  return `[${position
    .slice(0, 2)
    .map((n) => String(Math.round(n * 1e6) / 1e6))
    .join(', ')}]`;
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
    text: `coordinates are not in Zhenjiang (lon ${ZHENJIANG_PLAUSIBLE.west}–${ZHENJIANG_PLAUSIBLE.east}, lat ${ZHENJIANG_PLAUSIBLE.south}–${ZHENJIANG_PLAUSIBLE.north}): check where they came from`,
  },
};

/** One problem per kind of misplaced coordinate, naming the first offender and how many there are. */
export function coordinateProblems(geometry: ArealGeometry): GeometryProblem[] {
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
