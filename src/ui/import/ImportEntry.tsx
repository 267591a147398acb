import { Show, createSignal, lazy, type JSX } from 'solid-js';
import type { LoadedData } from '../../data/persist';
import { t, type Lang } from '../../domain/i18n';
import type { MapController } from '../../map/controller';

// The panel and the importer it carries (proj4, shpjs, togeojson, fflate, gcoord) load on first use.
const ImportPanel = lazy(() => import('./ImportPanel'));

/**
 * The way into the importer from the side panel: the "import boundaries" button, and — while an
 * import is in use — the notice that says so, with undo and "reset to shipped data". Small, and
 * the only import code in the first bundle.
 */
export default function ImportEntry(props: {
  data: LoadedData;
  lang: Lang;
  controller: MapController | undefined;
  onChange: (data: LoadedData) => void;
}): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  let opener!: HTMLButtonElement;
  const lang = (): Lang => props.lang;

  const close = (): void => {
    setOpen(false);
    opener.focus();
  };

  /** Runs a stored-state change (undo, reset) and hands the app its new registry. */
  const change = async (kind: 'undo' | 'reset'): Promise<void> => {
    try {
      const imports = await import('../../data/imports');
      const step = kind === 'undo' ? imports.undoImport : imports.resetImport;
      props.onChange(await step(props.data));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const current = () => props.data.state.current;

  return (
    <section class="import-entry" aria-label={t('import.title', lang())}>
      <Show when={current()}>
        {(imported) => (
          <p class="notice import-notice" role="status">
            {t('import.inUse', lang(), {
              file: imported().fileName,
              date: imported().appliedAt.slice(0, 10),
            })}
          </p>
        )}
      </Show>
      <Show when={!current() && props.data.state.canUndo}>
        <p class="notice import-notice" role="status">
          {t('import.shippedInUse', lang())}
        </p>
      </Show>
      <div class="button-row">
        <button type="button" ref={opener} aria-expanded={open()} onClick={() => setOpen(!open())}>
          {t('import.open', lang())}
        </button>
        <Show when={props.data.state.canUndo}>
          <button type="button" onClick={() => void change('undo')}>
            {t('import.undo', lang())}
          </button>
        </Show>
        <Show when={current()}>
          <button type="button" onClick={() => void change('reset')}>
            {t('import.reset', lang())}
          </button>
        </Show>
      </div>
      <Show when={problem()}>
        <p class="import-error small" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={open()}>
        <ImportPanel
          data={props.data}
          lang={lang()}
          controller={props.controller}
          onChange={(data) => {
            setOpen(false);
            props.onChange(data);
          }}
          onClose={close}
        />
      </Show>
    </section>
  );
}
