import type { Feature, FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import type { ParkFeature, RegistryProject } from '../data/schema';
import { labelPoint } from '../geometry/labelPoint';
import { parkChains } from '../domain/membership';

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

/** Projects with a known location, as points coloured by their chain. */
export function toMapProjects(
  projects: readonly RegistryProject[],
): FeatureCollection<Point, { id: string; park: string; chain_a: string; name_zh: string }> {
  const located = projects.filter(
    (project): project is RegistryProject & { location: [number, number]; park: string } =>
      project.location !== undefined && project.park !== null,
  );
  return {
    type: 'FeatureCollection',
    features: located.map(
      (
        project,
      ): Feature<Point, { id: string; park: string; chain_a: string; name_zh: string }> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: project.location },
        properties: {
          id: project.id,
          park: project.park,
          chain_a: project.chain,
          name_zh: project.name.zh,
        },
      }),
    ),
  };
}
