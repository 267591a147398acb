import { fetchJson } from './fetchJson';
import type { FirmSummary, Registry, RegistryProject, TiledPark } from './registry';
import { TILES_INDEX_FORMAT } from './tilesIndex';
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
  /** The index as the link named it (`reg/index.json`), for messages. */
  readonly indexFile: string;
  /** The PMTiles archive's URL, absolute (the map prefixes `pmtiles://`). */
  readonly archiveUrl: string;
  /** The folder of per-park files (`park-records/`), absolute, ending in "/". */
  readonly parkFilesUrl: string;
  /** That folder as messages name it: beside {@link TilesOrigin.indexFile}, ending in "/". */
  readonly parkFilesName: string;
  readonly validated: TilesValidation;
  readonly bounds: readonly [number, number, number, number];
  readonly maxZoom: number;
}

/** A tiled registry as the explorer reads it. */
export interface TiledRegistry {
  readonly registry: Registry<TiledPark, RegistryProject, FirmSummary>;
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

/**
 * What is wrong with one park entry, or null when the panels and the map can use it: the summary
 * fields they read (schema.ts's PARK_SUMMARY_FIELDS) and the measures of its geometry.
 */
function parkProblem(park: unknown): string | null {
  if (!isObject(park)) return 'is not an object';
  if (!isObject(park['name']) || !isText(park['name']['zh'])) return 'has no name.zh';
  for (const key of ['kind', 'level', 'district', 'boundary'] as const)
    if (!isText(park[key])) return `has no ${key}`;
  if (park['zone'] !== null && !isText(park['zone'])) return 'has no zone (id or null)';
  if (!Array.isArray(park['lead'])) return 'has no lead list';
  if (!park['lead'].every(isText)) return 'has a lead chain that is not a non-empty string';
  // Required, not read as none when absent (as the registry schema reads it): an index without
  // it was cut before aliases were in the summary, and its parks do have aliases, which search
  // would then silently not find. Cutting again gives them.
  if (!Array.isArray(park['aliases']))
    return 'has no aliases list (the index was cut before aliases were in it; cut the tiles again with npm run tiles)';
  if (!park['aliases'].every(isText)) return 'has an alias that is not a non-empty string';
  if (park['area_km2'] !== null && typeof park['area_km2'] !== 'number')
    return 'has no area_km2 (a number or null)';
  if (!isNumbers(park['bbox'], 4)) return 'has no bbox of 4 numbers';
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
  if (!isPlainName(value['park_records'])) return 'has no "park_records" folder name beside it';
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

/**
 * One copy of each string value: `JSON.parse` gives every record its own copy of the values it
 * shares with thousands of others (its park's id, its chain, segment, status, district), which at
 * 50,000 parks and 150,000 projects is about a quarter of the parsed index's heap.
 */
function createStringPool(): <T extends string | null | undefined>(value: T) => T {
  const pool = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string') return value;
    const shared = pool.get(value);
    if (shared !== undefined) return shared as typeof value;
    pool.set(value, value);
    return value;
  };
}

type Share = ReturnType<typeof createStringPool>;

/**
 * One frozen copy of each lead list, its ids shared: 50,000 parks have a few dozen different ones
 * (one lead chain, sometimes two), and a list per park was 1.4 MB of the page's heap. Frozen,
 * because parks share it: nothing on the page changes a park's lead in place.
 */
function createLeadPool(share: Share): (lead: readonly string[]) => string[] {
  const pool = new Map<string, string[]>();
  return (lead) => {
    const key = JSON.stringify(lead);
    const known = pool.get(key);
    if (known !== undefined) return known;
    const shared = Object.freeze(lead.map(share)) as string[];
    pool.set(key, shared);
    return shared;
  };
}

const NO_ALIASES = Object.freeze([]) as readonly string[] as string[];

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An index park as the explorer's park. The parse's own entry is both its summary and its
 * measures, its repeated values (and its lead list) shared in place: no one else holds it, and a
 * copy (a properties object, a lead list and a measures record per park) was 8.5 MB of the page's
 * heap at 50,000 parks. The summary thus also carries `bbox` and `area_km2_computed` (and an older cut's unread
 * `label`), which no reader of a ParkSummary sees.
 */
function toTiledPark(
  park: IndexedPark,
  share: Share,
  shareLead: ReturnType<typeof createLeadPool>,
): TiledPark {
  const entry = park as Writable<IndexedPark>;
  entry.id = share(park.id);
  entry.kind = share(park.kind);
  entry.zone = share(park.zone);
  entry.level = share(park.level);
  entry.district = share(park.district);
  entry.boundary = share(park.boundary);
  entry.lead = shareLead(park.lead);
  // Most parks have none: one shared empty list instead of one per park.
  if (park.aliases.length === 0) entry.aliases = NO_ALIASES;
  return { type: 'Feature', properties: entry, geometry: null, measured: entry };
}

/**
 * Shares the project's repeated values. In place: the record is the parse's own and no one else
 * holds it, and a copy of 150,000 projects would double their heap while the page starts.
 */
function shareProjectValues(project: RegistryProject, share: Share): void {
  const shared = project as Writable<RegistryProject>;
  shared.park = share(project.park);
  shared.chain = share(project.chain);
  shared.segment = share(project.segment);
  shared.status = share(project.status);
}

/**
 * Reads a parsed index.json fetched from `indexUrl`, taking over `value` (its parks and projects
 * are kept and changed in place, not copied). `file` names it in the message (the path the link gave). Refuses, with one line naming the file and the first problem, an index of
 * another format or one missing what the panels and the map read.
 */
export function readTilesIndex(value: unknown, indexUrl: string, file: string): TiledRead {
  const problem = indexProblem(value);
  if (problem !== null) return { ok: false, message: `${file} ${problem}` };
  const index = value as TilesIndex;
  const share = createStringPool();
  const shareLead = createLeadPool(share);
  // The parse's own lists too: each park's entry is replaced by the park made of it, each project
  // is changed in place, instead of two more lists of 50,000 and 150,000.
  const parks = index.parks as unknown as (IndexedPark | TiledPark)[];
  parks.forEach((park, i) => (parks[i] = toTiledPark(park as IndexedPark, share, shareLead)));
  for (const project of index.projects) shareProjectValues(project, share);
  const registry: Registry<TiledPark, RegistryProject, FirmSummary> = {
    asOf: index.validated.registry_as_of,
    clusters: index.clusters,
    chains: index.chains,
    parks: parks as TiledPark[],
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
        indexFile: file,
        archiveUrl: beside(index.tiles),
        parkFilesUrl: beside(`${index.park_records}/`),
        parkFilesName: `${file.slice(0, file.lastIndexOf('/') + 1)}${index.park_records}/`,
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
  const read = await fetchJson(indexUrl, file, fetchImpl);
  return read.ok ? readTilesIndex(read.value, indexUrl, file) : read;
}
