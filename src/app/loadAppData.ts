import { loadRegistryWithImport } from '../data/loadOffMainThread';
import type { LoadedData } from '../data/persist';
import { loadConfig, type AppConfig } from './config';

/** Base URL of the basemap and data files: beside the built app, so a deployment can replace them. */
export const GEO_BASE_URL = new URL('geo/', document.baseURI).href;

/**
 * Where the park registry is read from: geo/ unless `?data=DIR/` names another folder of the same
 * site (for benchmarks and for checking a data update before it replaces geo/). Anything that is not
 * a plain relative path is ignored, so a link cannot point the app at another origin.
 */
function registryBaseUrl(): string {
  const requested = new URLSearchParams(window.location.search).get('data');
  if (
    !requested ||
    !/^[\w./-]+\/$/.test(requested) ||
    requested.includes('..') ||
    requested.startsWith('/')
  ) {
    return GEO_BASE_URL;
  }
  return new URL(requested, document.baseURI).href;
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

/** What the explorer starts from: the shipped and imported registries, and the deployment's settings. */
export interface AppData {
  readonly data: LoadedData;
  readonly config: AppConfig;
}

/**
 * Loads everything the explorer needs at once: the registry with the stored import, if any
 * (fetched and validated in a worker; the import replaces the shipped parks) and config.json.
 * The map's code and workers start loading meanwhile, so that the map is created as soon as the
 * registry is in.
 */
export async function loadAppData(): Promise<AppData> {
  if (hasWebGl2()) void import('../map/MapView').then(({ prewarmMap }) => prewarmMap());
  const [data, config] = await Promise.all([
    loadRegistryWithImport(registryBaseUrl()),
    loadConfig(new URL('config.json', document.baseURI).href),
  ]);
  return { data, config };
}
