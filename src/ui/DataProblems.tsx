import { For, Show, createSignal, type JSX } from 'solid-js';
import type { Finding } from '../data/validate';
import { formatFinding } from '../data/finding';
import { t, type Lang } from '../domain/i18n';

/** The problems found in the data files: file, record and finding, each on its own line. */
export default function DataProblems(props: {
  findings: readonly Finding[];
  lang: Lang;
}): JSX.Element {
  const [open, setOpen] = createSignal(false);
  return (
    <Show when={props.findings.length > 0}>
      <section class="data-problems" role="status" aria-labelledby="data-problems-heading">
        <div class="section-head">
          <h2 id="data-problems-heading">
            {t('dataProblems', props.lang)} ({props.findings.length})
          </h2>
          <button
            type="button"
            class="link-button"
            aria-expanded={open()}
            onClick={() => setOpen(!open())}
          >
            {open() ? t('hide', props.lang) : t('show', props.lang)}
          </button>
        </div>
        <Show when={open()}>
          <ul role="list" class="findings">
            <For each={props.findings}>
              {(finding) => (
                <li>
                  <code>{formatFinding(finding)}</code>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
