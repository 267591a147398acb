import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../data/enums';
import type { District, ParkKind, ParkLevel } from '../data/schema';
import type { RegistryPark, ParkSummary, RegistryProject } from '../data/registry';
import { parkChains, type ChainId, type ClusterId, type RegistryIndex } from './membership';

/**
 * What the filter panel shows: each set holds the CHECKED values. A park is visible when at least
 * one of its chains is checked and its kind, level and district are checked.
 */
export interface FilterState {
  readonly chains: ReadonlySet<ChainId>;
  readonly kinds: ReadonlySet<ParkKind>;
  readonly levels: ReadonlySet<ParkLevel>;
  readonly districts: ReadonlySet<District>;
}

/** A cluster checkbox's state: all, none or some of its chains checked. */
export type ClusterCheckState = 'checked' | 'unchecked' | 'mixed';

/** Everything checked: every chain of the registry, every kind, level and district. */
export function defaultFilter(index: RegistryIndex): FilterState {
  return {
    chains: new Set(index.chains.map((chain) => chain.id)),
    kinds: new Set(PARK_KINDS),
    levels: new Set(PARK_LEVELS),
    districts: new Set(DISTRICTS),
  };
}

/** Whether every chain, kind, level and district is checked. */
export function isDefaultFilter(index: RegistryIndex, filter: FilterState): boolean {
  return (
    index.chains.every((chain) => filter.chains.has(chain.id)) &&
    PARK_KINDS.every((kind) => filter.kinds.has(kind)) &&
    PARK_LEVELS.every((level) => filter.levels.has(level)) &&
    DISTRICTS.every((district) => filter.districts.has(district))
  );
}

/** Whether the park's kind, level and district are checked: every filter but the chains. */
export function passesNonChainFilters(park: ParkSummary, filter: FilterState): boolean {
  return (
    filter.kinds.has(park.kind) &&
    filter.levels.has(park.level) &&
    filter.districts.has(park.district)
  );
}

/**
 * Whether a park is visible: at least one of its lead chains is checked (so a park none of whose
 * lead chains remains checked is hidden, and a park with no lead chain never shows) and its kind,
 * level and district are checked.
 */
export function parkPasses(park: ParkSummary, filter: FilterState): boolean {
  return (
    passesNonChainFilters(park, filter) && parkChains(park).some((id) => filter.chains.has(id))
  );
}

/**
 * The filter fields of an index's parks as small integers, one column per field, in
 * `index.parks` order. A filter change then walks flat arrays instead of reading five properties
 * from each of tens of thousands of park records (whose varying shapes make every read slow).
 */
interface FilterColumns {
  readonly kind: Int8Array;
  readonly level: Int8Array;
  readonly district: Int8Array;
  /** Park i's chains are `chainCodes[chainStart[i]] … chainCodes[chainStart[i + 1] - 1]`. */
  readonly chainStart: Int32Array;
  readonly chainCodes: Int32Array;
  /** Chain id of each code: the registry's chains first, then unknown ids parks name. */
  readonly chainIds: readonly ChainId[];
}

const columnsByIndex = new WeakMap<RegistryIndex, FilterColumns>();

/** The columns of an index, built on first use (O(parks)) and kept as long as the index. */
function columnsOf(index: RegistryIndex): FilterColumns {
  const known = columnsByIndex.get(index);
  if (known) return known;
  const codeOf = <T>(values: readonly T[]): Map<T, number> => {
    const codes = new Map<T, number>();
    for (const value of values) if (!codes.has(value)) codes.set(value, codes.size);
    return codes;
  };
  const kinds = codeOf<string>(PARK_KINDS);
  const levels = codeOf<string>(PARK_LEVELS);
  const districts = codeOf<string>(DISTRICTS);
  const chainCode = codeOf<string>(index.chains.map((chain) => chain.id));
  const n = index.parks.length;
  const kind = new Int8Array(n);
  const level = new Int8Array(n);
  const district = new Int8Array(n);
  const chainStart = new Int32Array(n + 1);
  const codes: number[] = [];
  index.parks.forEach((park, i) => {
    const p = park.properties;
    // -1 for a value outside the vocabulary: no filter can check it.
    kind[i] = kinds.get(p.kind) ?? -1;
    level[i] = levels.get(p.level) ?? -1;
    district[i] = districts.get(p.district) ?? -1;
    chainStart[i] = codes.length;
    for (const id of parkChains(p)) {
      if (!chainCode.has(id)) chainCode.set(id, chainCode.size);
      codes.push(chainCode.get(id) ?? 0);
    }
  });
  chainStart[n] = codes.length;
  const columns: FilterColumns = {
    kind,
    level,
    district,
    chainStart,
    chainCodes: Int32Array.from(codes),
    chainIds: [...chainCode.keys()],
  };
  columnsByIndex.set(index, columns);
  return columns;
}

/** Which codes of a vocabulary the filter checks. */
function checkedCodes<T>(values: readonly T[], checked: ReadonlySet<T>): Uint8Array {
  return Uint8Array.from(values, (value) => (checked.has(value) ? 1 : 0));
}

/** Whether park `i` passes the kind, level and district filters, over the columns. */
type NonChainTest = (i: number) => boolean;

