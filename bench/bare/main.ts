import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type DataDrivenPropertyValueSpecification,
  type FeatureIdentifier,
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  type LayerSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../src/data/schema';
import type { Chain, ParkFeature, Project } from '../../src/data/schema';
import type { FilterState } from '../../src/domain/filter';
import { ZHENJIANG_VIEW } from '../../src/map/basemap';
import { LAYER, SOURCE } from '../../src/map/ids';
import { labelPoint } from '../../src/geometry/labelPoint';
import { LABELS_FILTERED_UP_TO } from '../../src/domain/parkLabels';
import { buildStyle, parkFilterExpression } from '../../src/map/style';
import type { ProbedMap, ProbeWindow } from '../probe/maplibre';

/**
 * The baseline the app is measured against: the same MapLibre, the same style and layers (from
 * src/map/style.ts), the same data files, filtered by `setFilter` on every park layer (MapLibre's
 * plain way, and the app's until it moved to feature-state), with nothing else: no Solid, no
 * validation, no list, no panels. The map is created as soon as
 * chains.json (the colours) is in, and the parks are set as soon as both they and the style are
 * ready, which is the least any page showing this data must do.
 *
 * URL: `?data=DIR/` (default `../geo/`), `&w=`/`&h=` the map's size in CSS pixels (the app's map
 * size, so that both draw the same number of pixels). Two variants try the large-data paths:
 * - `&tiles=1`: the parks and projects come as vector tiles from `DIR/tiles/{z}/{x}/{y}.pbf`
 *   (bench/tiles.ts) instead of GeoJSON, with the same layers; projects carry their park's filter
 *   fields, so their filter is an expression instead of a list of park ids.
 * - `&hide=state`: a filter change sets a `hidden` feature-state on the parks (and projects) that
 *   change, and the layers' opacities read it, instead of calling `setFilter`: a paint-only update
 *   that MapLibre makes without re-laying out the tiles in its worker. Labels, a point source of
 *   their own, keep their `setFilter` up to LABELS_FILTERED_UP_TO parks and are hidden by state
 *   beyond. This is what src/map/MapView.tsx does.
 * - Both together: vector tiles hidden by feature-state; which parks to hide comes from
 *   `DIR/filter-index.json` (the parks' filter fields, no geometry), as an app would keep them.
 */

setWorkerUrl(workerUrl);

/** What the benchmark reads from the page. */
export interface BareWindow extends ProbeWindow {
  __bare?: {
    /** Times (performance.now) of the load steps. */
    readonly times: Record<string, number>;
    /** Applies a chain selection the way MapView does; returns when the calls have been made. */
    applyChains(chains: readonly string[]): void;
    /** Every chain id of the registry. */
    readonly chainIds: readonly string[];
    /** Park ids drawn in the whole viewport, deduplicated. */
    renderedParkIds(): string[];
  };
}

const bare = window as unknown as BareWindow;
const params = new URLSearchParams(window.location.search);
const tiles = params.get('tiles') === '1';
const hideByState = params.get('hide') === 'state';
// The registry's size, which the app's style depends on (names only from close in when large).
const parkCount = Number(params.get('parks'));
if (!Number.isInteger(parkCount) || parkCount <= 0) throw new Error('no parks=N in the address');
const geoBase = new URL('../geo/', window.location.href).href;
const dataBase = new URL(params.get('data') ?? '../geo/', window.location.href).href;
const container = document.getElementById('map');
if (!container) throw new Error('no #map element');
container.style.width = `${Number(params.get('w') ?? 960)}px`;
container.style.height = `${Number(params.get('h') ?? 800)}px`;
container.className = 'map';
container.dataset.mapReady = 'false';

const times: Record<string, number> = {};
const fetchJson = (name: string): Promise<unknown> =>
  fetch(new URL(name, dataBase)).then((response) => response.json() as Promise<unknown>);

type ParkCollection = FeatureCollection<Polygon | MultiPolygon>;
type ProjectCollection = FeatureCollection<Point>;

