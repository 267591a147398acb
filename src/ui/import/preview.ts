import { createEffect, onCleanup, type Accessor } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import type { ConvertedSource } from '../../import';
import type { MapController } from '../../map/controller';

/**
 * Keeps the map's import preview on the converted features: a new system or file redraws it at
 * once, and closing the dialog clears it.
 */
export function createImportPreview(
  converted: Accessor<ConvertedSource | null | undefined>,
  controller: Accessor<MapController | undefined>,
): void {
  createEffect(() => {
    const current = converted();
    const collection: FeatureCollection | null = current
      ? {
          type: 'FeatureCollection',
          features: current.features.map((feature) => ({
            type: 'Feature',
            properties: { index: feature.index },
            geometry: feature.geometry,
          })),
        }
      : null;
    controller()?.showPreview(collection);
  });
  onCleanup(() => controller()?.showPreview(null));
}
