import type { ParkFeature } from './schema';
import type { RegistryPark } from './registry';

/**
 * Whether a park carries its geometry (every park but a tiled registry's). Its own module, not
 * schema.ts, so that the map and the tiles reader can use it without bringing in the schema's
 * valibot code.
 */
export function hasGeometry(park: RegistryPark): park is ParkFeature {
  return park.geometry !== null;
}
