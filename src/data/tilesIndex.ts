import type { Chain, Cluster, Firm, ParkProperties, Project } from './schema';

/**
 * The slim index written beside a tiled registry by `npm run tiles`: every park's properties
 * without its geometry, plus what the panels would otherwise compute from the geometry, every
 * project, and the registry's chains, clusters and firms. With it the app can list, filter,
 * search and count a registry of tens of thousands of parks while the map reads the geometry
 * from the tiles.
 *
 * The chains and firms are in the index (rather than fetched from chains.json and firms.json
 * beside it) so that index.json is one snapshot of what was validated: a chains.json edited
 * after the cut cannot pair new colours or segments with old tiles and counts.
 */

/**
 * The file names of a tiled registry, beside chains.json, parks.geojson, projects.json and
 * firms.json: the index, the archive, and the folder of per-park geometry files.
 */
export const TILES_FILES = {
  index: 'index.json',
  archive: 'tiles.pmtiles',
  parkGeometry: 'park-geometry',
} as const;

/**
 * Format tag and version of index.json: bump the version when its fields change meaning.
 * Version 2 added `clusters`, `chains`, `firms` and `park_geometry`.
 */
export const TILES_INDEX_FORMAT = 'zpe-tiles-index/2';

/** A park as the index has it: its properties and what its geometry gives. */
export interface IndexedPark extends ParkProperties {
  /** [west, south, east, north] of the park's geometry. */
  readonly bbox: readonly [number, number, number, number];
  /** The geodesic area of the park's geometry, km² (holes subtracted). */
  readonly area_km2_computed: number;
  /** Where the park's label goes: inside the park, [lon, lat]. */
  readonly label: readonly [number, number];
}

/** Where and when the registry behind the tiles was validated. */
export interface TilesValidation {
  /** ISO 8601 time of the validation (the time the tiles were cut). */
  readonly at: string;
  /** The tool that validated it, e.g. "npm run tiles". */
  readonly by: string;
  /** The registry's own as-of date. */
  readonly registry_as_of: string;
  /** sha256 of each registry file as validated, by file name, so a changed file shows the tiles are stale. */
  readonly sha256: Readonly<Record<string, string>>;
}

/** index.json. */
export interface TilesIndex {
  readonly format: typeof TILES_INDEX_FORMAT;
  readonly validated: TilesValidation;
  /** The archive's file name, relative to the index. */
  readonly tiles: string;
  /**
   * The folder, relative to the index, holding one `ID.geojson` Feature per park with its exact
   * geometry (the tiles' geometry is clipped and simplified).
   */
  readonly park_geometry: string;
  /** [west, south, east, north] of all parks. */
  readonly bounds: readonly [number, number, number, number];
  /** The deepest zoom in the archive. */
  readonly max_zoom: number;
  readonly clusters: readonly Cluster[];
  readonly chains: readonly Chain[];
  /** In the list's order (`compareParks`), as `npm run tiles` writes them; any order is read. */
  readonly parks: readonly IndexedPark[];
  readonly projects: readonly Project[];
  readonly firms: readonly Firm[];
}
