import { For, Show, createSelector, type JSX } from 'solid-js';
import { useAppState } from '../state/context';
import { parkChains } from '../domain/membership';
import { formatNumber, nameIn, t, type I18nKey } from '../domain/i18n';
import type { RegistryPark } from '../data/schema';
import ChainTag from './ChainTag';

/** How many more rows "list more" adds, and how many a fresh list shows. */
export const LIST_PAGE = 100;

/**
 * The parks that pass the filter, in the same order rule as everywhere else: the map's text
 * alternative and its twin (selecting here selects there).
 *
 * Only the first `listed` rows are in the DOM, with a button for more: at tens of thousands of
 * parks, rendering every row cost seconds at start-up and hundreds of milliseconds per filter
 * change, while nobody reads past the first screens without searching or filtering.
 */
export default function ParkList(props: {
  onOpen: (id: string) => void;
  /** How many rows to render. */
  listed: number;
  onListMore: () => void;
}): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const isSelected = createSelector(state.selectedParkId);
  const rows = (): readonly RegistryPark[] => state.visibleParks().slice(0, props.listed);
  const remaining = (): number => state.visibleParks().length - rows().length;
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
          <For each={rows()}>
            {(park) => {
              const id = park.properties.id;
              return (
                <li>
                  <button
                    type="button"
                    class="park-button"
                    data-park-id={id}
                    aria-current={isSelected(id) ? 'true' : undefined}
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
                    <Show when={state.index.isOffFocus(id)}>
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
        <Show when={remaining() > 0}>
          <p class="list-more muted small">
            {t('listShowing', lang(), {
              shown: formatNumber(rows().length, lang(), 0),
              total: formatNumber(state.visibleParks().length, lang(), 0),
            })}{' '}
            <button type="button" class="link-button" onClick={() => props.onListMore()}>
              {t('listShowMore', lang(), {
                count: formatNumber(Math.min(LIST_PAGE, remaining()), lang(), 0),
              })}
            </button>
          </p>
        </Show>
      </Show>
    </section>
  );
}
