import { PARK_KINDS, PARK_LEVELS } from '../data/enums';
import type { Chain, Cluster, ParkKind, ParkLevel } from '../data/schema';
import type {
  ExplorerRegistry,
  ParkSummary,
  Registry,
  RegistryPark,
  RegistryProject,
} from '../data/registry';
import type { TilesOrigin } from '../data/tiledRegistry';
import { PositionLookup, ScanLookup } from './lookups';

/** The id of an industry chain (链), as in `geo/chains.json`. */
export type ChainId = Chain['id'];

/** The id of a cluster (群), as in `geo/chains.json`. */
export type ClusterId = Cluster['id'];

/**
 * The chains a park belongs to: its designated lead industries (`lead`), and nothing else.
 *
 * This is the one definition behind the map colour, the filter, the live counts, the list, the
 * detail panel and the statistics. The free-text `industries` a report lists never count: the rule
 * 一园区一主导产业 is about designated lead industries, and counting report prose would make every
 * park belong to half the chains.
 */
export function parkChains(park: Pick<ParkSummary, 'lead'>): readonly ChainId[] {
  return park.lead;
}

/**
 * Chains grouped by their cluster, clusters and chains in registry order. Every cluster has an
 * entry, possibly empty; a chain whose cluster is unknown is left out (the validator reports it).
 */
export function chainsByCluster(
  registry: Pick<Registry, 'clusters' | 'chains'>,
): ReadonlyMap<ClusterId, readonly Chain[]> {
  const grouped = new Map<ClusterId, Chain[]>();
  for (const cluster of registry.clusters) grouped.set(cluster.id, []);
  for (const chain of registry.chains) grouped.get(chain.cluster)?.push(chain);
  return grouped;
}

// Rank tables for the list order; a Map keeps the lookup O(1) whatever the enum grows to.
const KIND_ORDER: readonly ParkKind[] = ['main', 'elevated', 'linked'];
const KIND_RANK: ReadonlyMap<ParkKind, number> = new Map(KIND_ORDER.map((kind, i) => [kind, i]));
const LEVEL_RANK: ReadonlyMap<ParkLevel, number> = new Map(
  PARK_LEVELS.map((level, i) => [level, i]),
);

// One collator for every comparison: `localeCompare` builds a collator per call, which is what
// makes sorting tens of thousands of names slow. zh-Hans-CN collates Chinese in pinyin order.
const CHINESE_COLLATOR = new Intl.Collator('zh-Hans-CN');

/**
 * The one order of parks, used by the list and by exports: by kind (main zones, then
 * elevated-management parks, then linked parks), then by level (national → county), then by
 * Chinese name in pinyin order, then by id so that the order is total.
 */
export function compareParks(a: ParkSummary, b: ParkSummary): number {
  return (
    (KIND_RANK.get(a.kind) ?? PARK_KINDS.length) - (KIND_RANK.get(b.kind) ?? PARK_KINDS.length) ||
    (LEVEL_RANK.get(a.level) ?? PARK_LEVELS.length) -
      (LEVEL_RANK.get(b.level) ?? PARK_LEVELS.length) ||
    CHINESE_COLLATOR.compare(a.name.zh, b.name.zh) ||
    compareIds(a.id, b.id)
  );
}

