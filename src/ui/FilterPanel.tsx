import { For, Show, type JSX } from 'solid-js';
import { useAppState } from '../state/context';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../data/enums';
import * as filters from '../domain/filter';
import { t, type I18nKey } from '../domain/i18n';
import OpenChainButton from './chain/OpenChainButton';

/** A checkbox group for one facet (kind, level, district). */
function FacetGroup<T extends string>(props: {
  legend: string;
  values: readonly T[];
  checked: ReadonlySet<T>;
  label: (value: T) => string;
  onToggle: (value: T) => void;
}): JSX.Element {
  return (
    <fieldset class="facet">
      <legend>{props.legend}</legend>
      <For each={props.values}>
        {(value) => (
          <label class="check">
            <input
              type="checkbox"
              checked={props.checked.has(value)}
              onChange={() => props.onToggle(value)}
            />
            <span>{props.label(value)}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** The cluster → chain tree with swatches and live counts, plus kind, level and district. */
export default function FilterPanel(): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const registry = state.registry;
  const index = state.index;
  const filter = state.filter;
  const update = state.updateFilter;
  const districts = DISTRICTS.filter((district) =>
    registry.parks.some((park) => park.properties.district === district),
  );

  return (
    <section class="filters" aria-labelledby="filters-heading">
      <div class="section-head">
        <h2 id="filters-heading">{t('filters', lang())}</h2>
        <button
          type="button"
          class="link-button"
          disabled={filters.isDefaultFilter(index, filter())}
          onClick={() => update(() => filters.defaultFilter(index))}
        >
          {t('reset', lang())}
        </button>
      </div>
      <fieldset class="chain-tree">
        <legend class="visually-hidden">{t('chains', lang())}</legend>
        <ul role="list">
          <For each={registry.clusters}>
            {(cluster) => {
              const chains = index.chainsByCluster.get(cluster.id) ?? [];
              const checkState = (): 'checked' | 'unchecked' | 'mixed' =>
                filters.clusterState(index, cluster.id, filter());
              return (
                <li class="cluster">
                  <label class="check cluster-check">
                    <input
                      type="checkbox"
                      checked={checkState() === 'checked'}
                      prop:indeterminate={checkState() === 'mixed'}
                      aria-checked={checkState() === 'mixed' ? 'mixed' : checkState() === 'checked'}
                      onChange={() =>
                        update((current) => filters.toggleCluster(index, cluster.id, current))
                      }
                    />
                    <span>{cluster.name[lang()]}</span>
                  </label>
                  <ul role="list" class="chains">
                    <For each={chains}>
                      {(chain) => (
                        <li class="chain-row">
                          <label class="check">
                            <input
                              type="checkbox"
                              aria-labelledby={`chain-name-${chain.id}`}
                              aria-describedby={`chain-count-${chain.id}`}
                              checked={filter().chains.has(chain.id)}
                              onChange={() =>
                                update((current) => filters.toggleChain(current, chain.id))
                              }
                            />
                            <span
                              class="swatch"
                              style={{ background: chain.color }}
                              aria-hidden="true"
                            />
                            <span class="chain-name">
                              <span id={`chain-name-${chain.id}`}>{chain.name[lang()]}</span>
                              <Show when={chain.status === 'provisional'}>
                                <span class="badge" title={chain.note?.[lang()] ?? ''}>
                                  {t('provisional', lang())}
                                </span>
                              </Show>
                            </span>
                            <span class="count" id={`chain-count-${chain.id}`}>
                              {state.chainCounts().get(chain.id) ?? 0}
                              <span class="visually-hidden"> {t('parksUnit', lang())}</span>
                            </span>
                          </label>
                          <OpenChainButton chainId={chain.id} />
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              );
            }}
          </For>
        </ul>
        <p class="hint">{t('chainMappingNote', lang())}</p>
      </fieldset>
      <details class="facets">
        <summary>{t('moreFilters', lang())}</summary>
        <FacetGroup
          legend={t('kind', lang())}
          values={PARK_KINDS}
          checked={filter().kinds}
          label={(kind) => t(`kind.${kind}` as I18nKey, lang())}
          onToggle={(kind) => update((current) => filters.toggleKind(current, kind))}
        />
        <FacetGroup
          legend={t('level', lang())}
          values={PARK_LEVELS}
          checked={filter().levels}
          label={(level) => t(`level.${level}` as I18nKey, lang())}
          onToggle={(level) => update((current) => filters.toggleLevel(current, level))}
        />
        <FacetGroup
          legend={t('district', lang())}
          values={districts}
          checked={filter().districts}
          label={(district) => t(`district.${district}` as I18nKey, lang())}
          onToggle={(district) => update((current) => filters.toggleDistrict(current, district))}
        />
      </details>
    </section>
  );
}
