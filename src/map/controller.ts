import type { FeatureCollection } from 'geojson';

/** What the rest of the app may ask of the map, without knowing it is MapLibre. */
export interface MapController {
  /** Fits the view to a park (animated unless the user prefers reduced motion). */
  fitToPark(id: string): void;
  /** Centres the view on a located project. */
  showProject(id: string): void;
  /** Ids of the parks currently drawn on the canvas, deduplicated across tiles. */
  renderedParkIds(): string[];
  /** The park drawn at a point of the map canvas (CSS pixels), the smallest when they nest. */
  parkAt(x: number, y: number): string | null;
  /** Where a place is drawn on the map canvas now, in CSS pixels. */
  toScreen(lngLat: readonly [number, number]): { x: number; y: number };
  /**
   * How much of the map's bottom edge something covers (a bottom sheet), in CSS pixels: fits and
   * centring keep what they show above it. 0 when nothing covers the map.
   */
  setBottomInset(pixels: number): void;
  /** The map as it is drawn now, as a canvas-sized image. */
  snapshot(): Promise<HTMLCanvasElement>;
  /** Where the camera is now and whether it is moving (tests check that reduced motion jumps). */
  camera(): MapCamera;
  /**
   * Draws boundaries being imported as a dashed red outline over the parks and fits the view to
   * them; null clears it.
   */
  showPreview(collection: FeatureCollection | null): void;
}

/** The camera at one instant: zoom, centre and whether an animation or gesture is moving it. */
export interface MapCamera {
  readonly zoom: number;
  readonly lng: number;
  readonly lat: number;
  readonly moving: boolean;
}

/** Why the map could not be shown, for the message in its place. */
export type MapFailure = { reason: 'no-webgl' | 'error'; detail: string };

/**
 * An online raster basemap drawn under the parks. Its tiles must be in WGS-84/CGCS2000 web
 * mercator (e.g. 天地图): GCJ-02 tiles (AMap, Tencent) would sit hundreds of metres off the parks.
 */
export interface OnlineBasemap {
  readonly name: string;
  /** Tile URL templates with {z}/{x}/{y}. */
  readonly tiles: readonly string[];
  readonly tileSize: number;
  readonly attribution: string;
  /** How long to wait for the first tile before falling back to the embedded basemap. */
  readonly timeoutMs: number;
}
