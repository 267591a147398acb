import { For, Show, createSignal, onMount, type JSX } from 'solid-js';
import type { LoadedData } from '../../data/persist';
import { applyProjects } from '../../data/projectImports';
import { t, type Lang } from '../../domain/i18n';
import { errorText, type Text } from '../../import/text';
import { createProjectsSession } from '../../state/projectsSession';
import '../import/import.css';
import ColumnMap from './ColumnMap';
import MergeCheck from './MergeCheck';
import ProjectActions from './ProjectActions';
import Questions from './Questions';
import RowPreview from './RowPreview';
import { tp } from './strings';
import { createLazyPinyin } from './lazyPinyin';

const ACCEPT = '.xlsx,.xls,.ods,.csv,.txt,.tsv';

/**
 * The project import dialog: choose a ledger, check the sheet and the column mapping, answer the
 * once-per-value questions, see every row's state and the merged registry's findings, pick the
 * merge mode, then apply — or not. Nothing changes until Apply; the list before stays one undo
 * away. Its action bar (ProjectActions) also exports the project list in use.
 */
export default function ProjectsPanel(props: {
  data: LoadedData;
  lang: Lang;
  onChange: (data: LoadedData) => void;
  onClose: () => void;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const say = (message: Text): string => message[lang()];
  const registry = () => props.data.active.registry;
  const toPinyin = createLazyPinyin();
  const session = createProjectsSession({ registry, toPinyin });
  const [file, setFile] = createSignal<File | null>(null);
  let heading!: HTMLHeadingElement;

  onMount(() => {
    heading.focus();
  });

  const choose = (chosen: File | undefined): void => {
    if (!chosen) return;
    setFile(chosen);
    void session.readFile(chosen);
  };

  const apply = async (): Promise<void> => {
    const merged = session.merged();
    const validated = session.validation();
    const grid = session.grid();
    if (!session.canApply() || !merged || !validated || !grid) return;
    session.setBusy(true);
    try {
      const next = await applyProjects(
        props.data,
        {
          projects: merged.file,
          fileName: grid.fileName,
          added: merged.added,
          updated: merged.updated,
          removed: merged.removed,
        },
        validated,
      );
      props.onChange(next);
    } catch (caught) {
      const error = errorText(caught);
      session.setError({
        zh: tp('projects.saveFailed', 'zh', { error: error.zh }),
        en: tp('projects.saveFailed', 'en', { error: error.en }),
      });
    } finally {
      session.setBusy(false);
    }
  };

  return (
    <section
      class="import-panel projects-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="projects-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="import-head">
        <h2 id="projects-heading" tabindex="-1" ref={heading}>
          {tp('projects.title', lang())}
        </h2>
        <button type="button" class="link-button" onClick={() => props.onClose()}>
          {t('close', lang())}
        </button>
      </div>
      <p class="muted small">{tp('projects.intro', lang())}</p>
      <div class="import-drop">
        <label for="projects-file">{tp('projects.chooseFile', lang())}</label>
        <input
          id="projects-file"
          type="file"
          accept={ACCEPT}
          onChange={(event) => choose(event.currentTarget.files?.[0])}
        />
      </div>
      <Show when={session.busy()}>
        <p role="status">{tp('projects.reading', lang())}</p>
      </Show>
      <Show when={session.error()}>
        {(problem) => (
          <p class="import-error" role="alert">
            {say(problem())}
          </p>
        )}
      </Show>

      <Show when={session.grid()}>
        {(grid) => (
          <div class="import-body">
            <Show when={grid().sheet !== null && grid().sheets.length > 1}>
              <label class="import-field">
                <span>{tp('projects.sheet', lang())}</span>
                <select
                  value={grid().sheet ?? ''}
                  onChange={(event) => {
                    const chosen = file();
                    if (chosen) void session.readFile(chosen, event.currentTarget.value);
                  }}
                >
                  <For each={grid().sheets}>
                    {(sheet) => <option value={sheet}>{sheet}</option>}
                  </For>
                </select>
              </label>
            </Show>
            <Show when={session.table()}>
              {(table) => (
                <p class="small">
                  {tp('projects.read', lang(), {
                    file: grid().fileName,
                    header: table().headerRow,
                    rows: table().rows.length,
                  })}
                </p>
              )}
            </Show>
            <ul class="import-notes small">
              <For each={grid().notes}>{(note) => <li>{say(note)}</li>}</For>
            </ul>
            <ColumnMap session={session} lang={lang()} />
            <Questions session={session} registry={registry()} lang={lang()} />
            <Show when={session.plan()}>
              {(plan) => <RowPreview plan={plan()} lang={lang()} />}
            </Show>

            <MergeCheck session={session} lang={lang()} />
          </div>
        )}
      </Show>

      <ProjectActions
        registry={registry()}
        lang={lang()}
        canApply={session.canApply()}
        onApply={() => void apply()}
        onClose={() => props.onClose()}
      />
    </section>
  );
}
