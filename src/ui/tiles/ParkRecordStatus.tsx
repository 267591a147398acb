import { Show, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import { tt } from './strings';

/**
 * A tiled registry's park detail while the park's file is read: a loading line naming the file,
 * or, when it could not be read, the reason (which names the file) and a retry. The summary above
 * stays shown either way.
 */
export default function ParkRecordStatus(props: {
  /** The park's file as messages name it. */
  file: string;
  /** Why the file could not be read; null while it is being read. */
  problem: string | null;
  lang: Lang;
  onRetry: () => void;
}): JSX.Element {
  return (
    <Show
      when={props.problem}
      fallback={
        <p class="park-record-status muted small" role="status">
          {tt('tiles.recordLoading', props.lang, { file: props.file })}
        </p>
      }
    >
      {(problem) => (
        <p class="park-record-status import-error small" role="alert">
          {tt('tiles.recordFailed', props.lang, { reason: problem() })}{' '}
          <button type="button" class="link-button" onClick={() => props.onRetry()}>
            {tt('tiles.retry', props.lang)}
          </button>
        </p>
      )}
    </Show>
  );
}