// The same flat properties as src/map/features.ts, written out so that no app code runs here.
const parksPromise: Promise<ParkCollection> | null = tiles
  ? null
  : fetchJson('parks.geojson').then((file) => {
      const parks = (file as { features: ParkFeature[] }).features;
      const collection: ParkCollection = {
        type: 'FeatureCollection',
        features: parks.map((park) => ({
          type: 'Feature',
          geometry: park.geometry,
          properties: {
            id: park.properties.id,
            name_zh: park.properties.name.zh,
            name_en: park.properties.name.en ?? null,
            chain_a: park.properties.lead[0] ?? '',
            chain_b: park.properties.lead[1] ?? '',
            kind: park.properties.kind,
            level: park.properties.level,
            district: park.properties.district,
            boundary: park.properties.boundary,
          },
        })),
      };
      times['parksParsed'] = performance.now();
      return collection;
    });
const projectsPromise: Promise<ProjectCollection> | null = tiles
  ? null
  : fetchJson('projects.json').then((file) => {
      const projects = (file as { projects: Project[] }).projects;
      const collection: ProjectCollection = {
        type: 'FeatureCollection',
        features: projects
          .filter((project) => project.location !== undefined)
          .map((project): Feature<Point> => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: project.location ?? [0, 0] },
            properties: {
              id: project.id,
              park: project.park,
              chain_a: project.chain,
              name_zh: project.name.zh,
            },
          })),
      };
      times['projectsParsed'] = performance.now();
      return collection;
    });

const chainsFile = (await fetchJson('chains.json')) as { chains: Chain[] };
const chains = chainsFile.chains;
times['chainsParsed'] = performance.now();

const filterOf = (selected: readonly string[]): FilterState => ({
  chains: new Set(selected),
  kinds: new Set(PARK_KINDS),
  levels: new Set(PARK_LEVELS),
  districts: new Set(DISTRICTS),
});
const allChainIds = chains.map((chain) => chain.id);

/** The filter of project points: only those in a park that passes the filter. */
function projectFilterExpression(visibleParkIds: readonly string[]): FilterSpecification {
  return ['in', ['get', 'park'], ['literal', visibleParkIds]] as FilterSpecification;
}

/** Combines the visibility filter with one layer's own condition. */
function withCondition(
  visible: FilterSpecification,
  condition: ExpressionSpecification,
): FilterSpecification {
  return ['all', visible as ExpressionSpecification, condition] as FilterSpecification;
}

/** The park layers and the filter each gets when filtering by `setFilter`, for a given visibility filter. */
function parkLayerFilters(visible: FilterSpecification): Array<[string, FilterSpecification]> {
  return [
    [LAYER.parksFill, visible],
    [LAYER.parksSelected, visible],
    [LAYER.parksLabel, visible],
    [LAYER.parksSecondChain, withCondition(visible, ['!=', ['get', 'chain_b'], ''])],
    [LAYER.parksOutlineOfficial, withCondition(visible, ['==', ['get', 'boundary'], 'official'])],
    [LAYER.parksOutlineDrawn, withCondition(visible, ['!=', ['get', 'boundary'], 'official'])],
  ];
}

/** The project filter of the tiles variant: the park's filter fields, copied into each project. */
function tileProjectFilter(filter: FilterState): FilterSpecification {
  const chainList = ['literal', [...filter.chains]] as ExpressionSpecification;
  return [
    'all',
    ['any', ['in', ['get', 'park_a'], chainList], ['in', ['get', 'park_b'], chainList]],
    ['in', ['get', 'kind'], ['literal', [...filter.kinds]]],
    ['in', ['get', 'level'], ['literal', [...filter.levels]]],
    ['in', ['get', 'district'], ['literal', [...filter.districts]]],
  ] as FilterSpecification;
}

const HIDDEN: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];

/** Wraps a paint value so that a hidden feature draws nothing. */
function unlessHidden(
  value: unknown,
  fallback: number,
): DataDrivenPropertyValueSpecification<number> {
  return ['case', HIDDEN, 0, (value ?? fallback) as ExpressionSpecification] as never;
}

