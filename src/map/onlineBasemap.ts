import type { Map as MapLibreMap, MapSourceDataEvent, MapStyleDataEvent } from 'maplibre-gl';
import type { OnlineBasemap } from './controller';
import { BASEMAP_LAYER, ONLINE_BASEMAP } from './ids';

const SOURCE_ID = ONLINE_BASEMAP.source;
const LAYER_ID = ONLINE_BASEMAP.layer;
/** Tile failures in a row, before any tile loaded, that count as "the service is down". */
const FAILURES_BEFORE_FALLBACK = 3;

/**
 * Draws an online raster basemap under the parks, over the embedded one, and removes it again —
 * keeping the embedded basemap — when its tiles fail or the first one takes longer than
 * `timeoutMs`. `onFallback` gets the reason, for a notice. Returns a function that stops watching.
 */
export function addOnlineBasemap(
  map: MapLibreMap,
  basemap: OnlineBasemap,
  onFallback: (reason: string) => void,
): () => void {
  map.addSource(SOURCE_ID, {
    type: 'raster',
    tiles: [...basemap.tiles],
    tileSize: basemap.tileSize,
    attribution: basemap.attribution,
  });
  // Above the embedded land and water, below the district lines, labels and parks.
  map.addLayer({ id: LAYER_ID, type: 'raster', source: SOURCE_ID }, BASEMAP_LAYER.riversLine);

  let loadedTile = false;
  let failures = 0;
  let settled = false;
  const fallBack = (reason: string): void => {
    if (settled) return;
    settled = true;
    stop();
    if (map.getLayer(LAYER_ID)) map.removeLayer(LAYER_ID);
    if (map.getSource(SOURCE_ID)) map.removeSource(SOURCE_ID);
    onFallback(reason);
  };
  const onData = (event: MapSourceDataEvent | MapStyleDataEvent): void => {
    if ('sourceId' in event && event.sourceId === SOURCE_ID && 'tile' in event && event.tile) {
      loadedTile = true;
      settled = true;
      stop();
    }
  };
  const onError = (event: { sourceId?: string; error?: { message?: string } }): void => {
    if (event.sourceId !== SOURCE_ID || loadedTile) return;
    failures += 1;
    if (failures >= FAILURES_BEFORE_FALLBACK) {
      fallBack(`${basemap.name}: ${event.error?.message ?? 'tiles failed to load'}`);
    }
  };
  const timer = setTimeout(
    () => fallBack(`${basemap.name}: no tile within ${Math.round(basemap.timeoutMs / 1000)} s`),
    basemap.timeoutMs,
  );
  map.on('data', onData);
  map.on('error', onError);
  function stop(): void {
    clearTimeout(timer);
    map.off('data', onData);
    map.off('error', onError);
  }
  return stop;
}
