import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  prewarm,
  setWorkerUrl,
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
  type MapMouseEvent,
} from 'maplibre-gl';
import {
  createEffect,
  createSignal,
  on,
  onCleanup,
  onMount,
  type Accessor,
  type JSX,
} from 'solid-js';
import { hasGeometry } from '../data/registryPark';
import { readMapView } from '../domain/mapView';
import { bindCameraToAddress, cameraOf } from './cameraHash';
import { BASEMAP_EXTENT, ZHENJIANG_VIEW } from './basemap';
import type { MapController, MapFailure, MapProbe, MapState, OnlineBasemap } from './controller';
import { addOnlineBasemap } from './onlineBasemap';
import { toMapLabels, toMapParks, toMapProjects } from './features';
import { BASEMAP_LAYER, CLICKABLE_LAYERS, INTERACTIVE_PARK_LAYERS, LAYER, SOURCE } from './ids';
import { createParkVisibility, inListOrder, inSet } from './parkVisibility';
import { createPointPicker } from './pick';
import { showPreview } from './preview';
import { labelsFilteredFor } from '../domain/parkLabels';
import { buildStyle, nameExpression, parkFilterExpression } from './style';
import {
  featureAddress,
  hasOwnFeatureState,
  registerPmtilesProtocol,
  tiledFilter,
  tiledStyle,
} from './tiledSource';

setWorkerUrl(workerUrl);

/**
 * Starts MapLibre's workers before the map exists: the app calls it while the registry is still
 * loading and being validated, so the workers' start-up (their script is half a megabyte) overlaps
 * that wait instead of following it.
 */
export function prewarmMap(): void {
  prewarm();
}

/** What the map shows ({@link MapState}) and the few things only the map needs. */
export interface MapViewProps {
  readonly state: MapState;
  /** Base URL of the geo/ files (basemap), absolute. */
  readonly geoBaseUrl: string;
  /** The canvas's accessible name. */
  readonly label: string;
  /** Once the map has loaded: its commands, and the probe for tests. */
  readonly onReady: (controller: MapController, probe: MapProbe) => void;
  readonly onFailure: (failure: MapFailure) => void;
  /** An online basemap to draw over the embedded one, when the deployment configured one. */
  readonly onlineBasemap: OnlineBasemap | null;
  /** Told why the online basemap was dropped in favour of the embedded one. */
  readonly onBasemapFallback: (reason: string) => void;
}

/**
 * The one owner of the MapLibre instance. State flows in through effects (filter, feature-state,
 * language) and out through the state's actions; Solid never renders inside the map's container.
 */
