import { hasGeometry } from './registryPark';
import type {
  ParkFeature,
  ParkGeometry,
  ParkProperties,
  Registry,
  RegistryPark,
  TiledPark,
} from './schema';
import { TILES_FILES, TILES_INDEX_FORMAT } from './tilesIndex';
import type { IndexedPark, TilesIndex, TilesValidation } from './tilesIndex';

/**
 * Reading a tiled registry in the app (`?data=DIR/index.json`): index.json only, which
 * `npm run tiles` wrote after validating the registry, so the validator does not run (nor load)
 * here. What is checked is that the file is an index this app reads — its format, and the fields
 * the panels and the map rely on — so a broken or mismatched index is refused with a message
 * naming the file and the problem instead of failing somewhere in the panels.
 */

/** Where a tiled registry's files are, and when and by what it was validated. */
export interface TilesOrigin {
  /** The index's URL, absolute. */
  readonly indexUrl: string;
  /** The PMTiles archive's URL, absolute (the map prefixes `pmtiles://`). */
  readonly archiveUrl: string;
  /** The folder of per-park geometry files, absolute, ending in "/". */
  readonly geometryBaseUrl: string;
  readonly validated: TilesValidation;
  readonly bounds: readonly [number, number, number, number];
  readonly maxZoom: number;
}

/** A tiled registry as the explorer reads it. */
export interface TiledRegistry {
  readonly registry: Registry<TiledPark>;
  readonly origin: TilesOrigin;
}

/** The reading of an index: the registry, or the one-line reason it was refused. */
export type TiledRead =
  | { readonly ok: true; readonly value: TiledRegistry }
  | { readonly ok: false; readonly message: string };

type Shape = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Shape =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isNumbers = (value: unknown, length: number): value is number[] =>
  Array.isArray(value) &&
  value.length === length &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));
/** A file or folder beside the index: no slashes, so an index cannot send the app elsewhere. */
const isPlainName = (value: unknown): value is string =>
  typeof value === 'string' && /^[\w-][\w.-]*$/.test(value) && !value.includes('..');

/** What is wrong with one park entry, or null when the panels and the map can use it. */
function parkProblem(park: unknown): string | null {
  if (!isObject(park)) return 'is not an object';
  if (!isObject(park['name']) || !isText(park['name']['zh'])) return 'has no name.zh';
  for (const key of ['kind', 'level', 'district', 'boundary'] as const)
    if (!isText(park[key])) return `has no ${key}`;
  if (!Array.isArray(park['lead'])) return 'has no lead list';
  if (!Array.isArray(park['sources'])) return 'has no sources';
  if (!isNumbers(park['bbox'], 4)) return 'has no bbox of 4 numbers';
  if (!isNumbers(park['label'], 2)) return 'has no label point [lon, lat]';
  if (typeof park['area_km2_computed'] !== 'number' || !(park['area_km2_computed'] >= 0))
    return 'has no area_km2_computed';
  return null;
}

/** What is wrong with one project entry, or null. */
function projectProblem(project: unknown): string | null {
  if (!isObject(project)) return 'is not an object';
  if (!isObject(project['name']) || !isText(project['name']['zh'])) return 'has no name.zh';
  if (project['park'] !== null && !isText(project['park'])) return 'has no park (id or null)';
  if (!isText(project['chain'])) return 'has no chain';
  if (project['location'] !== undefined && !isNumbers(project['location'], 2))
    return 'has a location that is not [lon, lat]';
  return null;
}

/** The first problem of a list of records, as "park 12 (id) has no bbox", or null. */
function firstProblem(
  items: readonly unknown[],
  noun: string,
  problem: (item: unknown) => string | null,
): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const id = isObject(item) && isText(item['id']) ? item['id'] : null;
    if (id === null) return `${noun} ${i + 1} has no id`;
    if (seen.has(id)) return `${noun} ${id} appears twice`;
    seen.add(id);
    const found = problem(item);
    if (found !== null) return `${noun} ${id} ${found}`;
  }
  return null;
}

/** What is wrong with the index as a whole, or null when it is one this app reads. */
function indexProblem(value: unknown): string | null {
  if (!isObject(value)) return 'is not a JSON object';
  const format = value['format'];
  if (format === undefined)
    return 'is not a tiles index (it has no "format"); point ?data= at the index.json that npm run tiles writes';
  if (format !== TILES_INDEX_FORMAT)
    return `has format ${JSON.stringify(format)}, but this app reads "${TILES_INDEX_FORMAT}"; cut the tiles again with npm run tiles`;
  const validated = value['validated'];
  if (
    !isObject(validated) ||
    !isText(validated['at']) ||
    !isText(validated['by']) ||
    !isText(validated['registry_as_of'])
  )
    return 'has no "validated" record (at, by, registry_as_of)';
  if (!isPlainName(value['tiles'])) return 'has no "tiles" file name beside it';
  if (!isPlainName(value['park_geometry'])) return 'has no "park_geometry" folder name beside it';
  if (!isNumbers(value['bounds'], 4)) return 'has no "bounds" of 4 numbers';
  if (typeof value['max_zoom'] !== 'number') return 'has no "max_zoom"';
  for (const key of ['clusters', 'chains', 'parks', 'projects', 'firms'] as const)
    if (!Array.isArray(value[key])) return `has no "${key}" list`;
  return (
    firstProblem(value['parks'] as unknown[], 'park', parkProblem) ??
    firstProblem(value['projects'] as unknown[], 'project', projectProblem) ??
    firstProblem(value['chains'] as unknown[], 'chain', (chain) =>
      isObject(chain) && isText(chain['cluster']) && isText(chain['color'])
        ? null
        : 'has no cluster or color',
    )
  );
}

