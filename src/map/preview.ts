import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { PREVIEW } from './ids';

/**
 * The import preview: boundaries from a file, drawn over the parks as a dashed red outline with a
 * faint fill, so that a wrong coordinate system (a GCJ-02 trace ~500 m off, a datum shift) is
 * visible against the basemap before anything is applied. Added on first use, so a map that never
 * previews carries no extra layers.
 */

/** A red that reads on the pale basemap and against every chain colour; dashes tell it from parks. */
const PREVIEW_COLOR = '#d1001f';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function ensureLayers(map: MapLibreMap): GeoJSONSource | undefined {
  if (!map.getSource(PREVIEW.source)) {
    map.addSource(PREVIEW.source, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: PREVIEW.fill,
      type: 'fill',
      source: PREVIEW.source,
      paint: { 'fill-color': PREVIEW_COLOR, 'fill-opacity': 0.12 },
    });
    map.addLayer({
      id: PREVIEW.line,
      type: 'line',
      source: PREVIEW.source,
      paint: { 'line-color': PREVIEW_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    });
  }
  return map.getSource<GeoJSONSource>(PREVIEW.source);
}

/**
 * Shows `collection` as the preview and fits the view to it, or clears the preview when null.
 * Returns the number of features drawn.
 */
export function showPreview(
  map: MapLibreMap,
  collection: FeatureCollection | null,
  animate: boolean,
): number {
  const container = map.getContainer();
  if (!collection) {
    map.getSource<GeoJSONSource>(PREVIEW.source)?.setData(EMPTY);
    delete container.dataset['previewFeatures'];
    return 0;
  }
  ensureLayers(map)?.setData(collection);
  container.dataset['previewFeatures'] = String(collection.features.length);
  if (collection.features.length > 0) {
    const [west, south, east, north] = bbox(collection);
    map.fitBounds([west, south, east, north], { padding: 60, maxZoom: 15, animate });
  }
  // What is actually on the canvas once the map settles: for tests and for anyone inspecting.
  map.once('idle', () => {
    const drawn = map.queryRenderedFeatures({ layers: [PREVIEW.line] });
    const indices = new Set(drawn.map((feature) => String(feature.properties['index'])));
    container.dataset['previewRendered'] = String(indices.size);
  });
  return collection.features.length;
}
