import { For, Show, createSignal, onMount, type JSX } from 'solid-js';
import type { Project } from '../../data/schema';
import { applyProjects } from '../../data/projectImports';
import { nameIn, type Lang } from '../../domain/i18n';
import { errorText } from '../../import/text';
import { createProjectEditor, type PreparedChange } from '../../state/projectEditor';
import '../import/import.css';
import type { ProjectEditing } from './editing';
import LocationField from './LocationField';
import ProjectFields from './ProjectFields';
import Sources from '../Sources';
import { tp } from './strings';
import './projectEditor.css';
import { createLazyPinyin } from './lazyPinyin';

/**
 * The form that adds, edits or deletes one project. The record is checked as the user types;
 * Save (and Delete, once confirmed) validates the project list with the change once and makes it
 * the list in use — stored in this browser, one "undo the project change" away.
 */
export default function ProjectEditor(props: {
  editing: ProjectEditing;
  /** The project to edit, or null to add one. */
  project: Project | null;
  /** A new project's park (the park whose detail the form opened from). */
  park?: string | null;
  lang: Lang;
  onClose: () => void;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  // The form edits one registry: the one in use when it opened; saving rebuilds the explorer.
  // eslint-disable-next-line solid/reactivity
  const registry = props.editing.data.active.registry;
  const toPinyin = createLazyPinyin();
  const editor = createProjectEditor({
    registry,
    // eslint-disable-next-line solid/reactivity -- the form is for one project
    project: props.project,
    // eslint-disable-next-line solid/reactivity
    park: props.park ?? null,
    toPinyin,
  });
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal('');
  let heading!: HTMLHeadingElement;

  onMount(() => {
    heading.focus();
  });

  const park = () => registry.parks.find((p) => p.properties.id === editor.values().park);
  const result = () => editor.check.result();
  const problemCount = (): number => {
    const check = result();
    if (!check) return 0;
    let count = check.other.length;
    for (const problems of check.byField.values()) count += problems.length;
    return count;
  };
  const unchanged = (): boolean => props.project !== null && result()?.changed.length === 0;

  const commit = async (prepared: PreparedChange | null): Promise<void> => {
    if (!prepared) return;
    try {
      props.editing.onChange(
        await applyProjects(props.editing.data, prepared.change, prepared.validated),
      );
      props.onClose();
    } catch (caught) {
      const problem = errorText(caught);
      setError(tp('projects.saveFailed', lang(), { error: problem[lang()] }));
    }
  };
  const run = async (step: () => Promise<PreparedChange | null> | PreparedChange | null) => {
    setBusy(true);
    setError('');
    try {
      await commit(await step());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="project-editor"
      aria-labelledby="project-editor-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => editor.prepareSave());
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The form's Escape closes the form, not the park detail around it.
        event.preventDefault();
        event.stopPropagation();
        props.onClose();
      }}
    >
      <h3 id="project-editor-heading" tabindex="-1" ref={heading}>
        {props.project
          ? tp('edit.titleEdit', lang(), { name: nameIn(props.project.name, lang()) })
          : tp('edit.titleAdd', lang())}
      </h3>
      <p class="muted small">{tp('edit.intro', lang())}</p>
      <ProjectFields editor={editor} registry={registry} lang={lang()} />
      <LocationField
        editor={editor}
        park={park()}
        controller={props.editing.controller}
        lang={lang()}
      />
      <Show when={props.project}>
        {(project) => (
          <details class="project-sources">
            <summary>{tp('edit.sources', lang())}</summary>
            <Sources sources={project().sources} lang={lang()} />
          </details>
        )}
      </Show>
      <div class="small" role="status">
        <Show when={!editor.check.pending()} fallback={tp('edit.checking', lang())}>
          <Show
            when={problemCount() === 0}
            fallback={tp('edit.problems', lang(), { count: problemCount() })}
          >
            {unchanged() ? tp('edit.unchanged', lang()) : tp('edit.valid', lang())}
          </Show>
        </Show>
      </div>
      <Show when={(result()?.other.length ?? 0) > 0}>
        <ul class="import-error small">
          <For each={result()?.other}>{(problem) => <li>{problem[lang()]}</li>}</For>
        </ul>
      </Show>
      <Show when={editor.findings().length > 0}>
        <div class="import-error small" role="alert">
          <p>{tp('edit.registryFindings', lang())}</p>
          <ul>
            <For each={editor.findings()}>{(finding) => <li>{finding[lang()]}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={error()}>
        <p class="import-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="button-row">
        <button
          type="submit"
          class="primary"
          disabled={busy() || problemCount() > 0 || unchanged()}
        >
          {busy() ? tp('edit.saving', lang()) : tp('edit.save', lang())}
        </button>
        <button type="button" onClick={() => props.onClose()}>
          {tp('edit.cancel', lang())}
        </button>
        <Show when={props.project && !confirming()}>
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {tp('edit.delete', lang())}
          </button>
        </Show>
      </div>
      <Show when={props.project && confirming()}>
        <div
          class="project-edit-confirm"
          role="alertdialog"
          aria-labelledby="project-edit-confirm-text"
        >
          <p id="project-edit-confirm-text">
            {tp('edit.confirmDelete', lang(), {
              name: nameIn(props.project?.name ?? { zh: '' }, lang()),
            })}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="danger"
              ref={(button) => queueMicrotask(() => button.focus())}
              disabled={busy()}
              onClick={() => void run(() => editor.prepareDelete())}
            >
              {tp('edit.confirmDeleteYes', lang())}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {tp('edit.confirmDeleteNo', lang())}
            </button>
          </div>
        </div>
      </Show>
    </form>
  );
}
