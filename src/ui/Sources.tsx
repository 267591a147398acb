import { For, Show, type JSX } from 'solid-js';
import type { Source } from '../data/schema';
import { formatPartialDate, type Lang } from '../domain/i18n';

/** Only http(s) links become anchors; anything else is shown as text. */
const isHttpUrl = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** A list of sources: title, publisher, date and a link when there is one. */
export default function Sources(props: { sources: readonly Source[]; lang: Lang }): JSX.Element {
  return (
    <ul class="sources" role="list">
      <For each={props.sources}>
        {(source) => (
          <li>
            <Show when={isHttpUrl(source.url)} fallback={<span>{source.title}</span>}>
              <a href={source.url} target="_blank" rel="noopener noreferrer external">
                {source.title}
              </a>
            </Show>
            <Show when={source.publisher}>
              <span class="muted"> · {source.publisher}</span>
            </Show>
            <Show when={source.date}>
              {(date) => <span class="muted"> · {formatPartialDate(date(), props.lang)}</span>}
            </Show>
            <Show when={source.note}>
              <div class="muted small">{source.note}</div>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
