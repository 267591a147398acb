import {
  addProtocol,
  type FeatureIdentifier,
  type LayerSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import type { TilesOrigin } from '../data/tiledRegistry';
import type { TileLayerName } from './features';
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

/** The archive's layer (scripts/lib/vectorTiles.ts) behind each GeoJSON source of the style. */
const SOURCE_LAYER: Readonly<Record<string, TileLayerName>> = {
  [SOURCE.parks]: 'parks',
  [SOURCE.parkLabels]: 'labels',
  [SOURCE.projects]: 'projects',
};

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
 * become one vector source (each source-layer promotes the property its GeoJSON source promoted, so
 * feature-state addresses parks and projects as before), and each layer that read them reads its source-layer. Everything else of
 * the style is kept as it is.
 */
export function tiledStyle(style: StyleSpecification, origin: TilesOrigin): StyleSpecification {
  const sources = Object.fromEntries(
    Object.entries(style.sources).filter(([id]) => !(id in SOURCE_LAYER)),
  );
  const layers = style.layers.map((layer): LayerSpecification => {
    const sourceLayer = 'source' in layer ? SOURCE_LAYER[layer.source] : undefined;
    return sourceLayer === undefined
      ? layer
      : ({ ...layer, source: TILES_SOURCE, 'source-layer': sourceLayer } as LayerSpecification);
  });
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
        promoteId: Object.fromEntries(
          Object.entries(SOURCE_LAYER).map(([source, layer]) => [
            layer,
            promotedIdOf(style, source),
          ]),
        ),
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
  return (source, id) => ({ source: TILES_SOURCE, sourceLayer: SOURCE_LAYER[source], id });
}
