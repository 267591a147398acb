import { Show, createSignal, lazy, type JSX } from 'solid-js';
import type { LoadedData } from '../../data/persist';
import type { Lang } from '../../domain/i18n';
import type { ProjectEditing } from './editing';
import { tp } from './strings';

// The panel, SheetJS's worker and the validator load on first use; so does the project form.
const ProjectsPanel = lazy(() => import('./ProjectsPanel'));
const ProjectEditor = lazy(() => import('./ProjectEditor'));

/**
 * The way into the project importer: the "import a project list" button and — while an imported
 * or edited list is in use — the notice that says so, with undo and "reset projects to shipped
 * data". The project list keeps its own undo, apart from the boundary import's.
 */
export default function ProjectsEntry(props: {
  data: LoadedData;
  lang: Lang;
  onChange: (data: LoadedData) => void;
  /** Where a project added here is stored, and the map to pick its location on. */
  editing?: ProjectEditing;
}): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [adding, setAdding] = createSignal(false);
  let addButton!: HTMLButtonElement;
  const [problem, setProblem] = createSignal('');
  let opener!: HTMLButtonElement;
  const lang = (): Lang => props.lang;
  const state = () => props.data.projects?.state;

  const change = async (kind: 'undo' | 'reset'): Promise<void> => {
    try {
      const steps = await import('../../data/projectImports');
      const step = kind === 'undo' ? steps.undoProjects : steps.resetProjects;
      setProblem('');
      props.onChange(await step(props.data));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="import-entry" aria-label={tp('projects.title', lang())}>
      <Show when={state()?.current}>
        {(current) => (
          <p class="notice import-notice" role="status">
            {current().fileName === null
              ? tp('projects.editedInUse', lang(), { date: current().appliedAt.slice(0, 10) })
              : tp('projects.inUse', lang(), {
                  file: current().fileName ?? '',
                  date: current().appliedAt.slice(0, 10),
                })}
          </p>
        )}
      </Show>
      <Show when={!state()?.current && state()?.canUndo}>
        <p class="notice import-notice" role="status">
          {tp('projects.shippedInUse', lang())}
        </p>
      </Show>
      <div class="button-row">
        <button type="button" ref={opener} aria-expanded={open()} onClick={() => setOpen(!open())}>
          {tp('projects.open', lang())}
        </button>
        <Show when={props.editing}>
          <button
            type="button"
            ref={addButton}
            aria-expanded={adding()}
            onClick={() => setAdding(!adding())}
          >
            {tp('edit.add', lang())}
          </button>
        </Show>
        <Show when={state()?.canUndo}>
          <button type="button" onClick={() => void change('undo')}>
            {tp('projects.undo', lang())}
          </button>
        </Show>
        <Show when={state()?.current}>
          <button type="button" onClick={() => void change('reset')}>
            {tp('projects.reset', lang())}
          </button>
        </Show>
      </div>
      <Show when={problem()}>
        <p class="import-error small" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={adding() && props.editing}>
        {(editing) => (
          <ProjectEditor
            editing={editing()}
            project={null}
            lang={lang()}
            onClose={() => {
              setAdding(false);
              addButton.focus();
            }}
          />
        )}
      </Show>
      <Show when={open()}>
        <ProjectsPanel
          data={props.data}
          lang={lang()}
          onChange={(data) => {
            setOpen(false);
            props.onChange(data);
            opener.focus();
          }}
          onClose={() => {
            setOpen(false);
            opener.focus();
          }}
        />
      </Show>
    </section>
  );
}
