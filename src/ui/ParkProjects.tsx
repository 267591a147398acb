import { For, Show, createMemo, createSignal, lazy, type JSX } from 'solid-js';
import type { Project } from '../data/schema';
import { formatInvestment, nameIn, t, type I18nKey } from '../domain/i18n';
import { useAppState } from '../state/context';
import ChainTag from './ChainTag';
import Sources from './Sources';
import type { ProjectEditing } from './projects/editing';
import { te } from './projects/entryStrings';

// The form, its checks and the validator load when a project is first added or edited.
const ProjectEditor = lazy(() => import('./projects/ProjectEditor'));

/**
 * A park's projects in its detail panel: status, year, investment, sources, "show on map", and —
 * where the explorer can store edits — add, edit and delete through the project form. The list is
 * the index's (summaries); a project's note, bases and sources show once `records` has its full
 * record (at once for a registry loaded whole, from the park's file for a tiled one).
 */
export default function ParkProjects(props: {
  parkId: string;
  /** The full records of the park's projects; undefined while they are read. */
  records: readonly Project[] | undefined;
  editing?: ProjectEditing;
  onShowProject: (id: string) => void;
}): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const projects = () => state.index.projectsByPark.get(props.parkId) ?? [];
  const fullById = createMemo(
    () => new Map((props.records ?? []).map((project) => [project.id, project])),
  );
  // null: no form; 'new': adding; a project: editing it.
  const [form, setForm] = createSignal<Project | 'new' | null>(null);
  let addButton: HTMLButtonElement | undefined;
  const close = (): void => {
    setForm(null);
    addButton?.focus();
  };
  // The last change was an edit in the app (not an import): undo it here, where it was made.
  const canUndoEdit = (): boolean => {
    const stored = props.editing?.data.projects?.state;
    return stored?.canUndo === true && stored.current?.fileName === null;
  };
  const [problem, setProblem] = createSignal('');
  const undoEdit = async (editing: ProjectEditing): Promise<void> => {
    try {
      const { undoProjects } = await import('../data/projectImports');
      setProblem('');
      editing.onChange(await undoProjects(editing.data));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <h3 id="park-projects-heading">
        {t('projects', lang())} <span class="muted">({projects().length})</span>
      </h3>
      <Show when={props.editing}>
        {(editing) => (
          <>
            <Show when={form() === null}>
              <div class="button-row">
                <button type="button" ref={addButton} onClick={() => setForm('new')}>
                  {te('edit.addIn', lang())}
                </button>
                <Show when={canUndoEdit()}>
                  <button type="button" onClick={() => void undoEdit(editing())}>
                    {te('edit.undoEdit', lang())}
                  </button>
                </Show>
              </div>
            </Show>
            <Show when={problem()}>
              <p class="import-error small" role="alert">
                {problem()}
              </p>
            </Show>
            <Show when={form()} keyed>
              {(chosen) => (
                <ProjectEditor
                  editing={editing()}
                  project={chosen === 'new' ? null : chosen}
                  park={props.parkId}
                  lang={lang()}
                  onClose={close}
                />
              )}
            </Show>
          </>
        )}
      </Show>
      <Show when={projects().length > 0} fallback={<p class="empty">{t('noProjects', lang())}</p>}>
        <ul class="projects" role="list" aria-labelledby="park-projects-heading">
          <For each={projects()}>
            {(project) => {
              const chain = state.index.chainById.get(project.chain);
              const full = (): Project | undefined => fullById().get(project.id);
              return (
                <li
                  class="project"
                  data-project-id={project.id}
                  aria-current={state.selectedProjectId() === project.id ? 'true' : undefined}
                >
                  <div class="project-name">{nameIn(project.name, lang())}</div>
                  <div class="project-meta">
                    {chain ? <ChainTag chain={chain} lang={lang()} /> : null}
                    <span>{t(`status.${project.status}` as I18nKey, lang())}</span>
                    <Show when={project.year}>{(year) => <span>{year()}</span>}</Show>
                    <span>
                      {project.investment_cny_100m === null
                        ? t('investmentUnknown', lang())
                        : formatInvestment(project.investment_cny_100m, lang())}
                    </span>
                    <Show when={full()?.park_basis === 'inferred'}>
                      <span class="basis">{t('parkInferred', lang())}</span>
                    </Show>
                  </div>
                  <Show when={full()?.note}>
                    {(note) => <p class="muted small">{note()[lang()]}</p>}
                  </Show>
                  <Show when={project.location}>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => props.onShowProject(project.id)}
                    >
                      {t('showOnMap', lang())}
                    </button>
                  </Show>
                  <Show when={props.editing && form() === null && full()}>
                    {(editable) => (
                      <button
                        type="button"
                        class="link-button"
                        aria-label={te('edit.editNamed', lang(), {
                          name: nameIn(project.name, lang()),
                        })}
                        onClick={() => setForm(editable())}
                      >
                        {te('edit.edit', lang())}
                      </button>
                    )}
                  </Show>
                  <Show when={full()}>
                    {(whole) => (
                      <details class="project-sources">
                        <summary>{t('sources', lang())}</summary>
                        <Sources sources={whole().sources} lang={lang()} />
                      </details>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </>
  );
}
