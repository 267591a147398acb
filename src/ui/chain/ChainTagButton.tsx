import type { JSX } from 'solid-js';
import { useAppState } from '../../state/context';
import type { Chain } from '../../data/schema';
import { et } from './entryStrings';
import './open-chain.css';

/**
 * A park's lead chain as a tag that opens the chain's view. The name is always written, so colour
 * is never the only cue; the accessible name says what the button does.
 */
export default function ChainTagButton(props: { chain: Chain }): JSX.Element {
  const state = useAppState();
  const name = (): string => props.chain.name[state.lang()];
  return (
    <button
      type="button"
      class="chain-tag chain-tag-button"
      data-open-chain={props.chain.id}
      aria-label={et('openNamed', state.lang(), { name: name() })}
      onClick={() => state.openChain(props.chain.id)}
    >
      <span class="swatch" style={{ background: props.chain.color }} aria-hidden="true" />
      {name()}
      <span class="chain-tag-more" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
