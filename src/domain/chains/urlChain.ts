import type { ChainIndex } from './chainIndex';
import { resolveChainId } from './formerIds';

/** The chain view's part of the URL: `chain=ID` and `segment=ID`. */
export interface ChainSelection {
  /** The chain whose view is open; null when none is. */
  readonly chain: string | null;
  /** The selected segment of that chain; null when none is. */
  readonly segment: string | null;
}

/** Nothing open. */
export const NO_CHAIN: ChainSelection = { chain: null, segment: null };

/** An old chain id in a link that was read as its successor(s), to say so in a notice. */
export interface ChainRemap {
  readonly param: 'chain' | 'chains';
  /** `merged`: folded into one chain; `split`: divided into several. */
  readonly kind: 'merged' | 'split';
  readonly from: string;
  readonly to: readonly string[];
}

/** What the chain parameters of a link decode to. */
export interface DecodedChainSelection {
  readonly selection: ChainSelection;
  readonly remapped: readonly ChainRemap[];
}

/**
 * Reads `chain=` and `segment=` (already percent-decoded; null when absent). A current chain id is
 * itself; an old one opens its successor (the first, in registry order, when it was split) and is
 * reported in `remapped`; anything else is passed to `ignore` as `key=value`. A segment alone
 * opens its chain; a segment of another chain than `chain=` names is ignored.
 */
export function decodeChainSelection(
  index: ChainIndex,
  chainValue: string | null,
  segmentValue: string | null,
  ignore: (entry: string) => void,
): DecodedChainSelection {
  const remapped: ChainRemap[] = [];
  let chain: string | null = null;
  if (chainValue !== null) {
    const resolution = resolveChainId(index, chainValue);
    if (resolution.kind === 'unknown') ignore(`chain=${chainValue}`);
    else {
      chain = resolution.ids[0] ?? null;
      if (resolution.kind !== 'current')
        remapped.push({
          param: 'chain',
          kind: resolution.kind,
          from: resolution.from,
          to: resolution.ids,
        });
    }
  }
  let segment: string | null = null;
  if (segmentValue !== null) {
    const entry = index.segmentById.get(segmentValue);
    if (!entry || (chain !== null && entry.chainId !== chain)) ignore(`segment=${segmentValue}`);
    else {
      segment = entry.segment.id;
      chain = entry.chainId;
    }
  }
  return { selection: { chain, segment }, remapped };
}

/** The `chain=` and `segment=` parameters of a selection, percent-encoded, in that order. */
export function encodeChainSelection(selection: ChainSelection): string[] {
  const params: string[] = [];
  if (selection.chain !== null) params.push(`chain=${encodeURIComponent(selection.chain)}`);
  if (selection.chain !== null && selection.segment !== null)
    params.push(`segment=${encodeURIComponent(selection.segment)}`);
  return params;
}

/**
 * Maps the items of a `chains=` list through the old-id table: a current id stays, an old id
 * becomes all its successors (each remap reported), an unknown id stays as it is for the list's
 * own check to ignore.
 */
export function mapChainListItems(
  index: ChainIndex,
  items: readonly string[],
): { items: string[]; remapped: ChainRemap[] } {
  const remapped: ChainRemap[] = [];
  const mapped = items.flatMap((item) => {
    const resolution = resolveChainId(index, item);
    if (resolution.kind === 'current' || resolution.kind === 'unknown') return [item];
    remapped.push({ param: 'chains', kind: resolution.kind, from: item, to: resolution.ids });
    return [...resolution.ids];
  });
  return { items: mapped, remapped };
}
