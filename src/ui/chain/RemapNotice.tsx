import { For, type JSX } from 'solid-js';
import type { ChainRemap } from '../../domain/chains/urlChain';
import { t, type Lang } from '../../domain/i18n';
import { ct } from './strings';

/** Says which old chain ids in the link were opened as their successors, and how. */
export default function RemapNotice(props: {
  remapped: readonly ChainRemap[];
  chainName: (id: string) => string;
  lang: Lang;
  onDismiss: () => void;
}): JSX.Element {
  return (
    <p class="notice remap-notice" role="status">
      {ct('notice', props.lang)}{' '}
      <For each={props.remapped}>
        {(remap, i) => (
          <>
            {i() > 0 ? '; ' : ''}
            {ct(remap.kind === 'split' ? 'noticeSplit' : 'noticeMerged', props.lang, {
              from: remap.from,
              to: remap.to.map(props.chainName).join(ct('and', props.lang)),
            })}
          </>
        )}
      </For>
      <button type="button" class="link-button" onClick={() => props.onDismiss()}>
        {t('dismiss', props.lang)}
      </button>
    </p>
  );
}
