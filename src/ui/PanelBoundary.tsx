import { ErrorBoundary, type JSX } from 'solid-js';
import { t, type Lang } from '../domain/i18n';

/**
 * Wraps one panel so that an exception thrown while it renders (or in one of its effects) shows
 * why, in place, with a retry button, while the rest of the page carries on. Without it, one
 * panel's error would unmount the whole explorer and leave a blank page.
 */
export default function PanelBoundary(props: { lang: Lang; children: JSX.Element }): JSX.Element {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <div class="panel-error" role="alert">
          <p>
            {t('panelFailed', props.lang)} {error instanceof Error ? error.message : String(error)}
          </p>
          <button type="button" onClick={reset}>
            {t('retry', props.lang)}
          </button>
        </div>
      )}
    >
      {props.children}
    </ErrorBoundary>
  );
}