function nonChainTest(columns: FilterColumns, filter: FilterState): NonChainTest {
  const kindOk = checkedCodes(PARK_KINDS, filter.kinds);
  const levelOk = checkedCodes(PARK_LEVELS, filter.levels);
  const districtOk = checkedCodes(DISTRICTS, filter.districts);
  return (i) =>
    kindOk[columns.kind[i] ?? -1] === 1 &&
    levelOk[columns.level[i] ?? -1] === 1 &&
    districtOk[columns.district[i] ?? -1] === 1;
}

/**
 * The visible parks in list order ({@link compareParks}); O(n) over the pre-sorted index. The
 * same rule as {@link parkPasses}, park for park, over {@link FilterColumns}.
 */
export function visibleParks(index: RegistryIndex, filter: FilterState): readonly RegistryPark[] {
  const columns = columnsOf(index);
  const passes = nonChainTest(columns, filter);
  const chainOk = checkedCodes(columns.chainIds, filter.chains);
  const visible: RegistryPark[] = [];
  index.parks.forEach((park, i) => {
    if (!passes(i)) return;
    const end = columns.chainStart[i + 1] ?? 0;
    for (let k = columns.chainStart[i] ?? 0; k < end; k++) {
      if (chainOk[columns.chainCodes[k] ?? -1] === 1) {
        visible.push(park);
        return;
      }
    }
  });
  return visible;
}

/** The projects of the given parks, park by park in the given order (for lists and exports). */
export function projectsOfParks(
  index: RegistryIndex,
  parks: readonly RegistryPark[],
): readonly RegistryProject[] {
  return parks.flatMap((park) => index.projectsByPark.get(park.properties.id) ?? []);
}

/**
 * The live count next to each chain's checkbox: how many parks carry the chain and pass the kind,
 * level and district filters. The chain filter itself is left out, so unchecking a chain does not
 * zero its own count. Every chain of the registry has an entry. O(parks).
 */
export function chainCounts(
  index: RegistryIndex,
  filter: FilterState,
): ReadonlyMap<ChainId, number> {
  const columns = columnsOf(index);
  const passes = nonChainTest(columns, filter);
  const tally = new Int32Array(columns.chainIds.length);
  for (let i = 0; i < index.parks.length; i++) {
    if (!passes(i)) continue;
    const end = columns.chainStart[i + 1] ?? 0;
    for (let k = columns.chainStart[i] ?? 0; k < end; k++) {
      const code = columns.chainCodes[k] ?? 0;
      tally[code] = (tally[code] ?? 0) + 1;
    }
  }
  // Every chain of the registry; unknown ids that parks name are not counted.
  return new Map(
    index.chains.map((chain) => [chain.id, tally[columns.chainIds.indexOf(chain.id)] ?? 0]),
  );
}

function clusterChainIds(index: RegistryIndex, clusterId: ClusterId): readonly ChainId[] {
  return (index.chainsByCluster.get(clusterId) ?? []).map((chain) => chain.id);
}

/**
 * The tri-state of a cluster checkbox. A cluster without chains (or an unknown cluster) is
 * `unchecked`: there is nothing in it to show.
 */
export function clusterState(
  index: RegistryIndex,
  clusterId: ClusterId,
  filter: FilterState,
): ClusterCheckState {
  const ids = clusterChainIds(index, clusterId);
  const checked = ids.filter((id) => filter.chains.has(id)).length;
  if (checked === 0) return 'unchecked';
  return checked === ids.length ? 'checked' : 'mixed';
}

function withChains(filter: FilterState, chains: ReadonlySet<ChainId>): FilterState {
  return { ...filter, chains };
}

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** Checks an unchecked chain, unchecks a checked one. */
export function toggleChain(filter: FilterState, chainId: ChainId): FilterState {
  return withChains(filter, toggled(filter.chains, chainId));
}

/**
 * Clicking a cluster checkbox: a mixed or unchecked cluster becomes fully checked, a checked one
 * fully unchecked. Chains of other clusters keep their state.
 */
export function toggleCluster(
  index: RegistryIndex,
  clusterId: ClusterId,
  filter: FilterState,
): FilterState {
  const ids = clusterChainIds(index, clusterId);
  const next = new Set(filter.chains);
  if (clusterState(index, clusterId, filter) === 'checked') for (const id of ids) next.delete(id);
  else for (const id of ids) next.add(id);
  return withChains(filter, next);
}

/**
 * Shows one chain only (the legend's double-click). Soloing the chain that is already the only
 * one checked restores all chains, so the same gesture undoes itself. Other filters are kept.
 */
export function soloChain(
  index: RegistryIndex,
  chainId: ChainId,
  filter: FilterState,
): FilterState {
  const alreadySolo = filter.chains.size === 1 && filter.chains.has(chainId);
  return withChains(
    filter,
    alreadySolo ? new Set(index.chains.map((chain) => chain.id)) : new Set([chainId]),
  );
}

/** Checks or unchecks a park kind. */
export function toggleKind(filter: FilterState, kind: ParkKind): FilterState {
  return { ...filter, kinds: toggled(filter.kinds, kind) };
}

/** Checks or unchecks a park level. */
export function toggleLevel(filter: FilterState, level: ParkLevel): FilterState {
  return { ...filter, levels: toggled(filter.levels, level) };
}

/** Checks or unchecks a district. */
export function toggleDistrict(filter: FilterState, district: District): FilterState {
  return { ...filter, districts: toggled(filter.districts, district) };
}
