import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { Position } from 'geojson';
import type { CrsDef } from './crs';

/**
 * Converts positions of a system to WGS-84 [lon, lat]: the offset systems with gcoord, refined by
 * iterating its forward transform (so the result reproduces the file's coordinates to < 1 mm),
 * and everything with a proj4 definition through proj4.
 */

/** Converts one position of a system to WGS-84 [lon, lat]. */
export type Converter = (position: Position) => [number, number];

/** Largest step, in degrees, at which the offset inverse counts as converged (~0.01 mm). */
const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_STEPS = 30;

/**
 * Inverts a forward transform close to the identity (WGS-84 → GCJ-02 / BD-09) by fixed-point
 * iteration from a first guess: each step moves by the forward image's miss. gcoord's own
 * GCJ-02 inverse stops at 1e-6° (~0.1 m) and its BD-09 → GCJ-02 step is a closed-form
 * approximation, so refining against the forward transform makes the round trip exact.
 */
export function invertNearIdentity(
  forward: (p: [number, number]) => [number, number],
  target: [number, number],
  start: [number, number],
): [number, number] {
  let [lon, lat] = start;
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const [fx, fy] = forward([lon, lat]);
    const dx = fx - target[0];
    const dy = fy - target[1];
    lon -= dx;
    lat -= dy;
    if (Math.abs(dx) < INVERSE_TOLERANCE_DEG && Math.abs(dy) < INVERSE_TOLERANCE_DEG) break;
  }
  return [lon, lat];
}

type GcoordCrs = Parameters<typeof gcoord.transform>[1];

function gcoordPair(from: GcoordCrs, to: GcoordCrs): (p: [number, number]) => [number, number] {
  return ([lon, lat]) => {
    const out = gcoord.transform([lon, lat], from, to);
    return [out[0] ?? Number.NaN, out[1] ?? Number.NaN];
  };
}

/** gcoord's one-shot inverse of an offset system, without refinement: for measuring it. */
export function gcoordInverse(crs: 'gcj02' | 'bd09'): (p: [number, number]) => [number, number] {
  return gcoordPair(crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
}

function offsetConverter(crs: 'gcj02' | 'bd09'): Converter {
  const forward = gcoordPair(gcoord.WGS84, crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09);
  const first = gcoordInverse(crs);
  return (position) => {
    const target: [number, number] = [position[0] ?? Number.NaN, position[1] ?? Number.NaN];
    return invertNearIdentity(forward, target, first(target));
  };
}

/**
 * Where proj4 should take a definition's coordinates: WGS-84 when the definition carries a datum
 * shift; otherwise longitude/latitude on its own ellipsoid, read as WGS-84 without a shift (PROJ's
 * "ballpark"), because proj4 would otherwise change ellipsoids through geocentric coordinates and
 * move latitudes as if that were a datum shift.
 */
function geographicTarget(definition: string): string {
  if (definition.includes('+towgs84')) return 'WGS84';
  const ellipsoid =
    /\+(?:ellps=\S+|a=\S+ \+rf=\S+|a=\S+ \+b=\S+)/.exec(definition)?.[0] ?? '+ellps=WGS84';
  return `+proj=longlat ${ellipsoid} +no_defs`;
}

/** The function that brings a system's positions to WGS-84 [lon, lat] (any third ordinate is dropped). */
export function converterFor(crs: CrsDef): Converter {
  if (crs.kind === 'offset') return offsetConverter(crs.id === 'bd09' ? 'bd09' : 'gcj02');
  if (!crs.proj4) return (position) => [position[0] ?? Number.NaN, position[1] ?? Number.NaN];
  const transform = proj4(crs.proj4, geographicTarget(crs.proj4));
  return (position) => {
    const out = transform.forward([position[0] ?? Number.NaN, position[1] ?? Number.NaN]);
    return [out[0] ?? Number.NaN, out[1] ?? Number.NaN];
  };
}
