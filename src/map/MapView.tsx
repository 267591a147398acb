import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  prewarm,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import { bbox } from '@turf/turf';
import {
  createEffect,
  createSignal,
  on,
  onCleanup,
  onMount,
  type Accessor,
  type JSX,
} from 'solid-js';
import type { Chain, ParkFeature, Project } from '../data/schema';
import type { FilterState } from '../domain/filter';
import type { Lang } from '../domain/i18n';
import { BASEMAP_EXTENT, ZHENJIANG_VIEW } from './basemap';
import type { MapController, MapFailure, OnlineBasemap } from './controller';
import { addOnlineBasemap } from './onlineBasemap';
import { toMapLabels, toMapParks, toMapProjects } from './features';
import { BASEMAP_LAYER, INTERACTIVE_PARK_LAYERS, LAYER, SOURCE } from './ids';
import { showPreview } from './preview';
import { LABELS_FILTERED_UP_TO, buildStyle, nameExpression, parkFilterExpression } from './style';

setWorkerUrl(workerUrl);

/**
 * Starts MapLibre's workers before the map exists: the app calls it while the registry is still
 * loading and being validated, so the workers' start-up (their script is half a megabyte) overlaps
 * that wait instead of following it.
 */
export function prewarmMap(): void {
  prewarm();
}

/** What the map shows and whom it tells about clicks. */
export interface MapViewProps {
  readonly parks: readonly ParkFeature[];
  readonly projects: readonly Project[];
  readonly chains: readonly Chain[];
  /** Area of each park, so that a click inside a zone picks the smaller park it contains. */
  readonly parkAreas: ReadonlyMap<string, number>;
  readonly filter: Accessor<FilterState>;
  readonly visibleParkIds: Accessor<readonly string[]>;
  /**
   * When set, the map shows these parks instead of the filter's (the chain view's selected
   * segment: its host parks); the others step back by the same `hidden` feature-state.
   */
  readonly focusParkIds?: Accessor<readonly string[] | null>;
  readonly selectedParkId: Accessor<string | null>;
  readonly selectedProjectId: Accessor<string | null>;
  readonly hoveredParkId: Accessor<string | null>;
  readonly lang: Accessor<Lang>;
  readonly reducedMotion: Accessor<boolean>;
  readonly geoBaseUrl: string;
  readonly label: string;
  readonly onParkClick: (id: string | null) => void;
  readonly onProjectClick: (id: string) => void;
  readonly onParkHover: (id: string | null) => void;
  readonly onReady: (controller: MapController) => void;
  readonly onFailure: (failure: MapFailure) => void;
  /** An online basemap to draw over the embedded one, when the deployment configured one. */
  readonly onlineBasemap: OnlineBasemap | null;
  /** Told why the online basemap was dropped in favour of the embedded one. */
  readonly onBasemapFallback: (reason: string) => void;
}

/**
 * The one owner of the MapLibre instance. State flows in through effects (filter, feature-state,
 * language) and out through the `on*` callbacks; Solid never renders inside the map's container.
 */
