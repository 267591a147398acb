import { TILES_FILES } from '../src/data/tilesIndex';
import { LAYER } from '../src/map/ids';
import type { OpenPage } from './measure';
import type { ProbeWindow } from './probe/maplibre';

/**
 * Which data path the app took when it was opened on a tiled registry. The app is not asked: the
 * benchmark reads what the map draws from and what the page fetched, so a page that fell back to
 * GeoJSON (an app without the tiles path, or one that ignored `?data=…/index.json`) is reported
 * as "not on tiles" rather than as tiles numbers.
 */

/** The evidence, and the verdict drawn from it. */
export interface TilesPathCheck {
  /** The parks fill layer's source is a vector source and the page requested the registry's archive. */
  readonly onTiles: boolean;
  /** Type of the source the parks fill layer draws from (`vector`, `geojson`), or null without one. */
  readonly parksSource: string | null;
  /** The page requested `DIR/tiles.pmtiles` (byte ranges). */
  readonly archiveRequested: boolean;
  /** The page requested `DIR/parks.geojson`, the whole registry's geometry. */
  readonly geojsonRequested: boolean;
  /** The map container's `data-source` attribute, if the app sets one. */
  readonly declared: string | null;
  /** One line saying what was seen, for the log and the table. */
  readonly summary: string;
}

/**
 * Reads the path a loaded page took. `dataDir` is the registry folder's URL path on the server
 * (e.g. `/bench-data/10k/`).
 */
export async function checkTilesPath(open: OpenPage, dataDir: string): Promise<TilesPathCheck> {
  const seen = await open.page
    .evaluate((layerId) => {
      const map = (window as unknown as ProbeWindow).__zpeBenchMaps?.at(-1)?.map;
      const declared = document.querySelector<HTMLElement>('.map')?.dataset['source'] ?? null;
      // getLayer/getSource, not getStyle(): serialising the style would copy a GeoJSON source's
      // whole data, seconds and hundreds of megabytes at 50k parks.
      const sourceId = map?.getLayer(layerId)?.source;
      const source = sourceId ? map?.getSource(sourceId) : undefined;
      return { parksSource: source?.type ?? null, declared };
    }, LAYER.parksFill)
    .catch(() => ({ parksSource: null, declared: null }));
  const archiveRequested = open.dataRequests.has(`${dataDir}${TILES_FILES.archive}`);
  const geojsonRequested = open.dataRequests.has(`${dataDir}parks.geojson`);
  const onTiles = seen.parksSource === 'vector' && archiveRequested;
  const summary = [
    `parks source ${seen.parksSource ?? 'none'}`,
    `${TILES_FILES.archive} ${archiveRequested ? '' : 'not '}requested`,
    `parks.geojson ${geojsonRequested ? '' : 'not '}requested`,
    ...(seen.declared === null ? [] : [`data-source="${seen.declared}"`]),
  ].join(', ');
  return { onTiles, ...seen, archiveRequested, geojsonRequested, summary };
}
