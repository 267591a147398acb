import { For, Show, type JSX } from 'solid-js';
import type { Chain, Cluster } from '../../data/schema';
import type { ChainFigureLike } from '../../domain/chains/types';
import { formatNumber, t, type Lang } from '../../domain/i18n';
import Sources from '../Sources';
import { ct } from './strings';

/** Figures grouped by measure, in first-seen order: a measure with two values is a conflict. */
function byMetric(figures: readonly ChainFigureLike[]): ChainFigureLike[][] {
  const groups = new Map<string, ChainFigureLike[]>();
  for (const figure of figures) {
    const key = `${figure.metric.zh}|${figure.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...groups.values()];
}

/**
 * The chain's size figures with their year and sources. Figures for the same measure sit side by
 * side, each with its own sources, so a conflict is visible rather than resolved by us.
 */
function Figures(props: { figures: readonly ChainFigureLike[]; lang: Lang }): JSX.Element {
  const groups = (): ChainFigureLike[][] => byMetric(props.figures);
  return (
    <Show
      when={props.figures.length > 0}
      fallback={<p class="muted small">{ct('figuresNone', props.lang)}</p>}
    >
      <dl class="chain-figures">
        <For each={groups()}>
          {(group) => (
            <>
              <dt>{group[0]?.metric[props.lang]}</dt>
              <dd classList={{ 'figure-conflict': group.length > 1 }}>
                <For each={group}>
                  {(figure) => (
                    <div class="figure">
                      <strong>
                        {formatNumber(figure.value, props.lang)} {figure.unit}
                      </strong>{' '}
                      <span class="muted">
                        ({figure.year ?? ct('figureYearUnknown', props.lang)})
                      </span>
                      <Show when={figure.note}>
                        {(note) => <div class="muted small">{note()[props.lang]}</div>}
                      </Show>
                      <Sources sources={figure.sources} lang={props.lang} />
                    </div>
                  )}
                </For>
              </dd>
            </>
          )}
        </For>
      </dl>
      <Show when={groups().some((group) => group.length > 1)}>
        <p class="muted small">{ct('figuresConflict', props.lang)}</p>
      </Show>
    </Show>
  );
}

/** The chain's cluster, status (the split flagged when unconfirmed), note, sources and figures. */
export default function ChainFacts(props: {
  chain: Chain;
  cluster: Cluster | undefined;
  figures: readonly ChainFigureLike[];
  splitFrom: readonly string[];
  absorbed: readonly string[];
  lang: Lang;
}): JSX.Element {
  return (
    <>
      <dl class="facts chain-facts">
        <dt>{ct('cluster', props.lang)}</dt>
        <dd>{props.cluster?.name[props.lang] ?? props.chain.cluster}</dd>
        <dt>{ct('status', props.lang)}</dt>
        <dd>
          {t(`chainStatus.${props.chain.status}`, props.lang)}
          <For each={props.chain.status === 'confirmed' ? [] : props.splitFrom}>
            {(from) => (
              <span class="badge split-badge">
                {ct('splitUnconfirmed', props.lang, { from })}
              </span>
            )}
          </For>
          <For each={props.absorbed}>
            {(from) => (
              <span class="muted small"> · {ct('mergedFrom', props.lang, { from })}</span>
            )}
          </For>
        </dd>
      </dl>
      <Show when={props.chain.note}>
        {(note) => <p class="small chain-note">{note()[props.lang]}</p>}
      </Show>
      <details class="chain-sources">
        <summary>
          {ct('sources', props.lang)} ({props.chain.sources.length})
        </summary>
        <Sources sources={props.chain.sources} lang={props.lang} />
      </details>
      <h3>{ct('figures', props.lang)}</h3>
      <Figures figures={props.figures} lang={props.lang} />
    </>
  );
}
