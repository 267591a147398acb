import * as v from 'valibot';
import type { Position } from 'geojson';
import { ParkFeatureSchema, type ParkFeature } from '../schema';
import { isRecord } from './report';

/**
 * The fast path of the park schema: most parks are well formed, and parsing their coordinates
 * with valibot is most of a large registry's load.
 */

function isPosition(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  for (const n of value) if (typeof n !== 'number' || Number.isNaN(n)) return false;
  return true;
}

function isRings(value: unknown): boolean {
  return (
    Array.isArray(value) && value.every((ring) => Array.isArray(ring) && ring.every(isPosition))
  );
}

/**
 * A park geometry as ParkGeometrySchema outputs it (`type` and `coordinates`, nothing else), or
 * null when the schema must look at it. The schema copies every coordinate pair into a new array;
 * this checks the same rules and keeps the parsed arrays, which for 50,000 parks saves millions
 * of allocations and most of the garbage collection of the load.
 */
function quickGeometry(raw: unknown): ParkFeature['geometry'] | null {
  if (!isRecord(raw)) return null;
  const { type, coordinates } = raw;
  if (type === 'Polygon' && isRings(coordinates))
    return { type, coordinates: coordinates as Position[][] };
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.every(isRings))
    return { type, coordinates: coordinates as Position[][][] };
  return null;
}

/** ParkFeatureSchema with the geometry left to {@link quickGeometry}. */
const ParkWithoutGeometrySchema = v.object({ ...ParkFeatureSchema.entries, geometry: v.unknown() });

/** A park as ParkFeatureSchema outputs it, or null to let the schema parse and report it. */
export function quickPark(record: unknown): ParkFeature | null {
  if (!isRecord(record)) return null;
  const geometry = quickGeometry(record['geometry']);
  if (!geometry) return null;
  const rest = v.safeParse(ParkWithoutGeometrySchema, record);
  return rest.success ? { ...rest.output, geometry } : null;
}
