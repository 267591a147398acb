import { For, Show, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import type { MergeMode } from '../../import/projects';
import type { ProjectsSession } from '../../state/projectsSession';
import FindingList from '../FindingList';
import { tp } from './strings';

const MODES: readonly MergeMode[] = ['merge', 'replace'];

/** The merge mode, and the validator's verdict on the merged registry: the changes, or the findings. */
export default function MergeCheck(props: { session: ProjectsSession; lang: Lang }): JSX.Element {
  const lang = (): Lang => props.lang;
  const findings = () => props.session.validation()?.findings ?? [];
  return (
    <>
      <fieldset class="projects-mode">
        <legend>{tp('projects.mode', lang())}</legend>
        <For each={MODES}>
          {(mode) => (
            <label>
              <input
                type="radio"
                name="projects-mode"
                value={mode}
                checked={props.session.mode() === mode}
                onChange={() => props.session.setMode(mode)}
              />{' '}
              {tp(`projects.mode.${mode}`, lang())}
            </label>
          )}
        </For>
      </fieldset>
      <Show
        when={findings().length > 0}
        fallback={
          <p class="small" role="status">
            {props.session.canApply()
              ? tp('projects.valid', lang(), {
                  added: props.session.merged()?.added.length ?? 0,
                  updated: props.session.merged()?.updated.length ?? 0,
                  removed: props.session.merged()?.removed.length ?? 0,
                })
              : tp('projects.nothing', lang())}
          </p>
        }
      >
        <p class="import-warning small" role="status">
          {tp('projects.invalid', lang(), { count: findings().length })}
        </p>
        <FindingList findings={findings()} class="import-findings" />
      </Show>
    </>
  );
}
