import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { ParkFeature, Project } from '../../src/data/schema';
import { parkChains } from '../../src/domain/membership';
import { toMapLabels, toMapParks, toMapProjects } from '../../src/map/features';
import type { TileLayerName, TileLayerProperties } from '../../src/map/features';

/**
 * Cutting the registry into the map's vector tiles ahead of time, with the same libraries
 * MapLibre uses in its worker for a GeoJSON source (geojson-vt, vt-pbf, both dependencies of
 * maplibre-gl) and the same options, so a tiled registry draws as the GeoJSON one does.
 *
 * Layers: `parks` (the map's flat properties, src/map/features.ts), `labels` (one point per
 * park at its label point) and `projects`, which can carry besides their own the filter fields of
 * their park (`park_a`, `park_b`, `kind`, `level`, `district`). Which of these properties a cut
 * keeps is the caller's: `npm run tiles` keeps what the app's map reads (`tileLayerProperties`),
 * the bench's bare page all of them, as it filters whole layers by them.
 */

/** The deepest zoom cut; MapLibre over-zooms beyond it. */
export const TILES_MAX_ZOOM = 14;

/** The vector layers, in the order a tile holds them. */
export const TILE_LAYERS = [
  'parks',
  'labels',
  'projects',
] as const satisfies readonly TileLayerName[];

/** One cut tile: its address and its uncompressed MVT bytes. */
export interface CutTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly pbf: Uint8Array;
}

/** Tile x/y of a longitude/latitude at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/**
 * The features with only the properties `keep` (all when undefined), and without a null English
 * name: vt-pbf would store a null as the text "null", and a feature without one has none.
 */
function carrying<G extends Geometry>(
  collection: FeatureCollection<G, object>,
  keep: readonly string[] | undefined,
): FeatureCollection<G> {
  return {
    ...collection,
    features: collection.features.map((feature): Feature<G> => {
      const properties: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(feature.properties ?? {}))
        if ((keep === undefined || keep.includes(key)) && !(key === 'name_en' && value === null))
          properties[key] = value;
      return { ...feature, properties };
    }),
  };
}

/** How {@link cutTiles} writes each kind of feature; every field may be left out. */
export interface CutOptions {
  /** The properties each kind's features carry (every property when left out). */
  readonly carried?: TileLayerProperties;
  /** The zoom each kind is cut from (0 when left out): one the map does not draw further out. */
  readonly fromZoom?: Partial<Record<TileLayerName, number>>;
  /** The tile layer each kind is written into (its own name when left out). */
  readonly into?: Readonly<Record<TileLayerName, string>>;
}

/** The registry's map layers as tiles, every zoom from 0 to {@link TILES_MAX_ZOOM}. */
export function cutTiles(
  parkFeatures: readonly ParkFeature[],
  projectRecords: readonly Project[],
  { carried, fromZoom = {}, into }: CutOptions = {},
): { tiles: CutTile[]; bounds: [number, number, number, number] } {
  const byId = new Map(parkFeatures.map((park) => [park.properties.id, park.properties]));
  const mapParks = toMapParks(parkFeatures);
  const parks = carrying(mapParks, carried?.parks);
  const labels = carrying(toMapLabels(mapParks), carried?.labels);
  const projects = carrying<Point>(
    {
      type: 'FeatureCollection',
      features: toMapProjects(projectRecords).features.flatMap((project) => {
        const park = byId.get(project.properties.park);
        if (!park) return [];
        const [parkA = '', parkB = ''] = parkChains(park);
        const properties = {
          ...project.properties,
          park_a: parkA,
          park_b: parkB,
          kind: park.kind,
          level: park.level,
          district: park.district,
        };
        return [{ ...project, properties }];
      }),
    },
    carried?.projects,
  );
  // MapLibre's own GeoJSON source options (maxzoom 14, tolerance 3/8 of a pixel at 512 px).
  const options = {
    maxZoom: TILES_MAX_ZOOM,
    indexMaxZoom: 5,
    extent: 4096,
    buffer: 64,
    tolerance: 3,
  };
  const [west, south, east, north] = bbox(parks) as [number, number, number, number];
  const indexes = {
    parks: new GeoJSONVT(parks, options),
    labels: new GeoJSONVT(labels, options),
    projects: new GeoJSONVT(projects, options),
  };
  const tiles: CutTile[] = [];
  for (let z = 0; z <= TILES_MAX_ZOOM; z++) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const layers: Parameters<typeof fromGeojsonVt>[0] = {};
        for (const name of TILE_LAYERS) {
          if (z < (fromZoom[name] ?? 0)) continue;
          const tile = indexes[name].getTile(z, x, y);
          if (!tile) continue;
          const layer = into?.[name] ?? name;
          const sharing = layers[layer];
          layers[layer] = sharing
            ? { ...sharing, features: [...sharing.features, ...tile.features] }
            : tile;
        }
        if (Object.keys(layers).length === 0) continue;
        tiles.push({ z, x, y, pbf: fromGeojsonVt(layers, { version: 2, extent: 4096 }) });
      }
    }
  }
  return { tiles, bounds: [west, south, east, north] };
}
