import { For, Show, createSignal, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import type { ImportPlan, PlannedRow } from '../../import/projects';
import { tp } from './strings';

/** Rows shown at first; a large ledger lists more on request rather than all at once. */
const PAGE = 200;

/**
 * Every row with its state — ready, needs a choice, refused with its reasons, or skipped — and
 * the counts. Text stays text: a name with markup or a leading "=" is shown as written.
 */
export default function RowPreview(props: { plan: ImportPlan; lang: Lang }): JSX.Element {
  const lang = (): Lang => props.lang;
  const [shown, setShown] = createSignal(PAGE);
  const reasons = (row: PlannedRow): string =>
    row.problems.map((problem) => problem[lang()]).join('；');
  return (
    <>
      <h3>{tp('projects.rows', lang())}</h3>
      <p class="small" role="status">
        {tp('projects.counts', lang(), {
          ready: props.plan.ready,
          waiting: props.plan.waiting,
          refused: props.plan.refused,
          skipped: props.plan.skipped,
        })}
      </p>
      <ul class="import-list small projects-rows" aria-label={tp('projects.rows', lang())}>
        <For each={props.plan.rows.slice(0, shown())}>
          {(row) => (
            <li class={`projects-row projects-row-${row.state}`} data-row={row.row}>
              <span class="projects-row-number">
                {tp('projects.rowLabel', lang(), { row: row.row })}
              </span>{' '}
              <strong class="projects-row-state">
                {tp(`projects.state.${row.state}`, lang())}
              </strong>{' '}
              <span>{row.name}</span>
              <Show when={row.problems.length > 0}>
                <span class="muted"> · {reasons(row)}</span>
              </Show>
              <Show when={row.remarks.length > 0}>
                <span class="muted">
                  {' '}
                  · {row.remarks.map((remark) => remark[lang()]).join('；')}
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.plan.rows.length > shown()}>
        <button type="button" class="link-button" onClick={() => setShown(shown() + PAGE)}>
          {`${shown()} / ${props.plan.rows.length} …`}
        </button>
      </Show>
    </>
  );
}