/** The app's style, adapted to the variant. */
function styleFor(): StyleSpecification {
  const style = buildStyle({
    geoBaseUrl: geoBase,
    chains,
    lang: 'zh',
    visible: parkFilterExpression(filterOf(allChainIds)),
    parkCount,
  });
  if (tiles) {
    style.sources[SOURCE.parks] = {
      type: 'vector',
      tiles: [
        new URL('tiles/{z}/{x}/{y}.pbf', dataBase).href.replace(/%7B/g, '{').replace(/%7D/g, '}'),
      ],
      minzoom: 0,
      maxzoom: 14,
      promoteId: 'id',
    };
    // One tile set holds both layers; the projects' GeoJSON source is not needed.
    // Labels are placed by MapLibre on the tiles' polygons, as the app did before label points.
    style.sources = Object.fromEntries(
      Object.entries(style.sources).filter(
        ([id]) => id !== SOURCE.projects && id !== SOURCE.parkLabels,
      ),
    );
    style.layers = style.layers.map((layer): LayerSpecification => {
      if (!('source' in layer)) return layer;
      if (layer.source === SOURCE.parks || layer.source === SOURCE.parkLabels)
        return { ...layer, source: SOURCE.parks, 'source-layer': 'parks' } as never;
      if (layer.source === SOURCE.projects)
        return { ...layer, source: SOURCE.parks, 'source-layer': 'projects' } as never;
      return layer;
    });
  }
  if (hideByState) {
    style.layers = style.layers.map((layer): LayerSpecification => {
      if (
        !('source' in layer) ||
        (layer.source !== SOURCE.parks && layer.source !== SOURCE.projects)
      )
        return layer;
      const paint = { ...(layer.paint as Record<string, unknown>) };
      if (layer.type === 'fill') paint['fill-opacity'] = unlessHidden(paint['fill-opacity'], 1);
      if (layer.type === 'line') paint['line-opacity'] = unlessHidden(paint['line-opacity'], 1);
      if (layer.type === 'symbol') paint['text-opacity'] = unlessHidden(paint['text-opacity'], 1);
      if (layer.type === 'circle') {
        paint['circle-opacity'] = unlessHidden(paint['circle-opacity'], 1);
        paint['circle-stroke-opacity'] = unlessHidden(paint['circle-stroke-opacity'], 1);
      }
      // Every project is drawn; hidden ones are hidden by state, like the parks.
      if (layer.id === LAYER.projects) {
        const { filter: _unused, ...rest } = layer as LayerSpecification & { filter?: unknown };
        void _unused;
        return { ...rest, paint } as never;
      }
      return { ...layer, paint } as never;
    });
  }
  return style;
}

