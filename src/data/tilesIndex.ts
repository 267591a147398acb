import type { Chain, Cluster, ParkGeometry, ParkProperties, Project } from './schema';
import type { FirmSummary, ParkMeasured, ParkSummary, RegistryProject } from './registry';

/**
 * The slim index written beside a tiled registry by `npm run tiles`: every park's summary (the
 * fields the list, filters, search, statistics, chain view and map read; schema.ts's
 * `PARK_SUMMARY_FIELDS`) without its geometry, plus what the panels would otherwise compute from
 * the geometry, every project's summary, and the registry's chains, clusters and firms. With it the
 * app can list, filter, search and count a registry of tens of thousands of parks while the map
 * reads the geometry from the tiles. The rest of each park's record and of its projects' (sources,
 * notes, bases, free-text industries: what only the detail and the exports show, and most of the
 * bytes) is in the park's own file, {@link ParkFile}, fetched when one of those needs it.
 *
 * The chains and the firms' summaries are in the index (rather than fetched from chains.json and
 * firms.json beside it) so that index.json is one snapshot of what was validated: a chains.json
 * edited after the cut cannot pair new colours or segments with old tiles and counts. A firm's
 * sources and note, which no view on the page shows, stay in firms.json.
 */

/**
 * The file names of a tiled registry, beside chains.json, parks.geojson, projects.json and
 * firms.json: the index, the archive, and the folder of per-park files. The folder is named for
 * what its files hold, each park's whole record (properties, exact geometry, projects), and not
 * `parks/`, so that a cut, which replaces the folder whole, never deletes a folder of the user's by
 * that common name.
 */
export const TILES_FILES = {
  index: 'index.json',
  archive: 'tiles.pmtiles',
  parkRecords: 'park-records',
} as const;

/**
 * Format tag and version of index.json and of the archive beside it: bump the version when its
 * fields or the archive's layers change meaning. Version 2 added `clusters`, `chains`, `firms`
 * and `park_geometry`. Version 3 cut parks and projects to their summaries and moved their full
 * records into `park_records` (one {@link ParkFile} per park, in place of version 2's
 * geometry-only files). Version 4's archive holds the label points in the parks layer and gives
 * each project point its park, the id the map hides it by; a version 3 archive drawn by this map
 * would lose its park names and keep hidden parks' points.
 */
export const TILES_INDEX_FORMAT = 'zpe-tiles-index/4';

/**
 * A park as the index has it: its summary and what its geometry gives (`bbox`,
 * `area_km2_computed`). Indexes cut by earlier versions of `npm run tiles` also carry a `label` point per
 * park; nothing reads it (the map's labels are in the tiles' own layer), so the cutter no longer
 * writes it and the reader ignores it. That is why the format stayed at 3: no field changed
 * meaning, and an index with or without it is read the same.
 */
export interface IndexedPark extends ParkSummary, ParkMeasured {}

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
   * The folder, relative to the index, holding one `ID.geojson` per park: a {@link ParkFile} with
   * the park's full record, its exact geometry (the tiles' is clipped and simplified) and its
   * projects' full records.
   */
  readonly park_records: string;
  /** [west, south, east, north] of all parks. */
  readonly bounds: readonly [number, number, number, number];
  /** The deepest zoom in the archive. */
  readonly max_zoom: number;
  readonly clusters: readonly Cluster[];
  readonly chains: readonly Chain[];
  /** In the list's order (`compareParks`), as `npm run tiles` writes them; any order is read. */
  readonly parks: readonly IndexedPark[];
  /**
   * A project with a park as its summary (its full record is in the park's file); a project
   * without a park (park null) whole, as it has no park file to be in.
   */
  readonly projects: readonly RegistryProject[];
  /** The firms' summaries ({@link FirmSummary}); their sources and notes are in firms.json. */
  readonly firms: readonly FirmSummary[];
}

/**
 * One park's file in `park_records/` (`ID.geojson`): a GeoJSON Feature, so any GIS reads the park
 * with its full properties and exact geometry, with two foreign members (RFC 7946 §6.1) the app
 * reads: the full records of the park's projects, in registry order, and the cut the file belongs
 * to. `validated_at` is the index's `validated.at`: a host that serves a folder from one cut beside
 * an index from another is told so instead of mixing two registries on one page.
 */
export interface ParkFile {
  readonly type: 'Feature';
  readonly properties: ParkProperties;
  readonly geometry: ParkGeometry;
  readonly projects: readonly Project[];
  readonly validated_at: string;
}
