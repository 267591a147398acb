import { Show, createSignal, type JSX } from 'solid-js';
import type { Registry } from '../../data/registry';
import { projectsCsv } from '../../domain/exportData';
import type { Lang } from '../../domain/i18n';
import { indexRegistry } from '../../domain/membership';
import { formatProjectsFile } from '../../import/projects';
import type { Text } from '../../import/text';
import { downloadFile, todayStamp } from '../download';
import { tp } from './strings';

/**
 * The project import dialog's action bar: Apply (when the merged registry validates), Cancel,
 * and the exports of the project list in use — projects.json ready to commit into geo/, and CSV
 * (with the formula guard of domain/exportData).
 */
export default function ProjectActions(props: {
  registry: Registry;
  lang: Lang;
  canApply: boolean;
  onApply: () => void;
  onClose: () => void;
}): JSX.Element {
  const [status, setStatus] = createSignal<Text | null>(null);
  const exported = (file: string): void => {
    setStatus({
      zh: tp('projects.exported', 'zh', { file }),
      en: tp('projects.exported', 'en', { file }),
    });
  };

  const exportJson = (): void => {
    const projects = JSON.parse(JSON.stringify(props.registry.projects)) as never[];
    const name = 'projects.json';
    downloadFile(
      name,
      formatProjectsFile({ as_of: props.registry.asOf, projects }),
      'application/json',
    );
    exported(name);
  };

  const exportCsv = (): void => {
    const name = `projects-${todayStamp()}.csv`;
    const csv = projectsCsv(props.registry.projects, indexRegistry(props.registry), props.lang);
    downloadFile(name, csv, 'text/csv;charset=utf-8');
    exported(name);
  };

  return (
    <>
      <div class="button-row import-actions">
        <button
          type="button"
          class="primary"
          disabled={!props.canApply}
          onClick={() => props.onApply()}
        >
          {tp('projects.apply', props.lang)}
        </button>
        <button type="button" onClick={() => props.onClose()}>
          {tp('projects.cancel', props.lang)}
        </button>
        <button type="button" onClick={exportJson}>
          {tp('projects.exportJson', props.lang)}
        </button>
        <button type="button" onClick={exportCsv}>
          {tp('projects.exportCsv', props.lang)}
        </button>
      </div>
      <Show when={status()}>
        {(message) => (
          <p class="small" role="status">
            {message()[props.lang]}
          </p>
        )}
      </Show>
    </>
  );
}
