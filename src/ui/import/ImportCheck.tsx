import { Show, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import type { ImportSession } from '../../state/importSession';
import FindingList from '../FindingList';
import { ti } from './strings';

/**
 * The validator's verdict on the merged registry: what applying would change, the findings that
 * stop it, or that there is nothing to apply. While the validation waits for typing to pause it
 * says so, rather than show the findings of the text before.
 */
export default function ImportCheck(props: { session: ImportSession; lang: Lang }): JSX.Element {
  const lang = (): Lang => props.lang;
  const findings = () => props.session.validation()?.findings ?? [];
  const merged = () => props.session.plan()?.merged;
  const summary = (): string => {
    if (props.session.checking()) return ti('import.checking', lang());
    if (!props.session.canApply()) return ti('import.nothing', lang());
    return ti('import.valid', lang(), {
      changed: merged()?.changed.length ?? 0,
      added: merged()?.added.length ?? 0,
    });
  };
  return (
    <>
      <h3>{ti('import.check', lang())}</h3>
      <Show
        when={!props.session.checking() && findings().length > 0}
        fallback={
          <p class="small" role="status">
            {summary()}
          </p>
        }
      >
        <p class="import-warning small" role="status">
          {ti('import.invalid', lang(), { count: findings().length })}
        </p>
        <FindingList findings={findings()} class="import-findings" />
      </Show>
    </>
  );
}