/** An index park as the explorer's park: properties apart, measures under `measured`. */
function toTiledPark(park: IndexedPark): TiledPark {
  const { bbox, area_km2_computed: areaKm2, label, ...properties } = park;
  return {
    type: 'Feature',
    properties: properties as ParkProperties,
    geometry: null,
    measured: { bbox, areaKm2, label },
  };
}

/**
 * Reads a parsed index.json fetched from `indexUrl`. `file` names it in the message (the path
 * the link gave). Refuses, with one line naming the file and the first problem, an index of
 * another format or one missing what the panels and the map read.
 */
export function readTilesIndex(value: unknown, indexUrl: string, file: string): TiledRead {
  const problem = indexProblem(value);
  if (problem !== null) return { ok: false, message: `${file} ${problem}` };
  const index = value as TilesIndex;
  const registry: Registry<TiledPark> = {
    asOf: index.validated.registry_as_of,
    clusters: index.clusters,
    chains: index.chains,
    parks: index.parks.map(toTiledPark),
    projects: index.projects,
    firms: index.firms,
  };
  const beside = (name: string): string => new URL(name, indexUrl).href;
  return {
    ok: true,
    value: {
      registry,
      origin: {
        indexUrl,
        archiveUrl: beside(index.tiles),
        geometryBaseUrl: beside(`${index.park_geometry}/`),
        validated: index.validated,
        bounds: index.bounds,
        maxZoom: index.max_zoom,
      },
    },
  };
}

/**
 * Fetches and reads index.json. Never rejects: an unreachable file, a page that is not JSON (a
 * host answering a missing file with the app's index.html) or a refused index is a message.
 */
export async function loadTiledRegistry(
  indexUrl: string,
  file: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TiledRead> {
  let text: string;
  try {
    const response = await fetchImpl(indexUrl);
    if (!response.ok)
      return { ok: false, message: `could not load ${file}: HTTP ${response.status}` };
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      message: `could not load ${file}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return {
      ok: false,
      message: /^\s*</.test(text)
        ? `${file} is not JSON: got an HTML page instead (is the file missing on the server?)`
        : `${file} is not valid JSON`,
    };
  }
  return readTilesIndex(value, indexUrl, file);
}

/** The URL of a park's exact geometry file in a tiled registry. */
export function parkGeometryUrl(origin: TilesOrigin, parkId: string): string {
  return new URL(`${encodeURIComponent(parkId)}.geojson`, origin.geometryBaseUrl).href;
}

/**
 * The given parks with their exact geometry: a park that carries it as it is, a tiled registry's
 * park from its own file (`origin` says where), fetched a few at a time (an export of thousands
 * of parks should not open thousands of requests at once). Rejects with a message naming the
 * first file that could not be read.
 */
export async function parkFeaturesOf(
  origin: TilesOrigin | null,
  parks: readonly RegistryPark[],
  fetchImpl: typeof fetch = fetch,
  parallel = 6,
): Promise<ParkFeature[]> {
  const features: ParkFeature[] = new Array<ParkFeature>(parks.length);
  let next = 0;
  const fetchOne = async (park: TiledPark): Promise<ParkFeature> => {
    const name = `${TILES_FILES.parkGeometry}/${park.properties.id}.geojson`;
    if (!origin)
      throw new Error(`${name}: the park has no geometry and no tiled registry to read it from`);
    const response = await fetchImpl(parkGeometryUrl(origin, park.properties.id)).catch(() => null);
    if (!response?.ok)
      throw new Error(
        `could not load ${name}: ${response ? `HTTP ${response.status}` : 'network error'}`,
      );
    const feature = (await response.json().catch(() => null)) as unknown;
    const geometry = isObject(feature) ? feature['geometry'] : null;
    if (
      !isObject(geometry) ||
      (geometry['type'] !== 'Polygon' && geometry['type'] !== 'MultiPolygon')
    )
      throw new Error(`${name} is not a GeoJSON feature with a Polygon or MultiPolygon`);
    // The index's properties, which the rest of the page showed, with the file's exact shape.
    return { type: 'Feature', properties: park.properties, geometry: geometry as ParkGeometry };
  };
  const worker = async (): Promise<void> => {
    while (next < parks.length) {
      const i = next++;
      const park = parks[i];
      if (park) features[i] = hasGeometry(park) ? park : await fetchOne(park);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, parks.length) }, worker));
  return features;
}
