import { loadRegistryWithImport } from '../data/loadOffMainThread';
import type { LoadedData } from '../data/persist';
import type { TiledRegistry } from '../data/tiledRegistry';
import { TILES_FILES } from '../data/tilesIndex';
import { loadConfig, type AppConfig } from './config';

/** Base URL of the basemap and data files: beside the built app, so a deployment can replace them. */
export const GEO_BASE_URL = new URL('geo/', document.baseURI).href;

/** What `?data=` asks for: a registry folder, a tiled registry's index, or nothing usable. */
type DataRequest =
  | { readonly kind: 'folder'; readonly url: string }
  | { readonly kind: 'tiles'; readonly url: string; readonly file: string };

/**
 * Where the park registry is read from: geo/ unless `?data=` names another place on the same
 * site — a folder, `DIR/` (for benchmarks and for checking a data update before it replaces
 * geo/), or a tiled registry's index, `DIR/index.json` (written by `npm run tiles`; only then is
 * the registry read from tiles, and the app never looks for an index it was not pointed at).
 * Anything that is not a plain relative path is ignored, so a link cannot point the app at
 * another origin.
 */
function dataRequest(): DataRequest {
  const requested = new URLSearchParams(window.location.search).get('data');
  const plain =
    !!requested &&
    /^[\w./-]+$/.test(requested) &&
    !requested.includes('..') &&
    !requested.startsWith('/');
  if (plain && requested.endsWith('/'))
    return { kind: 'folder', url: new URL(requested, document.baseURI).href };
  if (plain && (requested === TILES_FILES.index || requested.endsWith(`/${TILES_FILES.index}`)))
    return { kind: 'tiles', url: new URL(requested, document.baseURI).href, file: requested };
  return { kind: 'folder', url: GEO_BASE_URL };
}

let webGl2: boolean | undefined;

/** WebGL 2 is what MapLibre needs; without it the rest of the app still works. Probed once. */
export function hasWebGl2(): boolean {
  if (webGl2 === undefined) {
    try {
      webGl2 = !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webGl2 = false;
    }
  }
  return webGl2;
}

/**
 * What the explorer starts from: the shipped and imported registries, or a tiled registry's
 * index; and the deployment's settings.
 */
export type AppData =
  | { readonly kind: 'registry'; readonly data: LoadedData; readonly config: AppConfig }
  | { readonly kind: 'tiles'; readonly tiled: TiledRegistry; readonly config: AppConfig };

/**
 * Loads everything the explorer needs at once: the registry with the stored import, if any
 * (fetched and validated in a worker; the import replaces the shipped parks) — or, pointed at a
 * tiled registry, its index, which `npm run tiles` validated when it cut the tiles — and
 * config.json. The map's code and workers start loading meanwhile, so that the map is created as
 * soon as the registry is in. Rejects with a one-line message naming the file when an index is
 * refused: there is no registry to show then.
 */
export async function loadAppData(): Promise<AppData> {
  if (hasWebGl2()) void import('../map/MapView').then(({ prewarmMap }) => prewarmMap());
  const request = dataRequest();
  const config = loadConfig(new URL('config.json', document.baseURI).href);
  if (request.kind === 'tiles') {
    // The reader loads only on this path, so a registry loaded whole does not carry it.
    const { loadTiledRegistry } = await import('../data/tiledRegistry');
    const [read, settings] = await Promise.all([
      loadTiledRegistry(request.url, request.file),
      config,
    ]);
    if (!read.ok) throw new Error(read.message);
    return { kind: 'tiles', tiled: read.value, config: settings };
  }
  const [data, settings] = await Promise.all([loadRegistryWithImport(request.url), config]);
  return { kind: 'registry', data, config: settings };
}
