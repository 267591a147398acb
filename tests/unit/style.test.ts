import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../src/data/enums';
import type { ParkFeature } from '../../src/data/schema';
import { parkPasses, visibleParks, type FilterState } from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import { toMapParks } from '../../src/map/features';
import { BASEMAP_LAYER, LAYER, SOURCE } from '../../src/map/ids';
import {
  LABELS_FILTERED_UP_TO,
  LARGE_REGISTRY_LABELS_FROM_ZOOM,
} from '../../src/domain/parkLabels';
import { buildStyle, parkFilterExpression } from '../../src/map/style';
import { buildRegistry, makePark, registry } from '../fixtures/sampleRegistry';

/**
 * "One definition of a park's chains" checked rather than claimed: the map's label filter
 * (`parkFilterExpression`, MapLibre's expression language over the flat map properties) must pick
 * exactly the parks that the list's `visibleParks` and the reference `parkPasses` pick. The
 * expression is evaluated by MapLibre's own style-spec evaluator, as the map's worker would.
 */

const CHAIN_IDS = registry.chains.map((chain) => chain.id);
/** A chain id no registry chain has: the validator reports it, the filter must still agree. */
const UNKNOWN_CHAIN = 'chain-not-in-registry';

const subsetOf = <T>(values: readonly T[]): fc.Arbitrary<ReadonlySet<T>> =>
  fc.subarray([...values]).map((picked) => new Set(picked));

const filterArb: fc.Arbitrary<FilterState> = fc.record({
  chains: subsetOf(CHAIN_IDS),
  kinds: subsetOf(PARK_KINDS),
  levels: subsetOf(PARK_LEVELS),
  districts: subsetOf(DISTRICTS),
});

/** Parks as the validator lets them through: zero to two distinct lead chains (the map reads two). */
const parksArb: fc.Arbitrary<readonly ParkFeature[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...PARK_KINDS),
      level: fc.constantFrom(...PARK_LEVELS),
      district: fc.constantFrom(...DISTRICTS),
      lead: fc.uniqueArray(fc.constantFrom(...CHAIN_IDS, UNKNOWN_CHAIN), { maxLength: 2 }),
    }),
    { maxLength: 30 },
  )
  .map((all) =>
    all.map((essentials, i) =>
      makePark({ id: `park-${i}`, name: { zh: `园区${i}` }, ...essentials }),
    ),
  );

/** The ids of the parks whose map properties pass the expression, by the style spec's evaluator. */
function idsPassingExpression(parks: readonly ParkFeature[], filter: FilterState): string[] {
  const { filter: passes } = featureFilter(parkFilterExpression(filter), 'filter');
  return toMapParks(parks)
    .features.filter((feature) =>
      passes({ zoom: 10 }, { type: 'Polygon', properties: feature.properties }),
    )
    .map((feature) => feature.properties.id)
    .sort();
}

describe('parkFilterExpression', () => {
  it('selects exactly the parks that visibleParks and parkPasses select', () => {
    fc.assert(
      fc.property(parksArb, filterArb, (parks, filter) => {
        const index = indexRegistry(buildRegistry({ parks: [...parks], projects: [] }));
        const byList = visibleParks(index, filter)
          .map((park) => park.properties.id)
          .sort();
        const byRule = parks
          .filter((park) => parkPasses(park.properties, filter))
          .map((park) => park.properties.id)
          .sort();
        const byMap = idsPassingExpression(parks, filter);
        expect(byMap).toEqual(byRule);
        expect(byList).toEqual(byRule);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on the sample registry under every single-chain filter', () => {
    const index = indexRegistry(registry);
    for (const chain of CHAIN_IDS) {
      const filter: FilterState = {
        chains: new Set([chain]),
        kinds: new Set(PARK_KINDS),
        levels: new Set(PARK_LEVELS),
        districts: new Set(DISTRICTS),
      };
      const byList = visibleParks(index, filter)
        .map((park) => park.properties.id)
        .sort();
      expect(idsPassingExpression(registry.parks, filter)).toEqual(byList);
    }
  });
});

describe('buildStyle', () => {
  const style = (visible: Parameters<typeof buildStyle>[0]['visible'], parkCount = 15) =>
    buildStyle({
      geoBaseUrl: 'https://example.test/geo/',
      chains: registry.chains,
      lang: 'zh',
      visible,
      parkCount,
    });

  it('is a valid MapLibre style, with the label filter on and off', () => {
    const all: FilterState = {
      chains: new Set(CHAIN_IDS),
      kinds: new Set(PARK_KINDS),
      levels: new Set(PARK_LEVELS),
      districts: new Set(DISTRICTS),
    };
    expect(validateStyleMin(style(parkFilterExpression(all)))).toEqual([]);
    expect(validateStyleMin(style(true))).toEqual([]);
  });

  it('is still valid in English and without chains (every chain colour falls back to grey)', () => {
    const english = buildStyle({
      geoBaseUrl: 'https://example.test/geo/',
      chains: [],
      lang: 'en',
      visible: true,
      parkCount: 15,
    });
    expect(validateStyleMin(english)).toEqual([]);
  });

  it('draws park names at every zoom up to the label-filter limit, beyond it only from close in', () => {
    const labelsOf = (parkCount: number) =>
      style(true, parkCount).layers.find((layer) => layer.id === LAYER.parksLabel);
    expect(labelsOf(1)?.minzoom).toBeUndefined();
    expect(labelsOf(LABELS_FILTERED_UP_TO)?.minzoom).toBeUndefined();
    expect(labelsOf(LABELS_FILTERED_UP_TO + 1)?.minzoom).toBe(LARGE_REGISTRY_LABELS_FROM_ZOOM);
    expect(validateStyleMin(style(true, 50_000))).toEqual([]);
    // Only the park names: the basemap's place names and every other layer keep their zooms.
    const small = style(true, 1).layers;
    const large = style(true, 50_000).layers;
    for (const [i, layer] of large.entries())
      if (layer.id !== LAYER.parksLabel) expect(layer).toEqual(small[i]);
  });

  it('names its layers and sources by the ids in map/ids.ts', () => {
    const built = style(true);
    expect(built.layers.map((layer) => layer.id)).toEqual([
      ...Object.values(BASEMAP_LAYER),
      ...Object.values(LAYER),
    ]);
    expect(Object.keys(built.sources).sort()).toEqual(Object.values(SOURCE).sort());
  });

  it('reports a broken layer, so the empty list above means something', () => {
    const broken = style(true);
    broken.layers.push({ id: 'broken', type: 'fill', source: 'nope' });
    expect(validateStyleMin(broken).map((error) => error.message)).toEqual([
      expect.stringContaining('source "nope" not found'),
    ]);
  });
});