export default function MapView(props: MapViewProps): JSX.Element {
  let container!: HTMLDivElement;
  const [map, setMap] = createSignal<MapLibreMap>();
  const [ready, setReady] = createSignal(false);

  // eslint-disable-next-line solid/reactivity -- the parks are fixed for the map's lifetime
  const parkById = new Map(props.parks.map((park) => [park.properties.id, park]));
  const boundsOf = (ids: readonly string[]): LngLatBoundsLike | null => {
    const features = ids.flatMap((id) => parkById.get(id) ?? []);
    if (features.length === 0) return null;
    const [west, south, east, north] = bbox({
      type: 'FeatureCollection',
      features: features as never,
    });
    return [west, south, east, north];
  };

  /**
   * Runs `work` once the browser has painted the current frame. A selection changes the panel and
   * the map at once; the map's next frame can take far longer to draw than the panel (hundreds of
   * milliseconds at 10,000 parks with software WebGL), and the panel should not wait for it.
   */
  let disposed = false;
  onCleanup(() => (disposed = true));
  const afterPaint = (work: () => void): void => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!disposed) work();
      }, 0),
    );
  };

  // eslint-disable-next-line solid/reactivity -- the parks are fixed for the map's lifetime
  const labelsFiltered = props.parks.length <= LABELS_FILTERED_UP_TO;

  onMount(() => {
    let instance: MapLibreMap;
    try {
      instance = new MapLibreMap({
        container,
        style: buildStyle({
          geoBaseUrl: props.geoBaseUrl,
          chains: props.chains,
          lang: props.lang(),
          visible: labelsFiltered ? parkFilterExpression(props.filter()) : true,
        }),
        bounds: ZHENJIANG_VIEW,
        fitBoundsOptions: { padding: 20 },
        // The view never leaves the embedded basemap: a tall phone or a zoomed-out link would
        // otherwise show bands of bare background where the data ends.
        maxBounds: BASEMAP_EXTENT,
        hash: 'map',
        attributionControl: false,
        maxZoom: 17,
        minZoom: 6,
        // Keeps the last frame readable for "export as image".
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
    } catch (error) {
      props.onFailure({
        reason: 'no-webgl',
        detail: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    let stopWatchingBasemap: (() => void) | undefined;
    onCleanup(() => {
      stopWatchingBasemap?.();
      instance.remove();
    });
    instance.getCanvas().setAttribute('aria-label', props.label);
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    instance.addControl(
      new AttributionControl({
        compact: true,
        customAttribution: '© AMap (districts) · GSHHG · Natural Earth · GeoNames',
      }),
      'bottom-right',
    );
    instance.on('error', (event) => {
      // A failed basemap file is logged but does not stop the parks from drawing.
      console.error('map error:', event.error?.message ?? event);
    });
    instance
      .getCanvas()
      .addEventListener('webglcontextlost', () =>
        props.onFailure({ reason: 'error', detail: 'WebGL context lost' }),
      );
    // eslint-disable-next-line solid/reactivity -- a map event handler; the data is set once
    instance.once('load', () => {
      const parks = toMapParks(props.parks);
      instance.getSource<GeoJSONSource>(SOURCE.parks)?.setData(parks);
      instance.getSource<GeoJSONSource>(SOURCE.parkLabels)?.setData(toMapLabels(parks));
      instance.getSource<GeoJSONSource>(SOURCE.projects)?.setData(toMapProjects(props.projects));
      if (props.onlineBasemap) {
        stopWatchingBasemap = addOnlineBasemap(
          instance,
          props.onlineBasemap,
          props.onBasemapFallback,
        );
      }
      setMap(instance);
      instance.once('idle', () => setReady(true));
    });
  });

  // Filter: the same visible parks as the list. Parks and their projects are hidden by
  // feature-state, touching only those whose visibility changed; labels see LABELS_FILTERED_UP_TO.
  const locatedProjectsByPark = new Map<string, string[]>();
  // eslint-disable-next-line solid/reactivity -- the projects are fixed for the map's lifetime
  for (const project of props.projects) {
    if (!project.location || project.park === null) continue;
    const ids = locatedProjectsByPark.get(project.park) ?? [];
    ids.push(project.id);
    locatedProjectsByPark.set(project.park, ids);
  }
  const hiddenOnMap = new Set<string>();
  createEffect(
    on(
      [map, () => props.filter(), () => props.visibleParkIds(), () => props.focusParkIds?.()],
      ([instance, filter, visibleIds, focusIds]) => {
        if (!instance) return;
        const visible = new Set(focusIds ?? visibleIds);
        for (const park of props.parks) {
          const id = park.properties.id;
          const hidden = !visible.has(id);
          if (hidden === hiddenOnMap.has(id)) continue;
          if (hidden) hiddenOnMap.add(id);
          else hiddenOnMap.delete(id);
          instance.setFeatureState({ source: SOURCE.parks, id }, { hidden });
          if (!labelsFiltered)
            instance.setFeatureState({ source: SOURCE.parkLabels, id }, { hidden });
          for (const project of locatedProjectsByPark.get(id) ?? [])
            instance.setFeatureState({ source: SOURCE.projects, id: project }, { hidden });
        }
        if (labelsFiltered)
          instance.setFilter(
            LAYER.parksLabel,
            focusIds
              ? ['in', ['get', 'id'], ['literal', [...focusIds]]]
              : parkFilterExpression(filter),
          );
      },
    ),
  );

  createEffect(
    on([map, () => props.lang()], ([instance, lang]) => {
      if (!instance) return;
      instance.setLayoutProperty(LAYER.parksLabel, 'text-field', nameExpression(lang));
      instance.setLayoutProperty(BASEMAP_LAYER.labels, 'text-field', nameExpression(lang));
      instance.getCanvas().setAttribute('aria-label', props.label);
    }),
  );

  /**
   * Keeps one boolean feature-state key in step with a signal, touching only what changed; a
   * selection after the panel has painted, a hover at once.
   */
  const createFeatureStateBinding = (
    source: string,
    key: 'hover' | 'selected',
    id: Accessor<string | null>,
  ): void => {
    createEffect(
      on([map, id], ([instance, next], previous) => {
        if (!instance) return;
        const before = previous?.[0] === instance ? previous[1] : null;
        const apply = (): void => {
          if (before && before !== next)
            instance.setFeatureState({ source, id: before }, { [key]: false });
          if (next) instance.setFeatureState({ source, id: next }, { [key]: true });
        };
        if (key === 'selected') afterPaint(apply);
        else apply();
      }),
    );
  };
  createFeatureStateBinding(SOURCE.parks, 'selected', () => props.selectedParkId());
  createFeatureStateBinding(SOURCE.parks, 'hover', () => props.hoveredParkId());
  createFeatureStateBinding(SOURCE.projects, 'selected', () => props.selectedProjectId());

  createEffect(
    on(map, (instance) => {
      if (!instance) return;
      // Hidden features are still under the cursor, drawn transparent: skip them.
      const shown = (features: readonly MapGeoJSONFeature[]): MapGeoJSONFeature[] =>
        features.filter((feature) => feature.state['hidden'] !== true);
      const smallestOf = (features: readonly MapGeoJSONFeature[]): string | null => {
        const ids = shown(features)
          .map((feature) => feature.properties?.id as string | undefined)
          .filter((id): id is string => typeof id === 'string');
        ids.sort(
          // eslint-disable-next-line solid/reactivity -- parkAreas is fixed for the map's lifetime
          (a, b) => (props.parkAreas.get(a) ?? Infinity) - (props.parkAreas.get(b) ?? Infinity),
        );
        return ids[0] ?? null;
      };
      const smallestParkAt = (event: MapLayerMouseEvent): string | null =>
        smallestOf(event.features ?? []);
      let projectHit = false;
      const onProjectClick = (event: MapLayerMouseEvent): void => {
        const id = shown(event.features ?? [])[0]?.properties.id as string | undefined;
        if (id) {
          projectHit = true;
          props.onProjectClick(id);
        }
      };
      const onParkClick = (event: MapLayerMouseEvent): void => {
        if (projectHit) return;
        props.onParkClick(smallestParkAt(event));
      };
      const onMapClick = (): void => {
        projectHit = false;
      };
      const onMove = (event: MapLayerMouseEvent): void => {
        const id = smallestParkAt(event);
        instance.getCanvas().style.cursor = id ? 'pointer' : '';
        if (id !== props.hoveredParkId()) props.onParkHover(id);
      };
      const onLeave = (): void => {
        instance.getCanvas().style.cursor = '';
        props.onParkHover(null);
      };
      const layers = [...INTERACTIVE_PARK_LAYERS];
      instance.on('click', LAYER.projects, onProjectClick);
      instance.on('click', layers, onParkClick);
      instance.on('click', onMapClick);
      instance.on('mousemove', layers, onMove);
      instance.on('mouseleave', layers, onLeave);
      onCleanup(() => {
        instance.off('click', LAYER.projects, onProjectClick);
        instance.off('click', layers, onParkClick);
        instance.off('click', onMapClick);
        instance.off('mousemove', layers, onMove);
        instance.off('mouseleave', layers, onLeave);
      });

      const fit = (bounds: LngLatBoundsLike | null): void => {
        const options = {
          padding: Math.min(60, Math.round(instance.getCanvas().clientWidth / 8)),
          maxZoom: 14,
          animate: !props.reducedMotion(),
        };
        afterPaint(() => instance.fitBounds(bounds ?? ZHENJIANG_VIEW, options));
      };
      props.onReady({
        fitToPark: (id) => fit(boundsOf([id])),
        showProject: (id) => {
          const project = props.projects.find((candidate) => candidate.id === id);
          const center = project?.location;
          if (!center) return;
          const animate = !props.reducedMotion();
          afterPaint(() =>
            instance.easeTo({ center, zoom: Math.max(instance.getZoom(), 13), animate }),
          );
        },
        parkAt: (x, y) =>
          smallestOf(instance.queryRenderedFeatures([x, y], { layers: [LAYER.parksFill] })),
        toScreen: ([lng, lat]) => {
          const { x, y } = instance.project([lng, lat]);
          return { x, y };
        },
        setBottomInset: (pixels) => {
          const bottom = Math.max(0, Math.round(pixels));
          if (instance.getPadding().bottom !== bottom)
            instance.setPadding({ top: 0, right: 0, bottom, left: 0 });
        },
        renderedParkIds: () => {
          const hits = shown(instance.queryRenderedFeatures({ layers: [LAYER.parksFill] }));
          return [...new Set(hits.map((hit) => String(hit.properties.id)))].sort();
        },
        snapshot: () =>
          new Promise((resolve) => {
            instance.once('render', () => resolve(instance.getCanvas()));
            instance.triggerRepaint();
          }),
        camera: () => {
          const center = instance.getCenter();
          return {
            zoom: instance.getZoom(),
            lng: center.lng,
            lat: center.lat,
            moving: instance.isMoving(),
          };
        },
        showPreview: (collection) => {
          showPreview(instance, collection, !props.reducedMotion());
        },
      });
    }),
  );

  return <div ref={container} class="map" data-map-ready={ready() ? 'true' : 'false'} />;
}
