import proj4 from 'proj4';
import type { Position } from 'geojson';
import type { CrsDef } from './crs';
import { offsetConverter } from './offset';

/**
 * Converts positions of a system to WGS-84 [lon, lat]: the offset systems with gcoord (offset.ts),
 * refined so the result reproduces the file's coordinates to < 1 mm, and everything with a proj4
 * definition through proj4.
 */

/** Converts one position of a system to WGS-84 [lon, lat]. */
export type Converter = (position: Position) => [number, number];

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
