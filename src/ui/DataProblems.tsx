import { Show, createSignal, type JSX } from 'solid-js';
import type { Finding } from '../data/findings';
import { t, type Lang } from '../domain/i18n';
import FindingList from './FindingList';

/**
 * Up to this many findings are listed without a click. A hand-edited file with dozens of problems
 * starts folded, so that the park list stays in view; even then the findings about whole files (a
 * file missing or not JSON) stay listed, and the heading names every file concerned.
 */
const OPEN_FINDINGS_LIMIT = 5;

/** The problems found in the data files: file, record and finding, each on its own line. */
export default function DataProblems(props: {
  findings: readonly Finding[];
  lang: Lang;
}): JSX.Element {
  // The findings of one load never change, so the initial state is read once.
  // eslint-disable-next-line solid/reactivity
  const [open, setOpen] = createSignal(props.findings.length <= OPEN_FINDINGS_LIMIT);
  const files = (): string =>
    [...new Set(props.findings.map((finding) => finding.file))].join(', ');
  const shown = (): readonly Finding[] =>
    open() ? props.findings : props.findings.filter((finding) => finding.id === null);
  return (
    <Show when={props.findings.length > 0}>
      <section class="data-problems" role="status" aria-labelledby="data-problems-heading">
        <div class="section-head">
          <h2 id="data-problems-heading">
            {t('dataProblems', props.lang)} ({props.findings.length})
          </h2>
          <Show when={props.findings.length > OPEN_FINDINGS_LIMIT}>
            <button
              type="button"
              class="link-button"
              aria-expanded={open()}
              aria-controls="data-problems-list"
              onClick={() => setOpen(!open())}
            >
              {open() ? t('hide', props.lang) : t('show', props.lang)}
            </button>
          </Show>
        </div>
        <p class="data-problems-files small">
          {t('dataProblemsIn', props.lang)} <span class="file-names">{files()}</span>
        </p>
        <FindingList findings={shown()} id="data-problems-list" hidden={shown().length === 0} />
      </section>
    </Show>
  );
}
