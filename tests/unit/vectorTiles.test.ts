import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/data/schema';
import { labelPoint } from '../../src/geometry/labelPoint';
import { tileLayerProperties, type TileLayerProperties } from '../../src/map/features';
import { LABELS_FILTERED_UP_TO } from '../../src/domain/parkLabels';
import { cutTiles, type CutOptions } from '../../scripts/lib/vectorTiles';
import { registry } from '../fixtures/sampleRegistry';

/** The sample's projects, each placed at its park's label point so that the map draws it. */
const projects: Project[] = registry.projects.map((project) => {
  const park = registry.parks.find((candidate) => candidate.properties.id === project.park);
  const [lon = 0, lat = 0] = park ? labelPoint(park.geometry) : [];
  return park ? { ...project, location: [lon, lat] } : project;
});

/** Every property name each layer's features carry, over all the cut's tiles. */
function carriedBy(carried?: TileLayerProperties): Record<string, string[]> {
  const { tiles } = cutTiles(registry.parks, projects, { carried });
  const seen = new Map<string, Set<string>>();
  for (const { pbf } of tiles)
    for (const [name, layer] of Object.entries(new VectorTile(new PbfReader(pbf)).layers))
      for (let i = 0; i < layer.length; i++)
        for (const key of Object.keys(layer.feature(i).properties))
          seen.set(name, (seen.get(name) ?? new Set()).add(key));
  return Object.fromEntries([...seen].map(([name, keys]) => [name, [...keys].sort()]));
}

describe('cutTiles', () => {
  it("keeps only the properties it is given: a large registry's labels lose the filter fields", () => {
    expect(carriedBy(tileLayerProperties(LABELS_FILTERED_UP_TO + 1))).toEqual({
      parks: ['boundary', 'chain_a', 'chain_b', 'id'],
      labels: ['id', 'name_en', 'name_zh'],
      projects: ['chain_a', 'id', 'park'],
    });
  });

  it('cuts a layer only from the zoom it is given, and the others at every zoom', () => {
    const zoomsOf = (fromZoom: CutOptions['fromZoom']) => {
      const zooms = new Map<string, Set<number>>();
      for (const { z, pbf } of cutTiles(registry.parks, projects, { fromZoom }).tiles)
        for (const name of Object.keys(new VectorTile(new PbfReader(pbf)).layers))
          zooms.set(name, (zooms.get(name) ?? new Set()).add(z));
      return (name: string): number[] => [...(zooms.get(name) ?? [])].sort((a, b) => a - b);
    };
    const every = zoomsOf({});
    const fromEleven = zoomsOf({ labels: 11 });
    expect(Math.min(...every('labels'))).toBeLessThan(11);
    expect(fromEleven('labels')).toEqual(every('labels').filter((z) => z >= 11));
    expect(fromEleven('parks')).toEqual(every('parks'));
    expect(fromEleven('projects')).toEqual(every('projects'));
  });

  it("keeps every property when given none, as the bench's bare page filters whole layers by them", () => {
    const park = ['boundary', 'chain_a', 'chain_b', 'district', 'id', 'kind', 'level'];
    expect(carriedBy()).toEqual({
      parks: [...park, 'name_en', 'name_zh'].sort(),
      labels: [...park, 'name_en', 'name_zh'].sort(),
      projects: [
        'chain_a',
        'district',
        'id',
        'kind',
        'level',
        'name_zh',
        'park',
        'park_a',
        'park_b',
      ],
    });
  });
});
