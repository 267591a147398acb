import { For, type JSX } from 'solid-js';
import type { ChainRemap } from '../../domain/chains/urlChain';
import { t } from '../../domain/i18n';
import { useAppState } from '../../state/context';
import { et } from './entryStrings';

/** Says which old chain ids in the link were opened as their successors, and how. */
export default function RemapNotice(props: {
  remapped: readonly ChainRemap[];
  onDismiss: () => void;
}): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const chainName = (id: string): string => state.index.chainById.get(id)?.name[lang()] ?? id;
  return (
    <p class="notice remap-notice" role="status">
      {et('notice', lang())}{' '}
      <For each={props.remapped}>
        {(remap, i) => (
          <>
            {i() > 0 ? '; ' : ''}
            {et(remap.kind === 'split' ? 'noticeSplit' : 'noticeMerged', lang(), {
              from: remap.from,
              to: remap.to.map(chainName).join(et('and', lang())),
            })}
          </>
        )}
      </For>
      <button type="button" class="link-button" onClick={() => props.onDismiss()}>
        {t('dismiss', lang())}
      </button>
    </p>
  );
}
