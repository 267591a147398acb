import { Show, createSignal, type JSX } from 'solid-js';
import { hasGeometry } from '../data/registryPark';
import { useAppState } from '../state/context';
import { parksCsv, parksGeoJson, projectsCsv } from '../domain/exportData';
import { projectsOfParks } from '../domain/filter';
import { t } from '../domain/i18n';
import type { MapController } from '../map/controller';
import { downloadFile, todayStamp } from './download';
import { composeMapImage } from './mapImage';
import { loadQrEncoder } from './qr/qr';
import ShareQr from './qr/ShareQr';

/** Copy link, its QR code, exports of what is filtered (CSV, GeoJSON, PNG) and print. */
export default function ExportMenu(props: { controller: MapController | undefined }): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const [message, setMessage] = createSignal('');
  const [qrOpen, setQrOpen] = createSignal(false);
  const stamp = (): string => todayStamp();

  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setMessage(t('common.linkCopied', lang()));
    } catch {
      // Without clipboard permission the link is still shown, ready to copy by hand.
      setMessage(window.location.href);
    }
  };
  /**
   * The boundaries of what is filtered. A tiled registry holds no geometry in memory: each park's
   * exact shape is fetched from its own file then (data/tiledRegistry.ts), not rebuilt from the
   * tiles, whose shapes are clipped and simplified.
   */
  const exportGeoJson = async (): Promise<void> => {
    const parks = state.visibleParks();
    const tiles = state.index.tiles;
    let features = parks.filter(hasGeometry);
    if (tiles) {
      const [{ parkFeaturesOf }, { tt }] = await Promise.all([
        import('../data/tiledRegistry'),
        import('./tiles/strings'),
      ]);
      setMessage(tt('tiles.readingGeometry', lang(), { count: parks.length }));
      try {
        features = await parkFeaturesOf(tiles, parks);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setMessage(tt('tiles.exportFailed', lang(), { reason }));
        return;
      }
      setMessage('');
    }
    downloadFile(
      `zhenjiang-parks-${stamp()}.geojson`,
      parksGeoJson(features),
      'application/geo+json',
    );
  };
  const exportPng = async (): Promise<void> => {
    if (!props.controller) return;
    const visibleChains = state.index.chains.filter((chain) => state.filter().chains.has(chain.id));
    // Without the generator (its chunk failed to load) the image is still worth having.
    const qr = await loadQrEncoder()
      .then((encode) => encode(window.location.href))
      .catch(() => null);
    const blob = await composeMapImage(await props.controller.snapshot(), {
      title: t('app.title', lang()),
      subtitle: t('export.imageSubtitle', lang(), { count: state.visibleParks().length }),
      legendTitle: t('legend.title', lang()),
      chains: visibleChains.map((chain) => ({ chain, label: chain.name[lang()] })),
      note: t('data.notOfficialList', lang()),
      date: stamp(),
      qr: qr ? { matrix: qr, caption: t('qr.caption', lang()) } : null,
    });
    downloadFile(`zhenjiang-parks-map-${stamp()}.png`, blob, 'image/png');
  };

  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('common.export', lang())}</h2>
      <div class="button-row">
        <button type="button" onClick={() => void copyLink()}>
          {t('common.copyLink', lang())}
        </button>
        <button
          type="button"
          aria-expanded={qrOpen()}
          aria-controls="share-qr"
          onClick={() => setQrOpen(!qrOpen())}
        >
          {t('qr.show', lang())}
        </button>
        <button
          type="button"
          onClick={() =>
            downloadFile(
              `zhenjiang-parks-${stamp()}.csv`,
              parksCsv(state.visibleParks(), state.index, lang(), (park) =>
                state.index.areaOf(park.properties.id),
              ),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('common.exportParksCsv', lang())}
        </button>
        <button type="button" onClick={() => void exportGeoJson()}>
          {t('common.exportGeoJson', lang())}
        </button>
        <button
          type="button"
          onClick={() =>
            downloadFile(
              `zhenjiang-projects-${stamp()}.csv`,
              projectsCsv(projectsOfParks(state.index, state.visibleParks()), state.index, lang()),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('common.exportProjectsCsv', lang())}
        </button>
        <button type="button" disabled={!props.controller} onClick={() => void exportPng()}>
          {t('export.png', lang())}
        </button>
        <button
          type="button"
          onClick={() =>
            // The printed QR code needs its generator; a failed load still prints the rest.
            void loadQrEncoder()
              .catch(() => undefined)
              .then(() => window.print())
          }
        >
          {t('export.print', lang())}
        </button>
      </div>
      <Show when={qrOpen()}>
        <ShareQr lang={lang()} id="share-qr" />
      </Show>
      <Show when={message()}>
        <p class="small" role="status">
          {message()}
        </p>
      </Show>
    </section>
  );
}
