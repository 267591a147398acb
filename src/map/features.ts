import type { Feature, FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import type { ParkFeature } from '../data/schema';
import type { RegistryProject } from '../data/registry';
import { labelPoint } from '../geometry/labelPoint';
import { parkChains } from '../domain/membership';
import { labelsFilteredFor } from '../domain/parkLabels';

/** The flat properties the map layers read; arrays and objects stay out of the GPU data. */
export interface MapParkProperties {
  id: string;
  name_zh: string;
  name_en: string | null;
  chain_a: string;
  chain_b: string;
  kind: string;
  level: string;
  district: string;
  boundary: string;
}

/**
 * The parks as the map draws them. `chain_a`/`chain_b` come from `parkChains`, the one definition
 * of a park's chains, so map colour and filter agree with the list and the counts.
 */
export function toMapParks(
  parks: readonly ParkFeature[],
): FeatureCollection<Polygon | MultiPolygon, MapParkProperties> {
  return {
    type: 'FeatureCollection',
    features: parks.map((park) => {
      const { properties } = park;
      const [chainA = '', chainB = ''] = parkChains(properties);
      return {
        type: 'Feature',
        geometry: park.geometry as Polygon | MultiPolygon,
        properties: {
          id: properties.id,
          name_zh: properties.name.zh,
          name_en: properties.name.en ?? null,
          chain_a: chainA,
          chain_b: chainB,
          kind: properties.kind,
          level: properties.level,
          district: properties.district,
          boundary: properties.boundary,
        },
      };
    }),
  };
}

/**
 * One label point per park, with the park's properties: labels are their own source so that a
 * filter change can re-filter them (`setFilter`, which collision placement respects) without
 * making MapLibre re-process the polygons.
 */
export function toMapLabels(
  parks: FeatureCollection<Polygon | MultiPolygon, MapParkProperties>,
): FeatureCollection<Point, MapParkProperties> {
  return {
    type: 'FeatureCollection',
    features: parks.features.map((park) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(park.geometry) },
      properties: park.properties,
    })),
  };
}

/** A project point's properties on the map. */
export interface MapProjectProperties {
  id: string;
  park: string;
  chain_a: string;
  name_zh: string;
}

/** Projects with a known location, as points coloured by their chain. */
export function toMapProjects(
  projects: readonly RegistryProject[],
): FeatureCollection<Point, MapProjectProperties> {
  const located = projects.filter(
    (project): project is RegistryProject & { location: [number, number]; park: string } =>
      project.location !== undefined && project.park !== null,
  );
  return {
    type: 'FeatureCollection',
    features: located.map((project): Feature<Point, MapProjectProperties> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: project.location },
      properties: {
        id: project.id,
        park: project.park,
        chain_a: project.chain,
        name_zh: project.name.zh,
      },
    })),
  };
}

/**
 * Everything each kind of tiled feature can carry (scripts/lib/vectorTiles.ts): the
 * GeoJSON path's properties, and for a project also its park's filter fields, which only the
 * bench's bare page reads (it filters whole layers by `setFilter`).
 */
export interface TileFeatureProperties {
  readonly parks: MapParkProperties;
  readonly labels: MapParkProperties;
  readonly projects: MapProjectProperties & {
    park_a: string;
    park_b: string;
    kind: string;
    level: string;
    district: string;
  };
}

/** A kind of tiled feature; {@link TILE_ARCHIVE_LAYER} says which archive layer holds it. */
export type TileLayerName = keyof TileFeatureProperties;

/**
 * The archive layer each kind of tiled feature is written into. A park's label point goes into the
 * parks layer beside its polygon, with the same id, so that one feature-state hides both: a label
 * layer of its own took a second state per park, 15–30 ms of each filter change at 50,000 parks.
 * The style tells them apart by geometry type (tiledSource.ts).
 */
export const TILE_ARCHIVE_LAYER = {
  parks: 'parks',
  labels: 'parks',
  projects: 'projects',
} as const satisfies Readonly<Record<TileLayerName, string>>;

/** Which properties each kind of tiled feature carries. */
export type TileLayerProperties = {
  readonly [L in TileLayerName]: readonly (keyof TileFeatureProperties[L] & string)[];
};

/**
 * The property a click on a park or project reads to know what it hit (ids.ts's CLICKABLE_LAYERS);
 * parks and labels also promote it to their feature id.
 */
export const TILE_FEATURE_ID = 'id';

/**
 * The properties a tiled registry's vector tiles carry, per kind of feature: exactly what the map reads on
 * the tiles path (style.ts's expressions, the label filter, the promoted id), so that MapLibre,
 * which decodes every string of an in-view tile when a feature-state changes or a query runs and
 * keeps them, decodes no names or fields the map never shows. `npm run tiles` cuts with it; a
 * unit test derives what the style reads and fails if this misses any of it or carries more.
 * Parks are coloured by their chains and dashed by their boundary; hiding them is a feature-state,
 * so their kind, level and district stay out. Labels carry the filter fields only when the map
 * filters them by {@link labelsFilteredFor} (a small registry), which a cut knows from its park
 * count. A map that reads a property more must bump the index format (TILES_INDEX_FORMAT), so
 * that older cuts, which lack it, are cut again instead of drawn without it.
 */
export function tileLayerProperties(parkCount: number): TileLayerProperties {
  const name = ['name_zh', 'name_en'] as const;
  const filterFields = ['chain_a', 'chain_b', 'kind', 'level', 'district'] as const;
  return {
    parks: [TILE_FEATURE_ID, 'chain_a', 'chain_b', 'boundary'],
    labels: labelsFilteredFor(parkCount)
      ? [TILE_FEATURE_ID, ...name, ...filterFields]
      : [TILE_FEATURE_ID, ...name],
    // `park` is the points' feature id (style.ts): one state hides a park's points.
    projects: [TILE_FEATURE_ID, 'park', 'chain_a'],
  };
}
