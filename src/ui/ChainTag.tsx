import type { JSX } from 'solid-js';
import type { Chain } from '../data/schema';
import type { Lang } from '../domain/i18n';

/** A lead chain as a coloured tag; the name is always written, so colour is never the only cue. */
export default function ChainTag(props: { chain: Chain; lang: Lang }): JSX.Element {
  return (
    <span class="chain-tag">
      <span class="swatch" style={{ background: props.chain.color }} aria-hidden="true" />
      {props.chain.name[props.lang]}
    </span>
  );
}
