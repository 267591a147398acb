import {
  addProtocol,
  type ExpressionSpecification,
  type FeatureIdentifier,
  type FilterSpecification,
  type LayerSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import type { TilesOrigin } from '../data/tiledRegistry';
import { TILE_ARCHIVE_LAYER, type TileLayerName } from './features';
import { SOURCE } from './ids';

/**
 * The map on a tiled registry (`?data=DIR/index.json`): the parks, their labels and the projects
 * come from one vector source reading the PMTiles archive instead of three GeoJSON sources, with
 * the same layers and paint (style.ts) pointed at its source-layers, so filter, hover and
 * selection work by the same feature-states. Only the source and the feature addresses differ;
 * MapView asks this module for both.
 */

/** The vector source of a tiled registry. */
export const TILES_SOURCE = 'registry-tiles';

/** The kind of tiled feature (scripts/lib/vectorTiles.ts) behind each GeoJSON source of the style. */
const SOURCE_KIND: Readonly<Record<string, TileLayerName>> = {
  [SOURCE.parks]: 'parks',
  [SOURCE.parkLabels]: 'labels',
  [SOURCE.projects]: 'projects',
};

/** The archive layer a GeoJSON source's features are in, or undefined for any other source. */
function archiveLayerOf(source: string): string | undefined {
  const kind = SOURCE_KIND[source];
  return kind === undefined ? undefined : TILE_ARCHIVE_LAYER[kind];
}

const IS_POINT: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const IS_NOT_POINT: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];

/**
 * A layer's filter on the archive: a park's label point and its polygon share the parks layer, so
 * the label layer keeps to points and the park layers to the rest.
 */
export function tiledFilter(
  source: string,
  filter: FilterSpecification | undefined,
): FilterSpecification | undefined {
  const kind = SOURCE_KIND[source];
  if (kind !== 'parks' && kind !== 'labels') return filter;
  const geometry = kind === 'labels' ? IS_POINT : IS_NOT_POINT;
  if (filter === undefined || filter === true) return geometry;
  // The style's filters are expressions (style.ts), never the legacy filter syntax.
  return ['all', geometry, filter as ExpressionSpecification];
}

/**
 * Whether a source's features carry feature-states of their own. On the archive a label shares
 * its park's (same layer, same id), so setting the park's hides both.
 */
export function hasOwnFeatureState(tiled: boolean, source: string): boolean {
  return (
    !tiled || source === SOURCE.parks || archiveLayerOf(source) !== archiveLayerOf(SOURCE.parks)
  );
}

let registered = false;

/**
 * Registers the `pmtiles://` protocol, once. The reader (the `pmtiles` package) is imported on
 * the first tile request, not here, so that the map chunk of a registry loaded whole does not
 * carry it; the handler itself is registered at once because the style's source asks for tiles
 * as soon as the map exists.
 */
export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  let reader: Promise<Protocol> | undefined;
  addProtocol('pmtiles', async (params, abort) => {
    reader ??= import('pmtiles').then((pmtiles) => new pmtiles.Protocol());
    // The untyped branch is the TileJSON object the reader makes from the archive's header.
    return (await (await reader).tilev4(params, abort)) as ProtocolResponse;
  });
}

type ProtocolResponse = Awaited<ReturnType<Parameters<typeof addProtocol>[1]>>;

/** The property a GeoJSON source of the style promotes to feature id, which its source-layer keeps. */
function promotedIdOf(style: StyleSpecification, sourceId: string): string {
  const source = style.sources[sourceId];
  const promoted = source?.type === 'geojson' ? source.promoteId : undefined;
  if (typeof promoted !== 'string')
    throw new Error(`the style's ${sourceId} source promotes no id`);
  return promoted;
}

/**
 * The style with the parks, labels and projects read from the archive: the three GeoJSON sources
 * become one vector source (each archive layer promotes the property its GeoJSON sources
 * promoted, so feature-state addresses parks and projects as before), and each layer that read
 * them reads its archive layer, with {@link tiledFilter}. Everything else is kept as it is.
 */
export function tiledStyle(style: StyleSpecification, origin: TilesOrigin): StyleSpecification {
  const sources = Object.fromEntries(
    Object.entries(style.sources).filter(([id]) => archiveLayerOf(id) === undefined),
  );
  const layers = style.layers.map((layer): LayerSpecification => {
    if (!('source' in layer)) return layer;
    const sourceLayer = archiveLayerOf(layer.source);
    if (sourceLayer === undefined) return layer;
    const filter = tiledFilter(layer.source, 'filter' in layer ? layer.filter : undefined);
    return {
      ...layer,
      source: TILES_SOURCE,
      'source-layer': sourceLayer,
      ...(filter === undefined ? {} : { filter }),
    } as LayerSpecification;
  });
  const promoteId: Record<string, string> = {};
  for (const source of Object.keys(SOURCE_KIND)) {
    const layer = archiveLayerOf(source) ?? source;
    const promoted = promotedIdOf(style, source);
    if ((promoteId[layer] ??= promoted) !== promoted)
      throw new Error(`the style's sources in the archive's ${layer} layer promote different ids`);
  }
  return {
    ...style,
    sources: {
      ...sources,
      [TILES_SOURCE]: {
        type: 'vector',
        tiles: [`pmtiles://${origin.archiveUrl}/{z}/{x}/{y}`],
        minzoom: 0,
        maxzoom: origin.maxZoom,
        bounds: [...origin.bounds],
        promoteId,
      },
    },
    layers,
  };
}

/**
 * How MapView names a feature for feature-state: by the GeoJSON source on a registry loaded
 * whole, by the vector source and its source-layer on a tiled one.
 */
export function featureAddress(tiled: boolean): (source: string, id: string) => FeatureIdentifier {
  if (!tiled) return (source, id) => ({ source, id });
  return (source, id) => ({ source: TILES_SOURCE, sourceLayer: archiveLayerOf(source), id });
}
