import { For, Show, createSignal, onMount, type JSX } from 'solid-js';
import { applyImport } from '../../data/imports';
import type { LoadedData } from '../../data/persist';
import { t, type Lang } from '../../domain/i18n';
import { errorText, formatParksFile, type Text } from '../../import';
import type { MapController } from '../../map/controller';
import { createImportSession } from '../../state/importSession';
import { downloadFile } from '../download';
import CrsChooser from './CrsChooser';
import FileDrop from './FileDrop';
import ImportCheck from './ImportCheck';
import MatchReview from './MatchReview';
import { createImportPreview } from './preview';
import './import.css';
import { ti } from './strings';

/**
 * The import dialog: choose a file (or drop it), settle its coordinate system, pick the match
 * field, look at the preview on the map, see which parks match, which features do not and which
 * parks the file leaves out, read the validator's findings, then apply — or not. Nothing changes
 * until Apply; the previous registry stays one Undo away. The state lives in an import session;
 * this shell composes its views, draws the preview and keeps the focus where it belongs.
 */
export default function ImportPanel(props: {
  data: LoadedData;
  lang: Lang;
  controller: MapController | undefined;
  onChange: (data: LoadedData) => void;
  onClose: () => void;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const say = (message: Text): string => message[lang()];
  const registry = () => props.data.active.registry;
  const session = createImportSession({ registry });
  const [status, setStatus] = createSignal<Text | null>(null);
  let heading!: HTMLHeadingElement;

  createImportPreview(
    () => session.plan()?.converted,
    () => props.controller,
  );
  onMount(() => heading.focus());

  const readFiles = (files: readonly File[]): void => {
    setStatus(null);
    void session.readFiles(files);
  };

  const apply = async (): Promise<void> => {
    if (!session.canApply()) return;
    session.setBusy(true);
    try {
      const ready = await session.validated();
      const merged = ready?.plan.merged;
      if (!ready || !merged) return;
      const next = await applyImport(
        props.data,
        {
          parks: merged.parks,
          fileName: ready.plan.source.fileName,
          changed: merged.changed,
          added: merged.added,
        },
        ready.validated,
      );
      props.onChange(next);
    } catch (caught) {
      const error = errorText(caught);
      session.setError({
        zh: ti('import.saveFailed', 'zh', { error: error.zh }),
        en: ti('import.saveFailed', 'en', { error: error.en }),
      });
    } finally {
      session.setBusy(false);
    }
  };

  const exportCurrent = (): void => {
    const parks = {
      type: 'FeatureCollection' as const,
      features: registry().parks.map((park) => ({
        type: 'Feature',
        properties: park.properties,
        geometry: park.geometry,
      })),
    };
    downloadFile('parks.geojson', formatParksFile(parks), 'application/geo+json');
    setStatus({ zh: ti('import.exported', 'zh'), en: ti('import.exported', 'en') });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  };

  return (
    <section
      class="import-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="import-heading"
      onKeyDown={onKeyDown}
    >
      <div class="import-head">
        <h2 id="import-heading" tabindex="-1" ref={heading}>
          {t('import.title', lang())}
        </h2>
        <button type="button" class="link-button" onClick={() => props.onClose()}>
          {t('close', lang())}
        </button>
      </div>
      <p class="muted small">{ti('import.intro', lang())}</p>
      <FileDrop lang={lang()} onFiles={readFiles} />

      <Show when={session.busy()}>
        <p role="status">{ti('import.reading', lang())}</p>
      </Show>
      <Show when={session.error()}>
        {(problem) => (
          <p class="import-error" role="alert">
            {say(problem())}
          </p>
        )}
      </Show>

      <Show when={session.source()}>
        {(source) => (
          <div class="import-body">
            <p class="small">
              {ti('import.read', lang(), {
                file: source().fileName,
                count: source().features.length,
              })}
            </p>
            <Show when={source().notes.length > 0}>
              <ul class="import-notes small">
                <For each={source().notes}>{(note) => <li>{say(note)}</li>}</For>
              </ul>
            </Show>
            <CrsChooser session={session} source={source()} lang={lang()} />
            <Show when={session.plan()?.converted}>
              {(converted) => (
                <>
                  <p class="small import-preview-note">
                    <span class="import-swatch" aria-hidden="true" />{' '}
                    {ti('import.previewNote', lang(), { name: say(converted().crs.name) })}
                  </p>
                  <Show when={converted().warnings.length > 0}>
                    <ul class="import-notes small import-warning" role="status">
                      <For each={converted().warnings}>{(warning) => <li>{say(warning)}</li>}</For>
                    </ul>
                  </Show>
                  <Show when={session.plan()?.match}>
                    {(match) => (
                      <MatchReview
                        session={session}
                        source={source()}
                        match={match()}
                        registry={registry()}
                        lang={lang()}
                      />
                    )}
                  </Show>
                  <ImportCheck session={session} lang={lang()} />
                </>
              )}
            </Show>
          </div>
        )}
      </Show>

      <div class="button-row import-actions">
        <button
          type="button"
          class="primary"
          disabled={!session.canApply() || session.busy()}
          onClick={() => void apply()}
        >
          {ti('import.apply', lang())}
        </button>
        <button type="button" onClick={() => props.onClose()}>
          {ti('import.cancel', lang())}
        </button>
        <button type="button" onClick={exportCurrent}>
          {ti('import.export', lang())}
        </button>
      </div>
      <Show when={status()}>
        {(message) => (
          <p class="small" role="status">
            {say(message())}
          </p>
        )}
      </Show>
    </section>
  );
}
