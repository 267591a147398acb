import gcoord from 'gcoord';

/**
 * The offset systems of Chinese map platforms — GCJ-02 (AMap 高德, Tencent) and BD-09 (Baidu) —
 * undone with gcoord and refined by iterating its forward transform. Apart from transform.ts so
 * that the project importer, which needs only these, does not load proj4 with them.
 */

/** The offset system of a Chinese map platform. */
export type OffsetSystem = 'gcj02' | 'bd09';

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
export function gcoordInverse(crs: OffsetSystem): (p: [number, number]) => [number, number] {
  return gcoordPair(crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
}

/** The function that brings positions of an offset system to WGS-84 [lon, lat]. */
export function offsetConverter(
  crs: OffsetSystem,
): (position: readonly number[]) => [number, number] {
  const forward = gcoordPair(gcoord.WGS84, crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09);
  const first = gcoordInverse(crs);
  return (position) => {
    const target: [number, number] = [position[0] ?? Number.NaN, position[1] ?? Number.NaN];
    return invertNearIdentity(forward, target, first(target));
  };
}
