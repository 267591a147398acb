import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * What a park's geometry is, and its polygons as rings. A file of its own so that the first
 * load, which measures parks, does not carry the rest of the ring toolkit (rings.ts).
 */

/** A park's geometry: what parks.geojson allows. */
export type ArealGeometry = Polygon | MultiPolygon;

/** The polygons of a geometry, each as rings of positions. */
export function polygonsOf(geometry: ArealGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
