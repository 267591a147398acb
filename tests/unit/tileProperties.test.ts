import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../src/data/enums';
import type { FilterState } from '../../src/domain/filter';
import type { Lang } from '../../src/domain/i18n';
import { TILE_FEATURE_ID, tileLayerProperties, type TileLayerName } from '../../src/map/features';
import { CLICKABLE_LAYERS, LAYER, SOURCE } from '../../src/map/ids';
import { LABELS_FILTERED_UP_TO, labelsFilteredFor } from '../../src/domain/parkLabels';
import { buildStyle, parkFilterExpression } from '../../src/map/style';
import { TILES_SOURCE, tiledStyle } from '../../src/map/tiledSource';
import { registry } from '../fixtures/sampleRegistry';
import { TILES_ORIGIN } from '../fixtures/tiled';

/**
 * The vector tiles carry exactly what the map reads on the tiles path, per kind of feature (parks,
 * their label points, projects; a label shares its park's archive layer). What it reads is derived
 * from the tiled style itself: every `get`/`has` in each tiled layer's filter, layout and paint,
 * with the label filter MapView sets for a registry of that size, plus the promoted id and, on the
 * layers a click queries, the id it reads. A style
 * that starts reading a property a tiled layer lacks fails here, and so does a layer that carries
 * a property nothing reads.
 */

/** The property names an expression or filter reads (`literal` values are data, not reads). */
function propertiesRead(value: unknown, into = new Set<string>()): Set<string> {
  if (!Array.isArray(value)) {
    if (value !== null && typeof value === 'object')
      for (const inner of Object.values(value)) propertiesRead(inner, into);
    return into;
  }
  const [operator, first] = value as unknown[];
  if (operator === 'literal') return into;
  if ((operator === 'get' || operator === 'has' || operator === '!has') && value.length === 2) {
    if (typeof first === 'string') into.add(first);
    return into;
  }
  for (const inner of value) propertiesRead(inner, into);
  return into;
}

/** Every filter passes: the label filter's expression as MapView first sets it. */
const EVERYTHING: FilterState = {
  chains: new Set(registry.chains.map((chain) => chain.id)),
  kinds: new Set(PARK_KINDS),
  levels: new Set(PARK_LEVELS),
  districts: new Set(DISTRICTS),
};

/** The style MapView gives a registry of `parkCount` parks in `lang`, before and after tiling. */
function mapStyles(
  parkCount: number,
  lang: Lang,
): { base: StyleSpecification; tiled: StyleSpecification } {
  const base = buildStyle({
    geoBaseUrl: 'http://example.test/geo/',
    chains: registry.chains,
    lang,
    visible: labelsFilteredFor(parkCount) ? parkFilterExpression(EVERYTHING) : true,
    parkCount,
  });
  return { base, tiled: tiledStyle(base, TILES_ORIGIN) };
}

/** The kind of tiled feature each GeoJSON source of the style held. */
const KIND_OF_SOURCE: Readonly<Record<string, TileLayerName>> = {
  [SOURCE.parks]: 'parks',
  [SOURCE.parkLabels]: 'labels',
  [SOURCE.projects]: 'projects',
};

/**
 * What the tiled layers read, per kind of feature (a layer's kind is the GeoJSON source it read
 * before tiling): their expressions, the promoted id of their archive layer, and the clicked id.
 */
function readsOf({ base, tiled }: ReturnType<typeof mapStyles>): Map<TileLayerName, Set<string>> {
  const kindOf = new Map(
    base.layers.flatMap((layer) => {
      const kind = 'source' in layer ? KIND_OF_SOURCE[layer.source] : undefined;
      return kind ? [[layer.id, kind] as const] : [];
    }),
  );
  const reads = new Map<TileLayerName, Set<string>>();
  const source = tiled.sources[TILES_SOURCE];
  const promoted = source?.type === 'vector' ? source.promoteId : undefined;
  for (const layer of tiled.layers) {
    if (!('source' in layer) || layer.source !== TILES_SOURCE) continue;
    const kind = kindOf.get(layer.id);
    const sourceLayer = layer['source-layer'];
    if (kind === undefined || sourceLayer === undefined)
      throw new Error(`${layer.id} has no kind or source-layer`);
    const read = reads.get(kind) ?? new Set<string>();
    reads.set(kind, read);
    propertiesRead([layer.filter, layer.layout, layer.paint], read);
    const id = typeof promoted === 'object' && promoted !== null ? promoted[sourceLayer] : promoted;
    if (typeof id === 'string') read.add(id);
    if ((CLICKABLE_LAYERS as readonly string[]).includes(layer.id)) read.add(TILE_FEATURE_ID);
  }
  return reads;
}

/** The properties of each kind the style reads that `parkCount`'s tiles do not carry. */
function missing(
  styles: ReturnType<typeof mapStyles>,
  parkCount: number,
): Record<string, string[]> {
  const carried = tileLayerProperties(parkCount);
  const out: Record<string, string[]> = {};
  for (const [kind, read] of readsOf(styles)) {
    const lacking = [...read].filter((property) => !carried[kind].includes(property as never));
    if (lacking.length > 0) out[kind] = lacking;
  }
  return out;
}

const SIZES = [1, LABELS_FILTERED_UP_TO, LABELS_FILTERED_UP_TO + 1, 50_000];

describe('the tile layer properties (tileLayerProperties)', () => {
  it('finds what a layer reads in filters, layouts and paints, and not in literals', () => {
    expect([
      ...propertiesRead([
        'all',
        ['has', 'a'],
        ['in', ['get', 'b'], ['literal', ['get', 'not-read']]],
        { 'text-field': ['coalesce', ['get', 'c'], ['get', 'd']] },
      ]),
    ]).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each(SIZES)(
    'carry every property the tiled style reads at %i parks, in Chinese and English',
    (parkCount) => {
      for (const lang of ['zh', 'en'] as const)
        expect(missing(mapStyles(parkCount, lang), parkCount)).toEqual({});
    },
  );

  it.each(SIZES)('carry nothing the tiled style does not read at %i parks', (parkCount) => {
    const read = readsOf(mapStyles(parkCount, 'zh'));
    for (const [kind, names] of readsOf(mapStyles(parkCount, 'en')))
      for (const name of names) read.get(kind)?.add(name);
    const carried = tileLayerProperties(parkCount);
    for (const layer of Object.keys(carried) as TileLayerName[])
      expect([...carried[layer]].sort(), layer).toEqual([...(read.get(layer) ?? [])].sort());
  });

  it('filter labels by chain, kind, level and district only where the map filters them', () => {
    const small = tileLayerProperties(LABELS_FILTERED_UP_TO).labels;
    const large = tileLayerProperties(LABELS_FILTERED_UP_TO + 1).labels;
    for (const field of ['chain_a', 'chain_b', 'kind', 'level', 'district'] as const) {
      expect(small).toContain(field);
      expect(large).not.toContain(field);
    }
  });

  it('report a style that reads a property a tiled layer lacks, so the checks above can fail', () => {
    const styles = mapStyles(50_000, 'zh');
    for (const style of [styles.base, styles.tiled]) {
      const fill = style.layers.find((layer) => layer.id === LAYER.parksFill);
      const reading = {
        ...fill,
        id: 'reads-a-name',
        type: 'symbol',
        layout: { 'text-field': ['get', 'name_zh'] },
        paint: {},
      } as LayerSpecification;
      style.layers.push(reading);
    }
    expect(missing(styles, 50_000)).toEqual({ parks: ['name_zh'] });
  });
});