/** Projects within a park: by Chinese name in pinyin order, then by id. */
export function compareProjects(a: RegistryProject, b: RegistryProject): number {
  return CHINESE_COLLATOR.compare(a.name.zh, b.name.zh) || compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Whether `parks` are already in {@link compareParks} order. `npm run tiles` writes a tiled
 * index's parks in that order: checking it costs n comparisons, sorting 50,000 parks by pinyin
 * cost half a second or more of the page's start-up. It stops at the first pair out of order, so
 * a registry in file order costs next to nothing more.
 */
function inListOrder(parks: readonly RegistryPark[]): boolean {
  for (let i = 1; i < parks.length; i++) {
    const before = parks[i - 1];
    const park = parks[i];
    if (before && park && compareParks(before.properties, park.properties) > 0) return false;
  }
  return true;
}

/**
 * Lookups over a registry, built once when the data is loaded and shared by every domain
 * function, so that filtering and counting stay O(n) however many parks there are.
 */
export interface RegistryIndex {
  /** The registry this index was built from. */
  readonly registry: ExplorerRegistry;
  /**
   * Where a tiled registry's files are and when it was validated; null for a registry loaded
   * whole (geo/, `?data=DIR/`), whose parks all carry their geometry.
   */
  readonly tiles: TilesOrigin | null;
  /** All parks in list order ({@link compareParks}). */
  readonly parks: readonly RegistryPark[];
  /** Parks by id. */
  readonly parkById: ReadonlyMap<string, RegistryPark>;
  /** Chains in registry order (the legend's order). */
  readonly chains: readonly Chain[];
  /** Chains by id. */
  readonly chainById: ReadonlyMap<ChainId, Chain>;
  /** Clusters in registry order. */
  readonly clusters: readonly Cluster[];
  /** Clusters by id. */
  readonly clusterById: ReadonlyMap<ClusterId, Cluster>;
  /** Each cluster's chains, in registry order (see {@link chainsByCluster}). */
  readonly chainsByCluster: ReadonlyMap<ClusterId, readonly Chain[]>;
  /**
   * Projects by id, for what a person opens (a project link, a click on one): each lookup of a
   * new id walks the projects (a few milliseconds at 150,000), so it is not for loops.
   */
  readonly projectById: ReadonlyMap<string, RegistryProject>;
  /**
   * Each park's projects in {@link compareProjects} order; every park has an entry. Each `get`
   * gives a new array (a copy of the park's run of one sorted list): hold on to it rather than
   * asking again in a loop.
   */
  readonly projectsByPark: ReadonlyMap<string, readonly RegistryProject[]>;
  /** Each main zone's linked parks (一区多园) in list order; only zones with linked parks appear. */
  readonly linkedParksByZone: ReadonlyMap<string, readonly RegistryPark[]>;
}

const NO_PROJECTS: readonly RegistryProject[] = Object.freeze([]);

/**
 * The projects that have a park, grouped by their park's position in `parks` and sorted within
 * each park ({@link compareProjects}): park `i`'s are `sorted[starts[i]]` up to
 * `sorted[starts[i + 1]]`. One array and one typed array instead of an array per park: 50,000 of
 * those, each with room for 16, were 4.4 MB of the page's heap. A project whose park the registry
 * lacks is in none (the validator reports it).
 */
function groupProjects(
  projects: readonly RegistryProject[],
  parkCount: number,
  positions: ReadonlyMap<string, number>,
): { sorted: RegistryProject[]; starts: Uint32Array } {
  const starts = new Uint32Array(parkCount + 1);
  const parkOf = new Int32Array(projects.length).fill(-1);
  projects.forEach((project, i) => {
    const position = project.park === null ? undefined : positions.get(project.park);
    if (position === undefined) return;
    parkOf[i] = position;
    starts[position + 1] = (starts[position + 1] ?? 0) + 1;
  });
  for (let i = 1; i <= parkCount; i++) starts[i] = (starts[i] ?? 0) + (starts[i - 1] ?? 0);
  const sorted = new Array<RegistryProject>(starts[parkCount] ?? 0);
  const next = starts.slice(0, parkCount);
  projects.forEach((project, i) => {
    const position = parkOf[i] ?? -1;
    if (position < 0) return;
    const at = next[position] ?? 0;
    sorted[at] = project;
    next[position] = at + 1;
  });
  for (let i = 0; i < parkCount; i++) {
    const from = starts[i] ?? 0;
    const to = starts[i + 1] ?? 0;
    if (to - from < 2) continue;
    const run = sorted.slice(from, to).sort(compareProjects);
    run.forEach((project, k) => (sorted[from + k] = project));
  }
  return { sorted, starts };
}

/**
 * Builds the lookups for `registry`: once per loaded registry, O(n log n) for the sorting.
 * `tiles` is given for a tiled registry (its parks then have no geometry in memory).
 */
export function indexRegistry(
  registry: ExplorerRegistry,
  tiles: TilesOrigin | null = null,
): RegistryIndex {
  // The registry's own list when it is in list order already (a tiled index is): it is read-only.
  const parks = inListOrder(registry.parks)
    ? registry.parks
    : [...registry.parks].sort((a, b) => compareParks(a.properties, b.properties));
  // One Map from id to list position answers both the parks and their projects by id.
  const positions = new Map<string, number>();
  parks.forEach((park, i) => positions.set(park.properties.id, i));
  const { sorted, starts } = groupProjects(registry.projects, parks.length, positions);
  // Park `position`'s run in `sorted`: from its start to the next park's.
  const runStart = (position: number): number => starts[position] ?? 0;
  const runEnd = (position: number): number => starts[position + 1] ?? 0;

  // Built from the sorted parks, so each zone's list is already in list order.
  const linkedParksByZone = new Map<string, RegistryPark[]>();
  for (const park of parks) {
    const zone = park.properties.zone;
    if (zone === null) continue;
    const linked = linkedParksByZone.get(zone);
    if (linked) linked.push(park);
    else linkedParksByZone.set(zone, [park]);
  }

  return {
    registry,
    tiles,
    parks,
    parkById: new PositionLookup(positions, (position) => parks[position] as RegistryPark),
    chains: registry.chains,
    chainById: new Map(registry.chains.map((chain) => [chain.id, chain])),
    clusters: registry.clusters,
    clusterById: new Map(registry.clusters.map((cluster) => [cluster.id, cluster])),
    chainsByCluster: chainsByCluster(registry),
    projectById: new ScanLookup(registry.projects, (project) => project.id),
    projectsByPark: new PositionLookup(positions, (position) => {
      const from = runStart(position);
      const to = runEnd(position);
      return from === to ? NO_PROJECTS : sorted.slice(from, to);
    }),
    linkedParksByZone,
  };
}

/** The chains of a park as records, in the park's `lead` order; unknown ids are skipped. */
export function parkChainRecords(
  index: RegistryIndex,
  park: Pick<ParkSummary, 'lead'>,
): readonly Chain[] {
  return parkChains(park).flatMap((id) => {
    const chain = index.chainById.get(id);
    return chain ? [chain] : [];
  });
}
