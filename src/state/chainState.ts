import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { ChainIndex } from '../domain/chains/chainIndex';
import {
  chainCoverage,
  segmentCoverage,
  type ChainCoverage,
  type SegmentCoverage,
} from '../domain/chains/coverage';
import { chainIndexOf } from '../domain/chains/registryChains';
import { filterScope, nonChainFiltersAreFull, type ChainScope } from '../domain/chains/scope';
import { NO_CHAIN, type ChainSelection } from '../domain/chains/urlChain';
import type { FilterState } from '../domain/filter';
import type { RegistryIndex } from '../domain/membership';

/**
 * The chain view's state: which chain and segment are open, and the coverage the map needs. The
 * ranking and the pipeline are computed by the (lazily loaded) view itself.
 */
export interface ChainViewState {
  readonly chainIndex: ChainIndex;
  readonly selection: Accessor<ChainSelection>;
  /** What the counts cover: the parks passing kind, level and district (see scope.ts). */
  readonly scope: Accessor<ChainScope>;
  /** Whether every kind, level and district is counted. */
  readonly wholeRegistry: Accessor<boolean>;
  /** The open chain's coverage, segment by segment; null when no chain is open. */
  readonly coverage: Accessor<ChainCoverage | null>;
  /** The selected segment's coverage; null when none is selected. */
  readonly segment: Accessor<SegmentCoverage | null>;
  /**
   * The parks the map shows while a segment is selected (its host parks in the scope); null when
   * no segment is selected and the map follows the filter.
   */
  readonly focusParkIds: Accessor<readonly string[] | null>;
  /** Opens a chain's view (null closes it); an unknown id closes it. Clears the segment. */
  open(chainId: string | null): void;
  /** Selects a segment of the open chain (null: none); a segment of another chain opens that. */
  selectSegment(segmentId: string | null): void;
  /** Sets both at once, as decoded from the URL. */
  set(selection: ChainSelection): void;
}

/** Creates the chain view's state over one loaded registry and the panel's filter. */
export function createChainViewState(
  index: RegistryIndex,
  filter: Accessor<FilterState>,
  initial: ChainSelection = NO_CHAIN,
): ChainViewState {
  const chainIndex = chainIndexOf(index);
  const [chain, setChain] = createSignal<string | null>(initial.chain);
  const [segmentId, setSegmentId] = createSignal<string | null>(initial.segment);
  const selection = createMemo<ChainSelection>(
    () => ({ chain: chain(), segment: segmentId() }),
    NO_CHAIN,
    { equals: (a, b) => a.chain === b.chain && a.segment === b.segment },
  );
  const scope = createMemo(() => filterScope(index, filter()));
  const wholeRegistry = createMemo(() => nonChainFiltersAreFull(filter()));
  const coverage = createMemo(() => {
    const id = chain();
    return id === null ? null : chainCoverage(chainIndex, id, scope());
  });
  const segment = createMemo(() => {
    const id = segmentId();
    return id === null ? null : segmentCoverage(chainIndex, id, scope());
  });
  const focusParkIds = createMemo(() => segment()?.parkIds ?? null);

  const set = (next: ChainSelection): void => {
    const known = next.chain !== null && chainIndex.chainById.has(next.chain);
    const entry = next.segment === null ? undefined : chainIndex.segmentById.get(next.segment);
    batch(() => {
      setChain(known ? next.chain : (entry?.chainId ?? null));
      setSegmentId(entry && (!known || entry.chainId === next.chain) ? entry.segment.id : null);
    });
  };
  return {
    chainIndex,
    selection,
    scope,
    wholeRegistry,
    coverage,
    segment,
    focusParkIds,
    open: (chainId) => set({ chain: chainId, segment: null }),
    selectSegment: (id) => set({ chain: chain(), segment: id }),
    set,
  };
}