// The same options as MapView, so that both maps do the same work per frame.
const map = new MapLibreMap({
  container,
  style: styleFor(),
  bounds: ZHENJIANG_VIEW,
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
  maxZoom: 17,
  minZoom: 6,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const record: ProbedMap = { map, createdAt: performance.now(), loadedAt: null };
(bare.__zpeBenchMaps ??= []).push(record);

const renderedParkIds = (): string[] => {
  const hits = map.queryRenderedFeatures({ layers: [LAYER.parksFill] });
  return [...new Set(hits.map((hit) => String(hit.properties['id'])))].sort();
};

/** Whether a park's flat properties pass a filter: domain/filter's rule. */
function passes(p: Record<string, unknown>, filter: FilterState): boolean {
  return (
    (filter.chains.has(String(p['chain_a'])) || filter.chains.has(String(p['chain_b']))) &&
    filter.kinds.has(p['kind'] as never) &&
    filter.levels.has(p['level'] as never) &&
    filter.districts.has(p['district'] as never)
  );
}

/**
 * The feature-state variant's filter change: sets `hidden` on each park whose visibility changes,
 * and on its projects. `target` names a feature in the map's sources; labels are either filtered
 * (`labelsFiltered`) or hidden through their own target (none when they are the tiles' polygons).
 */
function hideApplier(
  parkProps: ReadonlyArray<Record<string, unknown>>,
  projectsByPark: ReadonlyMap<string, readonly string[]>,
  target: (layer: 'parks' | 'labels' | 'projects', id: string) => FeatureIdentifier | null,
  labelsFiltered: boolean,
): (selected: readonly string[]) => void {
  const setHidden = (feature: FeatureIdentifier | null, hide: boolean): void => {
    if (feature) map.setFeatureState(feature, { hidden: hide });
  };
  const hidden = new Set<string>();
  return (selected) => {
    const filter = filterOf(selected);
    if (labelsFiltered) map.setFilter(LAYER.parksLabel, parkFilterExpression(filter));
    for (const p of parkProps) {
      const id = String(p['id']);
      const hide = !passes(p, filter);
      if (hide === hidden.has(id)) continue;
      if (hide) hidden.add(id);
      else hidden.delete(id);
      setHidden(target('parks', id), hide);
      if (!labelsFiltered) setHidden(target('labels', id), hide);
      for (const project of projectsByPark.get(id) ?? [])
        setHidden(target('projects', project), hide);
    }
  };
}

/** Marks the map ready at its next idle, as MapView does (and once `also` has settled). */
function readyAtIdle(also: Promise<unknown> = Promise.resolve()): void {
  map.once('idle', () => {
    void also.then(() => {
      times['ready'] = performance.now();
      container?.setAttribute('data-map-ready', 'true');
    });
  });
}

map.once('load', () => {
  record.loadedAt = performance.now();
  if (tiles && hideByState) {
    const indexed = fetchJson('filter-index.json').then((file) => {
      const index = file as { parks: string[][]; projects: string[][] };
      const parkProps = index.parks.map(([id, chainA, chainB, kind, level, district]) => ({
        id,
        chain_a: chainA,
        chain_b: chainB,
        kind,
        level,
        district,
      }));
      const projectsByPark = new Map<string, string[]>();
      for (const [project = '', park = ''] of index.projects)
        projectsByPark.set(park, [...(projectsByPark.get(park) ?? []), project]);
      times['indexParsed'] = performance.now();
      const applyChains = hideApplier(
        parkProps,
        projectsByPark,
        (layer, id) =>
          layer === 'labels' ? null : { source: SOURCE.parks, sourceLayer: layer, id },
        false,
      );
      bare.__bare = { times, chainIds: allChainIds, renderedParkIds, applyChains };
    });
    readyAtIdle(indexed);
    return;
  }
  if (tiles) {
    const applyChains = (selected: readonly string[]): void => {
      const filter = filterOf(selected);
      for (const [layer, layerFilter] of parkLayerFilters(parkFilterExpression(filter)))
        map.setFilter(layer, layerFilter);
      map.setFilter(LAYER.projects, tileProjectFilter(filter));
    };
    readyAtIdle();
    applyChains(allChainIds);
    bare.__bare = { times, chainIds: allChainIds, renderedParkIds, applyChains };
    return;
  }
  void Promise.all([parksPromise, projectsPromise]).then(([parks, projects]) => {
    if (!parks || !projects) return;
    map.getSource<GeoJSONSource>(SOURCE.parks)?.setData(parks);
    map.getSource<GeoJSONSource>(SOURCE.parkLabels)?.setData({
      type: 'FeatureCollection',
      features: parks.features.map((park) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: labelPoint(park.geometry) },
        properties: park.properties,
      })),
    });
    map.getSource<GeoJSONSource>(SOURCE.projects)?.setData(projects);
    times['dataSet'] = performance.now();
    readyAtIdle();
    const parkProps = parks.features.map((park) => park.properties ?? {});

    if (hideByState) {
      const projectsByPark = new Map<string, string[]>();
      for (const project of projects.features) {
        const park = String(project.properties?.['park']);
        projectsByPark.set(park, [
          ...(projectsByPark.get(park) ?? []),
          String(project.properties?.['id']),
        ]);
      }
      const applyChains = hideApplier(
        parkProps,
        projectsByPark,
        (layer, id) => ({
          source: { parks: SOURCE.parks, labels: SOURCE.parkLabels, projects: SOURCE.projects }[
            layer
          ],
          id,
        }),
        parks.features.length <= LABELS_FILTERED_UP_TO,
      );
      bare.__bare = { times, chainIds: allChainIds, renderedParkIds, applyChains };
      return;
    }

    // MapView's filter effect, call for call: the visible park ids for the project layer come
    // from a plain loop instead of the app's memo.
    const applyChains = (selected: readonly string[]): void => {
      const filter = filterOf(selected);
      const visibleIds: string[] = [];
      for (const p of parkProps) if (passes(p, filter)) visibleIds.push(String(p['id']));
      for (const [layer, layerFilter] of parkLayerFilters(parkFilterExpression(filter)))
        map.setFilter(layer, layerFilter);
      map.setFilter(LAYER.projects, projectFilterExpression(visibleIds));
    };
    // MapView runs its filter effect once when the map is ready: projects become visible then.
    applyChains(allChainIds);
    bare.__bare = { times, chainIds: allChainIds, renderedParkIds, applyChains };
  });
});
