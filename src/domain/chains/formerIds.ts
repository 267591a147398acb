import type { ChainIndex } from './chainIndex';

/** How a chain id in a link was read. */
export type ChainIdResolution =
  /** A chain of the registry. */
  | { readonly kind: 'current'; readonly ids: readonly [string] }
  /** An id a chain replaced (`former_ids`): one successor (folded in) or several (split). */
  | {
      readonly kind: 'merged' | 'split';
      readonly from: string;
      readonly ids: readonly string[];
    }
  /** Neither: the link names no chain the registry knows. */
  | { readonly kind: 'unknown'; readonly from: string };

/**
 * Reads a chain id from a link: a current id as itself, an old id as the chains that list it in
 * `former_ids` (registry order), anything else as unknown. A current id wins over the same id
 * listed as former (a chain that kept its id while absorbing others is still itself).
 *
 * Every old id is reported, because in this registry an id was retired only when the meaning
 * changed (new-energy folded into power-equipment; medical-biopharma split in two); a link that
 * kept working silently would show something else than it did when it was shared.
 */
export function resolveChainId(index: ChainIndex, id: string): ChainIdResolution {
  if (index.chainById.has(id)) return { kind: 'current', ids: [id] };
  const successors = index.successors.get(id);
  if (!successors || successors.length === 0) return { kind: 'unknown', from: id };
  return { kind: successors.length === 1 ? 'merged' : 'split', from: id, ids: successors };
}
