import { For, Show, type JSX } from 'solid-js';
import { useAppState } from '../state/context';
import * as filters from '../domain/filter';
import { t } from '../domain/i18n';
import { labelsMinZoomFor } from '../domain/parkLabels';
import OpenChainButton from './chain/OpenChainButton';

/**
 * The legend doubles as a filter: a click toggles a chain; a double-click or Alt-click shows that
 * chain alone (again: all chains). A double-click's two clicks cancel out before it solos.
 * It starts folded on phones, where it would cover the map.
 */
export default function Legend(): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const update = state.updateFilter;
  return (
    <details class="legend" open={!window.matchMedia('(max-width: 720px)').matches}>
      <summary>{t('legend', lang())}</summary>
      <ul role="list">
        <For each={state.registry.chains}>
          {(chain) => (
            <li>
              <button
                type="button"
                class="legend-item"
                aria-pressed={state.filter().chains.has(chain.id)}
                title={t('legendHint', lang())}
                onClick={(event) => {
                  if (event.altKey)
                    update((current) => filters.soloChain(state.index, chain.id, current));
                  else update((current) => filters.toggleChain(current, chain.id));
                }}
                onDblClick={() =>
                  update((current) => filters.soloChain(state.index, chain.id, current))
                }
              >
                <span class="swatch" style={{ background: chain.color }} aria-hidden="true" />
                {chain.name[lang()]}
              </button>
              <OpenChainButton chainId={chain.id} compact />
            </li>
          )}
        </For>
      </ul>
      <p class="legend-note">
        <span class="key-fill" aria-hidden="true" /> {t('legendFill', lang())}
        <br />
        <span class="key-border" aria-hidden="true" /> {t('legendBorder', lang())}
        <br />
        <span class="key-dashed" aria-hidden="true" /> {t('legendDashed', lang())}
        <Show when={labelsMinZoomFor(state.registry.parks.length) > 0}>
          <br />
          {t('legendNamesCloseIn', lang())}
        </Show>
      </p>
    </details>
  );
}
