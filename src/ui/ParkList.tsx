import { For, Show, type JSX } from 'solid-js';
import { useAppState } from '../app/context';
import { parkChains } from '../domain/membership';
import { nameIn, t, type I18nKey } from '../domain/i18n';
import ChainTag from './ChainTag';

/**
 * The parks that pass the filter, in the same order rule as everywhere else: the map's text
 * alternative and its twin (selecting here selects there).
 */
export default function ParkList(props: {
  onOpen: (id: string) => void;
  isOffFocus: (id: string) => boolean;
}): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  return (
    <section class="park-list" aria-labelledby="park-list-heading">
      <h2 id="park-list-heading">
        {t('parks', lang())}{' '}
        <span class="muted">
          ({state.visibleParks().length}/{state.registry.parks.length})
        </span>
      </h2>
      <Show
        when={state.visibleParks().length > 0}
        fallback={
          <p class="empty">
            {/* Without parks the filters are not to blame: say that the data is missing. */}
            {t(state.registry.parks.length === 0 ? 'noParksLoaded' : 'noParksMatch', lang())}
          </p>
        }
      >
        <ul role="list" id="park-list">
          <For each={state.visibleParks()}>
            {(park) => {
              const id = park.properties.id;
              return (
                <li>
                  <button
                    type="button"
                    class="park-button"
                    data-park-id={id}
                    aria-current={state.selectedParkId() === id ? 'true' : undefined}
                    aria-describedby={`park-meta-${id}`}
                    onClick={() => props.onOpen(id)}
                    onMouseEnter={() => state.hoverPark(id)}
                    onMouseLeave={() => state.hoverPark(null)}
                    onFocus={() => state.hoverPark(id)}
                    onBlur={() => state.hoverPark(null)}
                  >
                    {nameIn(park.properties.name, lang())}
                  </button>
                  <div class="park-meta" id={`park-meta-${id}`}>
                    <span>{t(`kind.${park.properties.kind}` as I18nKey, lang())}</span>
                    <span>{t(`district.${park.properties.district}` as I18nKey, lang())}</span>
                    <Show when={park.properties.boundary !== 'official'}>
                      <span class="boundary-flag">
                        {t(`boundary.${park.properties.boundary}` as I18nKey, lang())}
                      </span>
                    </Show>
                    <Show when={props.isOffFocus(id)}>
                      <span class="focus-flag">{t('offFocus', lang())}</span>
                    </Show>
                  </div>
                  <div class="park-tags">
                    <For each={parkChains(park.properties)}>
                      {(chainId) => {
                        const chain = state.index.chainById.get(chainId);
                        return chain ? <ChainTag chain={chain} lang={lang()} /> : null;
                      }}
                    </For>
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
