import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../src/data/schema';
import type { Chain } from '../../src/data/schema';
import type { FilterState } from '../../src/domain/filter';
import { ZHENJIANG_BOUNDS } from '../../src/map/basemap';
import { LAYER, SOURCE } from '../../src/map/ids';
import {
  buildStyle,
  parkFilterExpression,
  projectFilterExpression,
  withCondition,
} from '../../src/map/style';
import type { ProbedMap, ProbeWindow } from '../probe/maplibre';

/**
 * The baseline the app is measured against: the same MapLibre, the same style and layers (from
 * src/map/style.ts), the same data files, and the same `setFilter` calls as src/map/MapView.tsx,
 * with nothing else: no Solid, no validation, no list, no panels. The map is created as soon as
 * chains.json (the colours) is in, and the parks are set as soon as both they and the style are
 * ready, which is the least any page showing this data must do.
 *
 * URL: `?data=DIR/` (default `../geo/`), `&w=`/`&h=` the map's size in CSS pixels (the app's map
 * size, so that both draw the same number of pixels).
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

interface RawPark {
  readonly properties: {
    readonly id: string;
    readonly name: { readonly zh: string; readonly en?: string };
    readonly lead: readonly string[];
    readonly kind: string;
    readonly level: string;
    readonly district: string;
    readonly boundary: string;
  };
  readonly geometry: Polygon | MultiPolygon;
}
interface RawProject {
  readonly id: string;
  readonly park: string;
  readonly chain: string;
  readonly name: { readonly zh: string };
  readonly location?: [number, number];
}

// The same flat properties as src/map/features.ts, written out so that no app code runs here.
const parksPromise = fetchJson('parks.geojson').then((file) => {
  const parks = (file as { features: RawPark[] }).features;
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
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
const projectsPromise = fetchJson('projects.json').then((file) => {
  const projects = (file as { projects: RawProject[] }).projects;
  const collection: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: projects
      .filter((project) => project.location !== undefined)
      .map(
        (project): Feature<Point> => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: project.location ?? [0, 0] },
          properties: {
            id: project.id,
            park: project.park,
            chain_a: project.chain,
            name_zh: project.name.zh,
          },
        }),
      ),
  };
  times['projectsParsed'] = performance.now();
  return collection;
});

const chainsFile = (await fetchJson('chains.json')) as { chains: Chain[] };
const chains = chainsFile.chains;
times['chainsParsed'] = performance.now();

const defaultFilter = (selected: readonly string[]): FilterState => ({
  chains: new Set(selected),
  kinds: new Set(PARK_KINDS),
  levels: new Set(PARK_LEVELS),
  districts: new Set(DISTRICTS),
});
const allChainIds = chains.map((chain) => chain.id);

// The same options as MapView, so that both maps do the same work per frame.
const map = new MapLibreMap({
  container,
  style: buildStyle({
    geoBaseUrl: geoBase,
    chains,
    lang: 'zh',
    visible: parkFilterExpression(defaultFilter(allChainIds)),
  }),
  bounds: ZHENJIANG_BOUNDS,
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
  maxZoom: 17,
  minZoom: 6,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const record: ProbedMap = { map, createdAt: performance.now(), loadedAt: null };
(bare.__zpeBenchMaps ??= []).push(record);

map.once('load', () => {
  record.loadedAt = performance.now();
  void Promise.all([parksPromise, projectsPromise]).then(([parks, projects]) => {
    map.getSource<GeoJSONSource>(SOURCE.parks)?.setData(parks);
    map.getSource<GeoJSONSource>(SOURCE.projects)?.setData(projects);
    times['dataSet'] = performance.now();
    map.once('idle', () => {
      times['ready'] = performance.now();
      container.dataset.mapReady = 'true';
    });
    // MapView's filter effect, call for call: the visible park ids for the project layer come
    // from a plain loop instead of the app's memo.
    const parkProps = parks.features.map((park) => park.properties ?? {});
    const applyChains = (selected: readonly string[]): void => {
      const filter = defaultFilter(selected);
      const visibleIds: string[] = [];
      for (const p of parkProps) {
        if (
          (filter.chains.has(String(p['chain_a'])) || filter.chains.has(String(p['chain_b']))) &&
          filter.kinds.has(p['kind'] as never) &&
          filter.levels.has(p['level'] as never) &&
          filter.districts.has(p['district'] as never)
        )
          visibleIds.push(String(p['id']));
      }
      const visible = parkFilterExpression(filter);
      map.setFilter(LAYER.parksFill, visible);
      map.setFilter(LAYER.parksSelected, visible);
      map.setFilter(LAYER.parksLabel, visible);
      map.setFilter(LAYER.parksSecondChain, withCondition(visible, ['!=', ['get', 'chain_b'], '']));
      map.setFilter(
        LAYER.parksOutlineOfficial,
        withCondition(visible, ['==', ['get', 'boundary'], 'official']),
      );
      map.setFilter(
        LAYER.parksOutlineDrawn,
        withCondition(visible, ['!=', ['get', 'boundary'], 'official']),
      );
      map.setFilter(LAYER.projects, projectFilterExpression(visibleIds));
    };
    // MapView runs its filter effect once when the map is ready: projects become visible then.
    applyChains(allChainIds);
    bare.__bare = {
      times,
      chainIds: allChainIds,
      renderedParkIds: () => {
        const hits = map.queryRenderedFeatures({ layers: [LAYER.parksFill] });
        return [...new Set(hits.map((hit) => String(hit.properties['id'])))].sort();
      },
      applyChains,
    };
  });
});
