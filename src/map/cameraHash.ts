import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatMapView, readMapView, withMapView, type MapView } from '../domain/mapView';

/**
 * How long after one address update the next may follow: browsers limit how often a page may
 * rewrite its address (Safari allows 100 times per 30 s), and a move ends often while zooming.
 */
const CAMERA_WRITE_INTERVAL_MS = 300;

/**
 * Keeps the camera in the address's `map=` and the address's `map=` in the camera, in place of
 * MapLibre's `hash` option. That option writes a throttled move into whatever history entry is
 * current when its timer fires: going Back within that moment stamped the view being left onto
 * the entry being returned to, and the map then stayed where it was. Here a Back or Forward
 * cancels the pending write before the entry's own view is restored. The current view is written
 * at once, so the first entry has one too. Returns the unbinding.
 */
export function bindCameraToAddress(map: MapLibreMap): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = -Infinity;

  const write = (): void => {
    timer = undefined;
    lastWrite = performance.now();
    const next = withMapView(window.location.hash, formatMapView(viewOf(map)));
    if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
  };
  const onMoveEnd = (): void => {
    if (timer !== undefined) return;
    const wait = lastWrite + CAMERA_WRITE_INTERVAL_MS - performance.now();
    if (wait <= 0) return write();
    timer = setTimeout(write, wait);
  };
  const onAddressChange = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const view = readMapView(window.location.hash);
    if (view && formatMapView(view) !== formatMapView(viewOf(map))) map.jumpTo(cameraOf(view));
  };

  // Every entry carries its view, the first one too, so going back to it restores that view.
  write();
  map.on('moveend', onMoveEnd);
  window.addEventListener('popstate', onAddressChange);
  window.addEventListener('hashchange', onAddressChange);
  return () => {
    clearTimeout(timer);
    map.off('moveend', onMoveEnd);
    window.removeEventListener('popstate', onAddressChange);
    window.removeEventListener('hashchange', onAddressChange);
  };
}

/** The camera options for a view read from the address. */
export function cameraOf(view: MapView): {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
} {
  return {
    center: [view.lng, view.lat],
    zoom: view.zoom,
    bearing: view.bearing,
    pitch: view.pitch,
  };
}

function viewOf(map: MapLibreMap): MapView {
  const { lat, lng } = map.getCenter();
  return { zoom: map.getZoom(), lat, lng, bearing: map.getBearing(), pitch: map.getPitch() };
}
