import type { ChainLike, FirmLike, ProjectLike, SegmentLike } from './types';
import { SEGMENT_STAGES } from './types';

/** What the chain index is built from: the registry's chains, projects, firms and park order. */
export interface ChainInput {
  readonly chains: readonly ChainLike[];
  readonly projects: readonly ProjectLike[];
  readonly firms: readonly FirmLike[];
  /** Park ids in the list's order (`compareParks`): host parks are listed in this order. */
  readonly parkOrder: readonly string[];
}

/** A segment with where it sits: its chain and its position in the chain's strip. */
export interface SegmentEntry {
  readonly chainId: string;
  readonly segment: SegmentLike;
  readonly position: number;
}

/** The segments just upstream and just downstream of a segment (see {@link neighbourSegments}). */
export interface SegmentNeighbours {
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/**
 * The chain facts that do not depend on the filter, grouped once per loaded registry so that a
 * filter change only walks the records of one chain.
 */
export interface ChainIndex {
  readonly chains: readonly ChainLike[];
  readonly chainById: ReadonlyMap<string, ChainLike>;
  /** Every segment of every chain, by its (globally unique) id. */
  readonly segmentById: ReadonlyMap<string, SegmentEntry>;
  /** Each chain's projects in name order; every chain has an entry. */
  readonly projectsByChain: ReadonlyMap<string, readonly ProjectLike[]>;
  /** Each segment's projects in name order; every segment has an entry. */
  readonly projectsBySegment: ReadonlyMap<string, readonly ProjectLike[]>;
  /** Each chain's firms in name order; every chain has an entry. */
  readonly firmsByChain: ReadonlyMap<string, readonly FirmLike[]>;
  /** Each segment's firms in name order (a firm in two segments is in both); every segment has an entry. */
  readonly firmsBySegment: ReadonlyMap<string, readonly FirmLike[]>;
  /** Each segment's neighbours up- and downstream. */
  readonly neighbours: ReadonlyMap<string, SegmentNeighbours>;
  /** Old chain id → the chains that replaced it, in registry order (from `former_ids`). */
  readonly successors: ReadonlyMap<string, readonly string[]>;
  /** Position of each park in the list order; unknown parks sort last. */
  readonly parkRank: ReadonlyMap<string, number>;
}

// One collator for every comparison (see membership.ts): zh-Hans-CN sorts Chinese by pinyin.
const COLLATOR = new Intl.Collator('zh-Hans-CN');

/** Records by Chinese name in pinyin order, then by id, so that every list has one order. */
export function compareByName(
  a: { readonly id: string; readonly name: { readonly zh: string } },
  b: { readonly id: string; readonly name: { readonly zh: string } },
): number {
  return COLLATOR.compare(a.name.zh, b.name.zh) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const STAGE_RANK: ReadonlyMap<string, number> = new Map(SEGMENT_STAGES.map((s, i) => [s, i]));

/**
 * The segments "just" up- and downstream of `segmentId` in its chain: those of the nearest stage
 * before and the nearest stage after its own that the chain has (a chain without midstream
 * segments links upstream to downstream directly). Segments of the same stage are not neighbours:
 * two upstream materials do not supply each other. Services count as the stage after downstream.
 */
export function neighbourSegments(chain: ChainLike, segmentId: string): SegmentNeighbours {
  const own = chain.segments.find((segment) => segment.id === segmentId);
  if (!own) return { up: [], down: [] };
  const rank = STAGE_RANK.get(own.stage) ?? 0;
  const ranks = [...new Set(chain.segments.map((s) => STAGE_RANK.get(s.stage) ?? 0))].sort(
    (a, b) => a - b,
  );
  const before = ranks.filter((r) => r < rank).at(-1);
  const after = ranks.find((r) => r > rank);
  const ofRank = (r: number | undefined): string[] =>
    r === undefined
      ? []
      : chain.segments.filter((s) => (STAGE_RANK.get(s.stage) ?? 0) === r).map((s) => s.id);
  return { up: ofRank(before), down: ofRank(after) };
}

function groupSorted<T extends { readonly id: string; readonly name: { readonly zh: string } }>(
  keys: Iterable<string>,
  records: readonly T[],
  keysOf: (record: T) => readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const key of keys) groups.set(key, []);
  for (const record of records) for (const key of keysOf(record)) groups.get(key)?.push(record);
  for (const list of groups.values()) list.sort(compareByName);
  return groups;
}

/** A value computed on first call and kept: the same result for every later call. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * Builds the chain index: once per loaded registry, O(n log n) for the sorting. Records naming an
 * unknown chain or segment are left out of the groups (the validator reports them).
 *
 * The chains' own facts (segments, neighbours, successors) are built at once; they are small and
 * the URL decoder needs them at start-up. The groups over every project, firm and park are built
 * on first read and kept: only an open chain view reads them, and sorting 50,000 projects by
 * pinyin (and copying them first, in `chainIndexOf`) took a third of a second of the page's
 * start-up while nothing was shown with them. `input`'s projects, firms and park order are
 * therefore read only then too.
 */
export function buildChainIndex(input: ChainInput): ChainIndex {
  const segmentById = new Map<string, SegmentEntry>();
  const neighbours = new Map<string, SegmentNeighbours>();
  const successors = new Map<string, string[]>();
  for (const chain of input.chains) {
    chain.segments.forEach((segment, position) => {
      segmentById.set(segment.id, { chainId: chain.id, segment, position });
      neighbours.set(segment.id, neighbourSegments(chain, segment.id));
    });
    for (const old of chain.former_ids) {
      const list = successors.get(old) ?? [];
      list.push(chain.id);
      successors.set(old, list);
    }
  }
  const chainIds = input.chains.map((chain) => chain.id);
  const segmentIds = [...segmentById.keys()];
  // A segment counts only in its own chain: a project naming another chain's segment is an error.
  const segmentOf = (chain: string, segment: string | null): readonly string[] =>
    segment !== null && segmentById.get(segment)?.chainId === chain ? [segment] : [];
  // Read once: both project groups must hold the same records (the input may build them anew).
  const projects = once(() => input.projects);
  const projectsByChain = once(() => groupSorted(chainIds, projects(), (p) => [p.chain]));
  const projectsBySegment = once(() =>
    groupSorted(segmentIds, projects(), (p) => segmentOf(p.chain, p.segment)),
  );
  const firmsByChain = once(() => groupSorted(chainIds, input.firms, (f) => [f.chain]));
  const firmsBySegment = once(() =>
    groupSorted(segmentIds, input.firms, (f) => f.segments.flatMap((s) => segmentOf(f.chain, s))),
  );
  const parkRank = once(() => new Map(input.parkOrder.map((id, i) => [id, i])));
  return {
    chains: input.chains,
    chainById: new Map(input.chains.map((chain) => [chain.id, chain])),
    segmentById,
    get projectsByChain() {
      return projectsByChain();
    },
    get projectsBySegment() {
      return projectsBySegment();
    },
    get firmsByChain() {
      return firmsByChain();
    },
    get firmsBySegment() {
      return firmsBySegment();
    },
    neighbours,
    successors,
    get parkRank() {
      return parkRank();
    },
  };
}

/** Sorts park ids into the list order of {@link ChainIndex.parkRank}, unknown ids last by id. */
export function sortParkIds(index: ChainIndex, ids: Iterable<string>): string[] {
  const rank = (id: string): number => index.parkRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
