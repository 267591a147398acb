import { For, Show, createSelector, type JSX } from 'solid-js';
import { useAppState } from '../state/context';
import { parkChains } from '../domain/membership';
import { formatNumber, nameIn, t, type I18nKey } from '../domain/i18n';
import { LIST_PAGE, windowIn, type ListWindow } from '../domain/listWindow';
import type { RegistryPark } from '../data/registry';
import ChainTag from './ChainTag';

/**
 * The parks that pass the filter, in the same order rule as everywhere else: the map's text
 * alternative and its twin (selecting here selects there).
 *
 * Only the rows of `window` are in the DOM, with buttons for the pages above and below: at tens
 * of thousands of parks, rendering every row cost seconds at start-up and hundreds of
 * milliseconds per filter change, and giving the focus back to a row far down cost seconds more.
 */
export default function ParkList(props: {
  onOpen: (id: string) => void;
  /** Which rows to render (clamped here to the filtered list). */
  window: ListWindow;
  onListEarlier: () => void;
  onListMore: () => void;
}): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const isSelected = createSelector(state.selectedParkId);
  const total = (): number => state.visibleParks().length;
  const shown = (): ListWindow => windowIn(props.window, total());
  const rows = (): readonly RegistryPark[] =>
    state.visibleParks().slice(shown().start, shown().end);
  const remaining = (): number => total() - shown().end;
  const count = (value: number): string => formatNumber(value, lang(), 0);
  let list: HTMLUListElement | undefined;
  /**
   * Gives the focus to the row at `row` (0-based in the filtered list) when the button the user
   * pressed has gone (nothing more to show that way), so that it does not fall to the page.
   */
  const refocus = (pressed: HTMLElement, row: number): void => {
    if (pressed.isConnected) return;
    list?.querySelectorAll<HTMLButtonElement>('.park-button')[row - shown().start]?.focus();
  };
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
        <Show when={shown().start > 0 || remaining() > 0}>
          <p class="list-window muted small">
            {t('listShowing', lang(), {
              from: count(shown().start + 1),
              to: count(shown().end),
              total: count(total()),
            })}
            <Show when={shown().start > 0}>
              {' '}
              <button
                type="button"
                class="link-button"
                onClick={(event) => {
                  props.onListEarlier();
                  refocus(event.currentTarget, shown().start);
                }}
              >
                {t('listShowEarlier', lang(), {
                  count: count(Math.min(LIST_PAGE, shown().start)),
                })}
              </button>
            </Show>
          </p>
        </Show>
        <ul role="list" id="park-list" ref={list}>
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
            <button
              type="button"
              class="link-button"
              onClick={(event) => {
                const firstNew = shown().end;
                props.onListMore();
                refocus(event.currentTarget, firstNew);
              }}
            >
              {t('listShowMore', lang(), { count: count(Math.min(LIST_PAGE, remaining())) })}
            </button>
          </p>
        </Show>
      </Show>
    </section>
  );
}
