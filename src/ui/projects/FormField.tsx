import { For, Show, type JSX } from 'solid-js';
import type { Bilingual } from '../../data/schema';
import type { Lang } from '../../domain/i18n';

/** The ids of a form control and of the list of its problems. */
export function fieldIds(name: string): { input: string; problems: string } {
  return { input: `project-edit-${name}`, problems: `project-edit-${name}-problems` };
}

/** A control's aria-invalid: set while its value has problems. */
export function invalid(problems: readonly Bilingual[]): 'true' | undefined {
  return problems.length > 0 ? 'true' : undefined;
}

/**
 * A control's aria-describedby: the list of its field's problems, while there are any. (Plain
 * attributes rather than a JSX spread: Solid's spread helper would join the first bundle.)
 */
export function describedBy(name: string, problems: readonly Bilingual[]): string | undefined {
  return problems.length > 0 ? fieldIds(name).problems : undefined;
}

/**
 * A labelled control and, below it, what is wrong with its value: each message names the field
 * and the problem, and the control points at them (aria-describedby) so a screen reader reads
 * them with it.
 */
export default function FormField(props: {
  name: string;
  label: string;
  problems: readonly Bilingual[];
  lang: Lang;
  children: JSX.Element;
}): JSX.Element {
  const ids = (): { input: string; problems: string } => fieldIds(props.name);
  return (
    <div class="import-field project-edit-field">
      <label for={ids().input}>{props.label}</label>
      {props.children}
      <Show when={props.problems.length > 0}>
        <ul class="import-error small" id={ids().problems}>
          <For each={props.problems}>{(problem) => <li>{problem[props.lang]}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
