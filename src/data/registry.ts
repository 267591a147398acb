/**
 * The registry in memory, as the app and the tools hold it: whole records (each passed its schema
 * in schema.ts), or a tiled registry's summaries of them. schema.ts says what the files hold; this
 * module what a loaded registry is made of.
 */
import type { Chain, Cluster, Firm, ParkFeature, ParkProperties, Project } from './schema';

/**
 * The park fields that the list, the filters, the search, the statistics, the chain view, the
 * legend, the map and the URL read: a tiled registry's index.json carries only these for each park
 * (since index format 3), and the rest of the record (sources, notes, bases, free-text industries, which
 * only the park's detail and the exports show) is in the park's own file. Decided from what those
 * views read, not from what is small: `boundary` is the honesty marker the list and the map show,
 * `aliases` the other names the search matches (高新区, 镇江综保区).
 */
export const PARK_SUMMARY_FIELDS = [
  'id',
  'name',
  'kind',
  'zone',
  'level',
  'district',
  'lead',
  'area_km2',
  'boundary',
  'aliases',
] as const satisfies readonly (keyof ParkProperties)[];

/** A park's fields in a tiled registry's index: see {@link PARK_SUMMARY_FIELDS}. */
export type ParkSummary = Pick<ParkProperties, (typeof PARK_SUMMARY_FIELDS)[number]>;

/**
 * The project fields the same views read (the chain view's lists and counts, the map's points, the
 * park list's off-focus flag, the statistics): what index.json carries of a project that has a
 * park. A project without a park has no park file and stays whole in the index.
 */
export const PROJECT_SUMMARY_FIELDS = [
  'id',
  'name',
  'park',
  'chain',
  'segment',
  'status',
  'year',
  'investment_cny_100m',
  'location',
] as const satisfies readonly (keyof Project)[];

/** A project's fields in a tiled registry's index: see {@link PROJECT_SUMMARY_FIELDS}. */
export type ProjectSummary = Pick<Project, (typeof PROJECT_SUMMARY_FIELDS)[number]>;

/**
 * The firm fields the chain view reads (its counts, lists and placements; chains/types.ts's
 * FirmLike): what index.json carries of a firm. The sources and note, which no view on the page
 * shows, stay in firms.json beside the index, which `npm run tiles` validated with it.
 */
export const FIRM_SUMMARY_FIELDS = [
  'id',
  'name',
  'park',
  'chain',
  'segments',
  'role',
] as const satisfies readonly (keyof Firm)[];

/** A firm's fields in a tiled registry's index: see {@link FIRM_SUMMARY_FIELDS}. */
export type FirmSummary = Pick<Firm, (typeof FIRM_SUMMARY_FIELDS)[number]>;

/**
 * What a park's geometry gives, worked out ahead where the geometry is not in memory. Named as
 * index.json names them: the reader hands the index's own park entry over as this record (and as
 * the summary) instead of copying 50,000 of them.
 */
export interface ParkMeasured {
  /** [west, south, east, north]. */
  readonly bbox: readonly [number, number, number, number];
  /** Geodesic area, km², holes subtracted. */
  readonly area_km2_computed: number;
}

/**
 * A park of a tiled registry (index.json): its summary and its precomputed measures. Its geometry
 * is in the map's tiles and, with its full record, in a file of its own, never in memory, hence
 * `null` (as RFC 7946 writes a feature without geometry).
 */
export interface TiledPark {
  readonly type: 'Feature';
  readonly properties: ParkSummary;
  readonly geometry: null;
  readonly measured: ParkMeasured;
}

/**
 * A park as the panels and the map read it: whole with its geometry, or a tiled registry's
 * summary. Reading a field outside {@link ParkSummary} needs the full record (a park with its
 * geometry, or the park's file), which tsc enforces.
 */
export type RegistryPark = ParkFeature | TiledPark;

/**
 * A project as the panels read it: whole, or a tiled registry's summary (see
 * {@link ProjectSummary}); reading its sources or notes needs the full record.
 */
export type RegistryProject = Project | ProjectSummary;

/** A firm as the panels read it: whole, or a tiled registry's summary (see {@link FirmSummary}). */
export type RegistryFirm = Firm | FirmSummary;

/**
 * The validated registry the app works with: every record passed its schema. `P`, `J` and `F` are
 * {@link ParkFeature}, {@link Project} and {@link Firm}, whole records, wherever all of them are
 * needed (validator, importers); the explorer reads it as {@link ExplorerRegistry}, which a tiled
 * registry of summaries is too.
 */
export interface Registry<
  P extends RegistryPark = ParkFeature,
  J extends RegistryProject = Project,
  F extends RegistryFirm = Firm,
> {
  readonly asOf: string;
  readonly clusters: readonly Cluster[];
  readonly chains: readonly Chain[];
  readonly parks: readonly P[];
  readonly projects: readonly J[];
  readonly firms: readonly F[];
}

/** The registry as the explorer reads it: loaded whole, or a tiled registry's summaries. */
export type ExplorerRegistry = Registry<RegistryPark, RegistryProject, RegistryFirm>;
