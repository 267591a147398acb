import type { FeatureCollection } from 'geojson';
import type { RegistryPark } from '../data/registry';
import type { Accessor } from 'solid-js';
import type { FilterState } from '../domain/filter';
import type { Lang } from '../domain/i18n';
import type { RegistryView } from '../domain/registryView';

/**
 * What the map reads and whom it tells: the registry's view and the state it draws, plus the map's
 * gestures as actions. The app's state has every field but the last three under the same names, so
 * the app hands it over with those added; src/map needs nothing from src/state or src/app.
 */
export interface MapState {
  /** Parks, projects, chains, areas, bounds and located projects, fixed for the map's lifetime. */
  readonly index: RegistryView;
  readonly filter: Accessor<FilterState>;
  /** The parks that pass the filter, in list order: the same memo the list reads. */
  readonly visibleParks: Accessor<readonly RegistryPark[]>;
  /**
   * When set, the map shows these parks instead of the filter's (the chain view's selected
   * segment: its host parks); the others step back by the same `hidden` feature-state.
   */
  readonly focusParkIds?: Accessor<readonly string[] | null>;
  readonly selectedParkId: Accessor<string | null>;
  readonly selectedProjectId: Accessor<string | null>;
  readonly hoveredParkId: Accessor<string | null>;
  readonly lang: Accessor<Lang>;
  /** Whether camera moves jump instead of animating (the user prefers reduced motion). */
  readonly reducedMotion: Accessor<boolean>;
  /** The pointer is over a park (the smallest one there), or over none. */
  hoverPark(id: string | null): void;
  /** A park was clicked on the map: the smallest visible one under the pointer. */
  openPark(id: string): void;
  /** A located project was clicked on the map; a project point wins over the park beneath it. */
  openProject(id: string): void;
}

/** What the rest of the app may ask of the map, without knowing it is MapLibre. */
export interface MapController {
  /** Fits the view to a park (animated unless the user prefers reduced motion). */
  fitToPark(id: string): void;
  /** Centres the view on a located project. */
  showProject(id: string): void;
  /** Fits the view to the given parks, or to Zhenjiang when none of them is known. */
  fitToParks(ids: readonly string[]): void;
  /**
   * How much of the map's bottom edge something covers (a bottom sheet), in CSS pixels: fits and
   * centring keep what they show above it. 0 when nothing covers the map.
   */
  setBottomInset(pixels: number): void;
  /** The map as it is drawn now, as a canvas-sized image. */
  snapshot(): Promise<HTMLCanvasElement>;
  /**
   * Draws boundaries being imported as a dashed red outline over the parks and fits the view to
   * them; null clears it.
   */
  showPreview(collection: FeatureCollection | null): void;
  /**
   * One pick of a point on the map: a crosshair and a cue over the map until the user clicks,
   * presses Escape or the request's signal aborts. A click the request's `check` refuses keeps
   * the pick going, with the refusal in the cue. Resolves with [lon, lat], or null when
   * cancelled. A new pick cancels the one before.
   */
  pickPoint(request: PickRequest): Promise<[number, number] | null>;
}

/** What {@link MapController.pickPoint} shows and accepts. */
export interface PickRequest {
  /** The cue over the map, in the UI's language: what to click, and that Escape cancels. */
  readonly prompt: string;
  /** Refuses a clicked point with a message for the cue (the pick goes on), or accepts it (null). */
  readonly check?: (point: [number, number]) => string | null;
  /** Aborting cancels the pick (the form that asked for it closed). */
  readonly signal?: AbortSignal;
}

/**
 * What end-to-end tests and the benchmark read off the map (app/testHooks.ts puts it on
 * `window.__zpeMap`); the app itself never calls it.
 */
export interface MapProbe {
  /** Ids of the parks currently drawn on the canvas, deduplicated across tiles. */
  renderedParkIds(): string[];
  /** The park drawn at a point of the map canvas (CSS pixels), the smallest when they nest. */
  parkAt(x: number, y: number): string | null;
  /** Where the camera is now and whether it is moving (tests check that reduced motion jumps). */
  camera(): MapCamera;
  /** Where a place is drawn on the map canvas now, in CSS pixels. */
  toScreen(lng: number, lat: number): { x: number; y: number };
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
