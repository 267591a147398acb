import type { Registry } from '../../data/registry';
import type { RegistryIndex } from '../membership';
import { buildChainIndex, type ChainIndex } from './chainIndex';
import type { ChainFigureLike, ChainLike, FirmLike, ProjectLike } from './types';

const chainIndexes = new WeakMap<RegistryIndex, ChainIndex>();

/**
 * The chain index of a loaded registry: built on first use beside the registry index and kept as
 * long as it lives, so the URL decoder, the state and the chain view share one copy.
 */
export function chainIndexOf(index: RegistryIndex): ChainIndex {
  const known = chainIndexes.get(index);
  if (known) return known;
  // The registry in the agreed #13 shape (chains with segments, projects with segment and a
  // nullable park, firms); read structurally until the schema carries those fields.
  const registry = index.registry as Registry & { readonly firms?: readonly FirmLike[] };
  const chains = (registry.chains as readonly Partial<ChainLike>[]).map((chain): ChainLike => ({
    id: chain.id ?? '',
    name: chain.name ?? { zh: '', en: '' },
    segments: Array.isArray(chain.segments) ? chain.segments : [],
    former_ids: Array.isArray(chain.former_ids) ? chain.former_ids : [],
  }));
  // Getters: buildChainIndex reads the projects and the park order only when a chain view first
  // needs its groups, so start-up does not copy every project (see buildChainIndex).
  const built = buildChainIndex({
    chains,
    get projects() {
      return (registry.projects as readonly Partial<ProjectLike>[]).map(
        (project) => ({ segment: null, ...project }) as ProjectLike,
      );
    },
    firms: registry.firms ?? [],
    get parkOrder() {
      return index.parks.map((park) => park.properties.id);
    },
  });
  chainIndexes.set(index, built);
  return built;
}

/** A chain's size figures (empty when the record has none). */
export function chainFigures(chain: object): readonly ChainFigureLike[] {
  const figures = (chain as { readonly figures?: unknown }).figures;
  return Array.isArray(figures) ? (figures as ChainFigureLike[]) : [];
}

/**
 * The old ids this chain shares with other chains (it was split from them) and those it alone
 * replaced (folded into it), from `former_ids`.
 */
export function chainLineage(
  index: ChainIndex,
  chainId: string,
): { readonly splitFrom: readonly string[]; readonly absorbed: readonly string[] } {
  const formerIds = index.chainById.get(chainId)?.former_ids ?? [];
  const shared = (id: string): boolean => (index.successors.get(id)?.length ?? 0) > 1;
  return {
    splitFrom: formerIds.filter(shared),
    absorbed: formerIds.filter((id) => !shared(id)),
  };
}
