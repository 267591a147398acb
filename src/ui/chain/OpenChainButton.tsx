import type { JSX } from 'solid-js';
import { useAppState } from '../../state/context';
import { et } from './entryStrings';
import './open-chain.css';

/**
 * The way into a chain's view from the filter tree, the legend, a park's chain tags and the
 * statistics: a small button whose accessible name says which chain it opens.
 */
export default function OpenChainButton(props: {
  chainId: string;
  /** Only the arrow shows (the legend, where room is short); the accessible name is the same. */
  compact?: boolean;
}): JSX.Element {
  const state = useAppState();
  const name = (): string => state.index.chainById.get(props.chainId)?.name[state.lang()] ?? '';
  return (
    <button
      type="button"
      class="open-chain"
      classList={{ compact: props.compact === true }}
      data-open-chain={props.chainId}
      aria-label={et('openNamed', state.lang(), { name: name() })}
      title={et('openNamed', state.lang(), { name: name() })}
      onClick={() => state.openChain(props.chainId)}
    >
      <span aria-hidden="true">{props.compact ? '›' : `${et('open', state.lang())} ›`}</span>
    </button>
  );
}
