import {
  featureFilter,
  validateStyleMin,
  type FilterSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { ExplorerRegistry, RegistryPark, TiledPark } from '../../src/data/registry';
import { defaultFilter, visibleParks } from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import { createRegistryView, type ParkMeasures } from '../../src/domain/registryView';
import { filteredStats } from '../../src/domain/stats';
import { LAYER, SOURCE } from '../../src/map/ids';
import { buildStyle } from '../../src/map/style';
import {
  TILES_SOURCE,
  featureAddress,
  hasOwnFeatureState,
  tiledFilter,
  tiledStyle,
} from '../../src/map/tiledSource';
import { registry } from '../fixtures/sampleRegistry';
import { TILES_ORIGIN } from '../fixtures/tiled';

/**
 * The domain on a tiled registry's parks (no geometry in memory, measures from index.json) and
 * the map style pointed at the archive. Each tiled park gets made-up measures unlike its
 * polygon's, so a test can tell which one was read.
 */

const tiledParks: TiledPark[] = registry.parks.map((park, i) => ({
  type: 'Feature',
  properties: park.properties,
  geometry: null,
  measured: { bbox: [100 + i, 10, 101 + i, 11 + i], area_km2_computed: 1000 + i },
}));
const tiled: ExplorerRegistry = { ...registry, parks: tiledParks };

/** Measures that fail the test if anything asks them: a tiled park has no geometry to measure. */
const UNUSED: ParkMeasures = {
  areaKm2: () => {
    throw new Error('measured a geometry on a tiled registry');
  },
  bboxOf: () => {
    throw new Error('measured a geometry on a tiled registry');
  },
};

describe('the registry view on a tiled registry', () => {
  const view = createRegistryView(indexRegistry(tiled, TILES_ORIGIN), UNUSED);

  it('takes area and bounds from the index, never from a geometry', () => {
    tiledParks.forEach((park, i) => expect(view.areaOf(park.properties.id)).toBe(1000 + i));
    const [first, second] = tiledParks;
    expect(view.boundsOf([first!.properties.id, second!.properties.id])).toEqual([
      100, 10, 102, 12,
    ]);
    expect(view.boundsOf(['no-such-park'])).toBeNull();
    expect(view.tiles).toBe(TILES_ORIGIN);
  });

  it('filters, orders and counts the same parks as the registry loaded whole', () => {
    const whole = createRegistryView(indexRegistry(registry));
    expect(whole.tiles).toBeNull();
    const ids = (parks: readonly RegistryPark[]): string[] => parks.map((p) => p.properties.id);
    const filter = { ...defaultFilter(whole), chains: new Set([registry.chains[0]!.id]) };
    expect(ids(visibleParks(view, filter))).toEqual(ids(visibleParks(whole, filter)));
    expect(ids(view.parks)).toEqual(ids(whole.parks));
    const stats = filteredStats(view, view.parks);
    expect(stats.total.parks).toBe(tiledParks.length);
    // The computed area is the sum of the index's areas.
    const expected = tiledParks.reduce((sum, _, i) => sum + 1000 + i, 0);
    expect(stats.total.computedAreaKm2).toBeCloseTo(expected, 6);
  });
});

describe('tiledStyle', () => {
  const base = buildStyle({
    geoBaseUrl: 'http://example.test/geo/',
    chains: registry.chains,
    lang: 'zh',
    visible: true,
    parkCount: 15,
  });
  const style = tiledStyle(base, TILES_ORIGIN);

  it('is a valid style with one vector source on the archive, parks (and their labels) by id, projects by their park', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources[TILES_SOURCE]).toEqual({
      type: 'vector',
      tiles: ['pmtiles://http://example.test/reg/tiles.pmtiles/{z}/{x}/{y}'],
      minzoom: 0,
      maxzoom: 14,
      bounds: [119, 31.9, 119.9, 32.3],
      promoteId: { parks: 'id', projects: 'park' },
    });
    for (const source of [SOURCE.parks, SOURCE.parkLabels, SOURCE.projects])
      expect(style.sources).not.toHaveProperty(source);
  });

  it('keeps every layer and its paint, pointing the park, label and project layers at their source-layers', () => {
    expect(style.layers.map((layer) => layer.id)).toEqual(base.layers.map((layer) => layer.id));
    const byId = new Map(style.layers.map((layer) => [layer.id, layer]));
    const expected: Record<string, string> = {
      [LAYER.parksFill]: 'parks',
      [LAYER.parksSelected]: 'parks',
      [LAYER.parksLabel]: 'parks',
      [LAYER.projects]: 'projects',
    };
    for (const [id, sourceLayer] of Object.entries(expected)) {
      const layer = byId.get(id) as { source: string; 'source-layer': string; paint: unknown };
      expect(layer.source).toBe(TILES_SOURCE);
      expect(layer['source-layer']).toBe(sourceLayer);
      expect(layer.paint).toEqual(
        (base.layers.find((l) => l.id === id) as { paint: unknown }).paint,
      );
    }
    // The basemap, its sources and every other layer are left as they were.
    const parkSources: readonly string[] = [SOURCE.parks, SOURCE.parkLabels, SOURCE.projects];
    for (const layer of style.layers)
      if (!('source' in layer) || layer.source !== TILES_SOURCE)
        expect(layer).toEqual(base.layers.find((l) => l.id === layer.id));
    for (const [id, source] of Object.entries(base.sources))
      if (!parkSources.includes(id)) expect(style.sources[id]).toEqual(source);
  });

  it('keeps the label layer to the label points and the park layers to the polygons they share a layer with', () => {
    const point = { type: 1 as const, properties: { id: 'a', name_zh: '园', chain_b: 'x' } };
    const polygon = {
      type: 3 as const,
      properties: { id: 'a', chain_a: 'x', chain_b: 'x', boundary: 'official' },
    };
    const passes = (id: string, feature: typeof point | typeof polygon): boolean => {
      const layer = style.layers.find((l) => l.id === id) as { filter?: FilterSpecification };
      return featureFilter(layer.filter, 'filter').filter({ zoom: 12 }, feature as never);
    };
    for (const id of [LAYER.parksFill, LAYER.parksSecondChain, LAYER.parksSelected]) {
      expect(passes(id, polygon), id).toBe(true);
      expect(passes(id, point), id).toBe(false);
    }
    expect(passes(LAYER.parksLabel, point)).toBe(true);
    expect(passes(LAYER.parksLabel, polygon)).toBe(false);
    // A label filter MapView sets at run time keeps to points the same way.
    const runtime = tiledFilter(SOURCE.parkLabels, ['==', ['get', 'id'], 'a']);
    expect(featureFilter(runtime, 'filter').filter({ zoom: 12 }, point as never)).toBe(true);
    expect(featureFilter(runtime, 'filter').filter({ zoom: 12 }, polygon as never)).toBe(false);
    expect(tiledFilter(SOURCE.projects, undefined)).toBeUndefined();
  });

  it('addresses feature-state by source-layer on the archive (a label by its park), by source otherwise', () => {
    expect(featureAddress(true)(SOURCE.parkLabels, 'a')).toEqual({
      source: TILES_SOURCE,
      sourceLayer: 'parks',
      id: 'a',
    });
    expect(hasOwnFeatureState(true, SOURCE.parkLabels)).toBe(false);
    expect(hasOwnFeatureState(true, SOURCE.projects)).toBe(true);
    expect(hasOwnFeatureState(false, SOURCE.parkLabels)).toBe(true);
    expect(featureAddress(false)(SOURCE.parkLabels, 'a')).toEqual({
      source: SOURCE.parkLabels,
      id: 'a',
    });
  });
});
