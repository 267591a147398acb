import { Show, createSignal, type JSX } from 'solid-js';
import type { ParkRecord } from '../data/parkRecord';
import { parkRecordsOf, type ParkRecords } from '../data/parkRecords';
import { useAppState } from '../state/context';
import { t } from '../domain/i18n';
import type { MapController } from '../map/controller';
import { downloadFile, todayStamp } from './download';
import { composeMapImage } from './mapImage';
import { loadQrEncoder } from './qr/qr';
import ShareQr from './qr/ShareQr';

/** Copy link, its QR code, exports of what is filtered (CSV, GeoJSON, PNG) and print. */
export default function ExportMenu(props: {
  controller: MapController | undefined;
  /** Where the exported parks' full records come from (a tiled registry's park files). */
  records: ParkRecords;
}): JSX.Element {
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
   * The full records of what is filtered. A tiled registry holds only summaries and no geometry
   * in memory: each park's record and exact shape are read from its own file then
   * (data/parkFile.ts), not rebuilt from the tiles, whose shapes are clipped and simplified, so the
   * exports equal those of the same registry loaded whole. Null (with the reason shown) when a file
   * could not be read.
   */
  const visibleRecords = async (): Promise<ParkRecord[] | null> => {
    const ids = state.visibleParks().map((park) => park.properties.id);
    const strings = state.index.tiles ? await import('./tiles/strings') : null;
    if (strings) setMessage(strings.tt('tiles.readingRecords', lang(), { count: ids.length }));
    try {
      const records = await parkRecordsOf(props.records, ids);
      if (strings) setMessage('');
      return records;
    } catch (error) {
      const { tt } = strings ?? (await import('./tiles/strings'));
      const reason = error instanceof Error ? error.message : String(error);
      setMessage(tt('tiles.exportFailed', lang(), { reason }));
      return null;
    }
  };
  // The writers load with the first export: the page's first bundle does not carry them.
  const writers = () => import('../domain/exportData');
  const exportParksCsv = async (): Promise<void> => {
    const [records, { parksCsv }] = await Promise.all([visibleRecords(), writers()]);
    if (!records) return;
    downloadFile(
      `zhenjiang-parks-${stamp()}.csv`,
      parksCsv(
        records.map((record) => record.park),
        state.index,
        lang(),
        (park) => state.index.areaOf(park.properties.id),
      ),
      'text/csv;charset=utf-8',
    );
  };
  const exportGeoJson = async (): Promise<void> => {
    const [records, { parksGeoJson }] = await Promise.all([visibleRecords(), writers()]);
    if (!records) return;
    downloadFile(
      `zhenjiang-parks-${stamp()}.geojson`,
      parksGeoJson(records.map((record) => record.park)),
      'application/geo+json',
    );
  };
  const exportProjectsCsv = async (): Promise<void> => {
    const [records, { fullProjectsOf, projectsCsv }] = await Promise.all([
      visibleRecords(),
      writers(),
    ]);
    if (!records) return;
    downloadFile(
      `zhenjiang-projects-${stamp()}.csv`,
      projectsCsv(fullProjectsOf(state.index, records), state.index, lang()),
      'text/csv;charset=utf-8',
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
        <button type="button" onClick={() => void exportParksCsv()}>
          {t('common.exportParksCsv', lang())}
        </button>
        <button type="button" onClick={() => void exportGeoJson()}>
          {t('common.exportGeoJson', lang())}
        </button>
        <button type="button" onClick={() => void exportProjectsCsv()}>
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