export default function MapView(props: MapViewProps): JSX.Element {
  let container!: HTMLDivElement;
  const [map, setMap] = createSignal<MapLibreMap>();
  const [ready, setReady] = createSignal(false);
  // The state object is fixed for the map's lifetime; its fields are the signals.
  // eslint-disable-next-line solid/reactivity
  const state = props.state;
  const index = state.index;
  // Registry order, as the file has them: the order features are drawn in.
  const parks = index.registry.parks;
  // A tiled registry draws from its archive (tiledSource.ts); feature-states address its layers.
  const tiles = index.tiles;
  const at = featureAddress(tiles !== null);

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

  const labelsFiltered = labelsFilteredFor(parks.length);
  // Labels hidden by a state of their own, or (on the archive) by their park's.
  const labelsHideByOwnState =
    !labelsFiltered && hasOwnFeatureState(tiles !== null, SOURCE.parkLabels);

  // The parks the map hides now (the filter's, or the chain view's focus).
  const visibility = createParkVisibility(index.parks, at, labelsHideByOwnState);

  /**
   * Draws the selected project's ring from its own one-point source, unless the project has no
   * location or its park is hidden (its point is then hidden too); sets the source only on change.
   */
  let selectedShown: string | null = null;
  const showSelectedProject = (instance: MapLibreMap): void => {
    const id = state.selectedProjectId();
    const project = id === null ? undefined : index.projectById.get(id);
    const shown =
      project?.location !== undefined && project.park !== null && !visibility.isHidden(project.park)
        ? project
        : null;
    if ((shown?.id ?? null) === selectedShown) return;
    selectedShown = shown?.id ?? null;
    instance
      .getSource<GeoJSONSource>(SOURCE.selectedProject)
      ?.setData(toMapProjects(shown ? [shown] : []));
  };

  onMount(() => {
    let instance: MapLibreMap;
    const linkView = readMapView(window.location.hash);
    const style = buildStyle({
      geoBaseUrl: props.geoBaseUrl,
      chains: index.chains,
      lang: state.lang(),
      visible: labelsFiltered ? parkFilterExpression(state.filter()) : true,
      parkCount: parks.length,
    });
    if (tiles) registerPmtilesProtocol();
    try {
      instance = new MapLibreMap({
        container,
        style: tiles ? tiledStyle(style, tiles) : style,
        // A link's own view wins over the first view.
        ...(linkView
          ? cameraOf(linkView)
          : { bounds: ZHENJIANG_VIEW, fitBoundsOptions: { padding: 20 } }),
        // The view never leaves the embedded basemap: a tall phone or a zoomed-out link would
        // otherwise show bands of bare background where the data ends.
        maxBounds: BASEMAP_EXTENT,
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
    const unbindCamera = bindCameraToAddress(instance);
    onCleanup(() => {
      stopWatchingBasemap?.();
      unbindCamera();
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
      if (!tiles) {
        const mapParks = toMapParks(parks.filter(hasGeometry));
        instance.getSource<GeoJSONSource>(SOURCE.parks)?.setData(mapParks);
        instance.getSource<GeoJSONSource>(SOURCE.parkLabels)?.setData(toMapLabels(mapParks));
        instance
          .getSource<GeoJSONSource>(SOURCE.projects)
          ?.setData(toMapProjects(index.registry.projects));
      }
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

  // Filter: the same visible parks as the list, hidden by feature-state (parkVisibility.ts);
  // labels see LABELS_FILTERED_UP_TO.
  createEffect(
    on(
      [map, state.filter, state.visibleParks, () => state.focusParkIds?.()],
      ([instance, filter, visibleParks, focusIds]) => {
        if (!instance) return;
        visibility.apply(instance, focusIds ? inSet(new Set(focusIds)) : inListOrder(visibleParks));
        if (labelsFiltered) {
          const shown: FilterSpecification = focusIds
            ? ['in', ['get', 'id'], ['literal', [...focusIds]]]
            : parkFilterExpression(filter);
          instance.setFilter(
            LAYER.parksLabel,
            tiles ? tiledFilter(SOURCE.parkLabels, shown) : shown,
          );
        }
        showSelectedProject(instance);
      },
    ),
  );

  createEffect(
    on([map, state.lang], ([instance, lang]) => {
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
            instance.setFeatureState(at(source, before), { [key]: false });
          if (next) instance.setFeatureState(at(source, next), { [key]: true });
        };
        if (key === 'selected') afterPaint(apply);
        else apply();
      }),
    );
  };
  createFeatureStateBinding(SOURCE.parks, 'selected', state.selectedParkId);
  createFeatureStateBinding(SOURCE.parks, 'hover', state.hoveredParkId);
  createEffect(
    on([map, state.selectedProjectId], ([instance]) => {
      if (instance) afterPaint(() => showSelectedProject(instance));
    }),
  );

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
        // Nested parks (a zone and the parks inside it): the smaller one is the one meant.
        ids.sort((a, b) => index.areaOf(a) - index.areaOf(b));
        return ids[0] ?? null;
      };
      const layers = [...INTERACTIVE_PARK_LAYERS];
      const isParkLayer = (feature: MapGeoJSONFeature): boolean =>
        (layers as readonly string[]).includes(feature.layer.id);
      // One click handler that ranks what is under the pointer: a project point lies on top of its
      // park, so it wins; otherwise the smallest visible park.
      const picker = createPointPicker(instance);
      onCleanup(() => picker.cancel());
      const onClick = (event: MapMouseEvent): void => {
        // A click that picks a location is only that.
        if (picker.active()) return;
        const hits = shown(
          instance.queryRenderedFeatures(event.point, { layers: [...CLICKABLE_LAYERS] }),
        );
        const project = hits.find((hit) => hit.layer.id === LAYER.projects)?.properties.id;
        if (typeof project === 'string') {
          state.openProject(project);
          return;
        }
        const park = smallestOf(hits.filter(isParkLayer));
        if (park) state.openPark(park);
      };
      const onMove = (event: MapLayerMouseEvent): void => {
        const id = smallestOf(event.features ?? []);
        instance.getCanvas().style.cursor = id ? 'pointer' : '';
        if (id !== state.hoveredParkId()) state.hoverPark(id);
      };
      const onLeave = (): void => {
        instance.getCanvas().style.cursor = '';
        state.hoverPark(null);
      };
      instance.on('click', onClick);
      instance.on('mousemove', layers, onMove);
      instance.on('mouseleave', layers, onLeave);
      onCleanup(() => {
        instance.off('click', onClick);
        instance.off('mousemove', layers, onMove);
        instance.off('mouseleave', layers, onLeave);
      });

      const fit = (bounds: LngLatBoundsLike | null): void => {
        const options = {
          padding: Math.min(60, Math.round(instance.getCanvas().clientWidth / 8)),
          maxZoom: 14,
          animate: !state.reducedMotion(),
        };
        afterPaint(() => instance.fitBounds(bounds ?? ZHENJIANG_VIEW, options));
      };
      const controller: MapController = {
        fitToPark: (id) => fit(index.boundsOf([id])),
        fitToParks: (ids) => fit(index.boundsOf(ids)),
        showProject: (id) => {
          const center = index.projectById.get(id)?.location;
          if (!center) return;
          const animate = !state.reducedMotion();
          afterPaint(() =>
            instance.easeTo({ center, zoom: Math.max(instance.getZoom(), 13), animate }),
          );
        },
        setBottomInset: (pixels) => {
          const bottom = Math.max(0, Math.round(pixels));
          if (instance.getPadding().bottom !== bottom)
            instance.setPadding({ top: 0, right: 0, bottom, left: 0 });
        },
        snapshot: () =>
          new Promise((resolve) => {
            instance.once('render', () => resolve(instance.getCanvas()));
            instance.triggerRepaint();
          }),
        showPreview: (collection) => {
          showPreview(instance, collection, !state.reducedMotion());
        },
        pickPoint: (request) => picker.pick(request),
      };
      const probe: MapProbe = {
        parkAt: (x, y) =>
          smallestOf(instance.queryRenderedFeatures([x, y], { layers: [LAYER.parksFill] })),
        renderedParkIds: () => {
          const hits = shown(instance.queryRenderedFeatures({ layers: [LAYER.parksFill] }));
          return [...new Set(hits.map((hit) => String(hit.properties.id)))].sort();
        },
        toScreen: (lng, lat) => {
          const { x, y } = instance.project([lng, lat]);
          return { x, y };
        },
        camera: () => {
          const center = instance.getCenter();
          return {
            zoom: instance.getZoom(),
            lng: center.lng,
            lat: center.lat,
            moving: instance.isMoving(),
          };
        },
      };
      props.onReady(controller, probe);
    }),
  );

  return <div ref={container} class="map" data-map-ready={ready() ? 'true' : 'false'} />;
}
