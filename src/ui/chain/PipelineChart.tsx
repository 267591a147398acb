import { For, Show, type JSX } from 'solid-js';
import { PIPELINE_ORDER, type ChainPipeline } from '../../domain/chains/pipeline';
import { statusLabel, type Lang } from '../../domain/i18n';
import { ct } from './strings';

/**
 * The chain's projects by status and year: a table of numbers (what screen readers and print
 * read) with a stacked bar per year. Each status has its own fill pattern and a number in the
 * table, so colour is never the only cue.
 */
export default function PipelineChart(props: { pipeline: ChainPipeline; lang: Lang }): JSX.Element {
  const max = (): number => Math.max(1, ...props.pipeline.years.map((year) => year.total));
  return (
    <Show
      when={props.pipeline.total > 0}
      fallback={<p class="muted small">{ct('pipelineNone', props.lang)}</p>}
    >
      <ul class="pipeline-key small" role="list">
        <For each={PIPELINE_ORDER}>
          {(status) => (
            <li>
              <span class={`pipeline-swatch status-${status}`} aria-hidden="true" />
              {statusLabel(status, props.lang)}: {props.pipeline.byStatus[status]}
            </li>
          )}
        </For>
      </ul>
      <table class="pipeline-table">
        <caption class="visually-hidden">{ct('pipeline', props.lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{ct('pipelineYear', props.lang)}</th>
            <For each={PIPELINE_ORDER}>
              {(status) => <th scope="col">{statusLabel(status, props.lang)}</th>}
            </For>
            <th scope="col">{ct('pipelineTotal', props.lang)}</th>
            <th scope="col" class="visually-hidden">
              {ct('pipeline', props.lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.pipeline.years}>
            {(year) => (
              <tr>
                <th scope="row">
                  {year.year === null ? ct('yearUnknown', props.lang) : year.year}
                </th>
                <For each={PIPELINE_ORDER}>
                  {(status) => <td>{year.byStatus[status] || ''}</td>}
                </For>
                <td>{year.total}</td>
                <td class="pipeline-bar-cell" aria-hidden="true">
                  <span class="pipeline-bar">
                    <For each={PIPELINE_ORDER}>
                      {(status) => (
                        <Show when={year.byStatus[status] > 0}>
                          <span
                            class={`pipeline-swatch status-${status}`}
                            style={{ width: `${(year.byStatus[status] / max()) * 100}%` }}
                          />
                        </Show>
                      )}
                    </For>
                  </span>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
