import type { JSX } from 'solid-js';
import { useAppState } from '../../app/context';
import { ct } from './strings';
import './open-chain.css';

/**
 * The way into a chain's view from the filter tree, the legend, a park's chain tags and the
 * statistics: a small button whose accessible name says which chain it opens.
 */
export default function OpenChainButton(props: { chainId: string; class?: string }): JSX.Element {
  const state = useAppState();
  const name = (): string => state.index.chainById.get(props.chainId)?.name[state.lang()] ?? '';
  return (
    <button
      type="button"
      class={`open-chain ${props.class ?? ''}`}
      data-open-chain={props.chainId}
      aria-label={ct('openNamed', state.lang(), { name: name() })}
      title={ct('openNamed', state.lang(), { name: name() })}
      onClick={() => state.openChain(props.chainId)}
    >
      <span aria-hidden="true">{ct('open', state.lang())} ›</span>
    </button>
  );
}
