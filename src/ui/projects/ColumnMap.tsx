import { For, Index, Show, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import { PROJECT_FIELDS, cleanText, type ProjectField } from '../../import/projects';
import type { ProjectsSession } from '../../state/projectsSession';
import { tp } from './strings';

/** How many rows the "as read" table shows. */
const SHOWN_ROWS = 5;

/**
 * The column mapping: each header with the field it feeds (guessed, changeable), and the first
 * rows exactly as the reader read them, so a wrong header row or a shifted column is seen at once.
 */
export default function ColumnMap(props: { session: ProjectsSession; lang: Lang }): JSX.Element {
  const lang = (): Lang => props.lang;
  const table = () => props.session.table();
  const used = () => props.session.mapping().filter((column) => column.header !== '');
  return (
    <Show when={table()}>
      {(current) => (
        <>
          <h3>{tp('projects.columns', lang())}</h3>
          <ul class="import-list small projects-columns">
            <For each={used()}>
              {(column) => (
                <li>
                  <label class="import-field">
                    <span>{column.header}</span>
                    <select
                      value={column.field ?? ''}
                      onChange={(event) =>
                        props.session.setField(
                          column.header,
                          (event.currentTarget.value || null) as ProjectField | null,
                        )
                      }
                    >
                      <option value="">{tp('projects.notImported', lang())}</option>
                      <For each={PROJECT_FIELDS}>
                        {(field) => (
                          <option value={field}>{tp(`projects.field.${field}`, lang())}</option>
                        )}
                      </For>
                    </select>
                  </label>
                </li>
              )}
            </For>
          </ul>
          <Show when={!props.session.mapping().some((column) => column.field === 'name')}>
            <p class="import-warning small" role="alert">
              {tp('projects.needName', lang())}
            </p>
          </Show>
          <details class="projects-first-rows">
            <summary>{tp('projects.firstRows', lang())}</summary>
            <div class="projects-table-wrap">
              <table class="small">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <Index each={current().headers}>
                      {(header) => <th scope="col">{header()}</th>}
                    </Index>
                  </tr>
                </thead>
                <tbody>
                  <For each={current().rows.slice(0, SHOWN_ROWS)}>
                    {(row) => (
                      <tr>
                        <th scope="row">{row.row}</th>
                        <Index each={row.cells}>{(cell) => <td>{cleanText(cell())}</td>}</Index>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </Show>
  );
}
