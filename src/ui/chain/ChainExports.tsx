import { Show, createSignal, type JSX } from 'solid-js';
import { useAppState } from '../../state/context';
import type { Chain, Name } from '../../data/schema';
import { chainReportCsv } from '../../domain/chains/report';
import { COVERAGE_SHORT, STAGE_LABEL } from '../../domain/chains/strings';
import { nameIn, t, type Lang } from '../../domain/i18n';
import type { MapController } from '../../map/controller';
import { downloadFile, todayStamp } from '../download';
import { loadQrEncoder } from '../qr/qr';
import { composeChainImage } from './chainImage';
import { countText, ct } from './strings';

/** The chain view's exports: the chain report (CSV), the chain image (PNG) and print. */
export default function ChainExports(props: {
  chain: Chain;
  controller: MapController | undefined;
  parkName: (parkId: string) => Name;
}): JSX.Element {
  const state = useAppState();
  const view = state.chainView;
  const lang = (): Lang => state.lang();
  const [message, setMessage] = createSignal('');

  const exportCsv = (): void => {
    const coverage = view.coverage();
    if (!coverage) return;
    const csv = chainReportCsv(coverage, {
      chain: view.chainIndex.chainById.get(props.chain.id) ?? {
        ...props.chain,
        segments: [],
        former_ids: [],
      },
      parkName: (id) => nameIn(props.parkName(id), lang()),
      wholeRegistry: view.wholeRegistry(),
      asOf: state.registry.asOf,
      lang: lang(),
    });
    downloadFile(
      `zhenjiang-chain-${props.chain.id}-${todayStamp()}.csv`,
      csv,
      'text/csv;charset=utf-8',
    );
  };

  const exportPng = async (): Promise<void> => {
    const controller = props.controller;
    const coverage = view.coverage();
    if (!controller || !coverage) return;
    const selected = view.segment();
    try {
      // Without the QR generator (its chunk failed to load) the image is still worth having.
      const qr = await loadQrEncoder()
        .then((encode) => encode(window.location.href))
        .catch(() => null);
      const blob = await composeChainImage(await controller.snapshot(), {
        chain: props.chain,
        title: ct('imageTitle', lang(), { name: props.chain.name[lang()] }),
        subtitle: selected
          ? ct('imageSegment', lang(), { name: selected.segment.name[lang()] })
          : ct('imageSubtitle', lang()),
        legendTitle: t('legend.title', lang()),
        legendLabel: props.chain.name[lang()],
        rows: coverage.segments.map((s) => ({
          stage: STAGE_LABEL[s.segment.stage][lang()],
          segment: s.segment.name[lang()],
          figures: [
            countText(s.projects.length, lang(), 'projects1', 'projectsN'),
            countText(s.parkIds.length, lang(), 'parks1', 'parksN'),
            countText(s.firms.length, lang(), 'firms1', 'firmsN'),
          ].join(' · '),
          coverage: COVERAGE_SHORT[s.state][lang()],
          selected: s.segment.id === selected?.segment.id,
        })),
        note: ct('coverageNote', lang(), { n: coverage.weakBelow }),
        date: todayStamp(),
        qr: qr ? { matrix: qr, caption: t('qr.caption', lang()) } : null,
      });
      downloadFile(`zhenjiang-chain-${props.chain.id}-${todayStamp()}.png`, blob, 'image/png');
      setMessage('');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="chain-exports export-like" aria-labelledby="chain-exports-title">
      <h3 id="chain-exports-title">{ct('exports', lang())}</h3>
      <div class="button-row">
        <button type="button" onClick={exportCsv}>
          {ct('exportCsv', lang())}
        </button>
        <button type="button" disabled={!props.controller} onClick={() => void exportPng()}>
          {ct('exportPng', lang())}
        </button>
        <button type="button" onClick={() => window.print()}>
          {ct('print', lang())}
        </button>
      </div>
      <Show when={message()}>
        <p class="small" role="status">
          {message()}
        </p>
      </Show>
    </section>
  );
}
