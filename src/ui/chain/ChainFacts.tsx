import { For, Show, type JSX } from 'solid-js';
import type { Chain, Cluster, Source } from '../../data/schema';
import type { ChainFigureLike } from '../../domain/chains/types';
import { formatNumber, formatPartialDate, t, type Lang } from '../../domain/i18n';
import Sources from '../Sources';
import { ct } from './strings';

/** A figure's sources in one line each: title (a link when there is one), publisher and date. */
function SourceLinks(props: { sources: readonly Source[]; lang: Lang }): JSX.Element {
  return (
    <ul class="sources figure-sources" role="list">
      <For each={props.sources}>
        {(source) => (
          <li>
            <Show when={source.url && /^https?:\/\//i.test(source.url)} fallback={source.title}>
              <a href={source.url} target="_blank" rel="noopener noreferrer external">
                {source.title}
              </a>
            </Show>
            <Show when={source.publisher ?? source.date}>
              <span class="muted">
                {' · '}
                {[source.publisher, source.date && formatPartialDate(source.date, props.lang)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

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
                      <SourceLinks sources={figure.sources} lang={props.lang} />
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
              <span class="badge split-badge">{ct('splitUnconfirmed', props.lang, { from })}</span>
            )}
          </For>
          <For each={props.absorbed}>
            {(from) => <span class="muted small"> · {ct('mergedFrom', props.lang, { from })}</span>}
          </For>
        </dd>
      </dl>
      <details class="chain-sources">
        <summary>{ct('noteAndSources', props.lang, { n: props.chain.sources.length })}</summary>
        <Show when={props.chain.note}>
          {(note) => <p class="small chain-note">{note()[props.lang]}</p>}
        </Show>
        <Sources sources={props.chain.sources} lang={props.lang} />
      </details>
      <details class="chain-figures-box">
        <summary>{ct('figuresCount', props.lang, { n: props.figures.length })}</summary>
        <Figures figures={props.figures} lang={props.lang} />
      </details>
    </>
  );
}
