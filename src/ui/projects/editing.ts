import type { LoadedData } from '../../data/persist';
import type { MapController } from '../../map/controller';

/**
 * What the project form needs from the explorer: the data in use (to change and store it), the
 * map (to pick a location; undefined without one) and where the changed data goes.
 */
export interface ProjectEditing {
  readonly data: LoadedData;
  readonly controller: MapController | undefined;
  onChange(data: LoadedData): void;
}
