import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import { useAppState } from '../state/context';
import * as filters from '../domain/filter';
import { formatArea, formatInvestment, t } from '../domain/i18n';
import OpenChainButton from './chain/OpenChainButton';
import { filteredStats, type ParkGroupStats } from '../domain/stats';

/** A table row's figures: parks, reported and drawn area, projects and known investment. */
function Figures(props: { stats: ParkGroupStats | undefined; lang: 'zh' | 'en' }): JSX.Element {
  return (
    <>
      <td>{props.stats?.parks ?? 0}</td>
      <td>
        {formatArea(props.stats?.reportedAreaKm2 ?? 0, props.lang)}
        <Show when={(props.stats?.unknownAreaCount ?? 0) > 0}>
          <span class="muted small"> (+{props.stats?.unknownAreaCount} ?)</span>
        </Show>
      </td>
      <td>{props.stats?.projects.count ?? 0}</td>
      <td>
        {formatInvestment(props.stats?.projects.investmentCny100m ?? 0, props.lang)}
        <Show when={(props.stats?.projects.unknownInvestmentCount ?? 0) > 0}>
          <span class="muted small"> (+{props.stats?.projects.unknownInvestmentCount} ?)</span>
        </Show>
      </td>
    </>
  );
}

/**
 * Statistics of the parks that pass the filter, by cluster and chain, with a bar chart of parks
 * per chain. Choosing a chain's name shows that chain alone. Folded by default, and computed only
 * while unfolded: a filter change need not pay for figures nobody is looking at.
 */
export default function Stats(): JSX.Element {
  const state = useAppState();
  const [open, setOpen] = createSignal(false);
  return (
    <details class="stats" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('stats.title', state.lang())}</summary>
      <Show when={open()}>
        <StatsBody />
      </Show>
    </details>
  );
}

/** The unfolded statistics: the table, the notes and the chart. */
function StatsBody(): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const index = state.index;
  const stats = createMemo(() => filteredStats(index, state.visibleParks()));
  const maxChainParks = createMemo(() =>
    Math.max(1, ...[...stats().byChain.values()].map((group) => group.parks)),
  );
  const offFocusCount = createMemo(
    () => state.visibleParks().filter((park) => index.isOffFocus(park.properties.id)).length,
  );

  return (
    <>
      <table class="stats-table">
        <caption class="visually-hidden">{t('stats.title', lang())}</caption>
        <thead>
          <tr>
            <th scope="col">{t('filters.chains', lang())}</th>
            <th scope="col">{t('parks.title', lang())}</th>
            <th scope="col">{t('stats.area', lang())}</th>
            <th scope="col">{t('projects.title', lang())}</th>
            <th scope="col">{t('stats.investment', lang())}</th>
          </tr>
        </thead>
        <For each={index.clusters}>
          {(cluster) => (
            <tbody>
              <tr class="cluster-row">
                <th scope="row">{cluster.name[lang()]}</th>
                <Figures stats={stats().byCluster.get(cluster.id)} lang={lang()} />
              </tr>
              <For each={index.chainsByCluster.get(cluster.id) ?? []}>
                {(chain) => (
                  <tr>
                    <th scope="row" class="chain-cell">
                      <button
                        type="button"
                        class="link-button"
                        title={t('filters.solo', lang())}
                        onClick={() =>
                          state.updateFilter((current) =>
                            filters.soloChain(index, chain.id, current),
                          )
                        }
                      >
                        <span
                          class="swatch"
                          style={{ background: chain.color }}
                          aria-hidden="true"
                        />{' '}
                        {chain.name[lang()]}
                      </button>
                      <OpenChainButton chainId={chain.id} />
                    </th>
                    <Figures stats={stats().byChain.get(chain.id)} lang={lang()} />
                  </tr>
                )}
              </For>
            </tbody>
          )}
        </For>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.total', lang())}</th>
            <Figures stats={stats().total} lang={lang()} />
          </tr>
        </tfoot>
      </table>
      <p class="muted small">{t('stats.multiChainNote', lang())}</p>
      <Show when={offFocusCount() > 0}>
        <p class="small focus-flag">
          {t('stats.offFocusParks', lang(), { count: offFocusCount() })}
        </p>
      </Show>
      <figure class="chain-chart" aria-hidden="true">
        <For each={index.chains}>
          {(chain) => (
            <div class="bar-row">
              <span class="bar-label">{chain.name[lang()]}</span>
              <span
                class="bar"
                style={{
                  width: `${((stats().byChain.get(chain.id)?.parks ?? 0) / maxChainParks()) * 100}%`,
                  background: chain.color,
                }}
              />
              <span class="bar-value">{stats().byChain.get(chain.id)?.parks ?? 0}</span>
            </div>
          )}
        </For>
      </figure>
    </>
  );
}
