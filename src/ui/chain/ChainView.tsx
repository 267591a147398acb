import { Show, createMemo, onMount, type JSX } from 'solid-js';
import { useAppState } from '../../state/context';
import type { Name } from '../../data/schema';
import { chainPipeline } from '../../domain/chains/pipeline';
import { rankParksForSegment } from '../../domain/chains/ranking';
import { chainFigures, chainLineage } from '../../domain/chains/registryChains';
import { t, type Lang } from '../../domain/i18n';
import type { MapController } from '../../map/controller';
import ChainExports from './ChainExports';
import ChainFacts from './ChainFacts';
import PipelineChart from './PipelineChart';
import PlacementList from './PlacementList';
import SegmentDetail from './SegmentDetail';
import SegmentStrip from './SegmentStrip';
import { ct } from './strings';
import './chain.css';

/**
 * The chain view: a landmark named by the chain with its cluster, status, sources and figures, its
 * segments as a strip with their coverage in this registry, the selected segment's host parks,
 * where a new project could go, and the pipeline. Counts follow the kind, level and district
 * filters.
 */
export default function ChainView(props: {
  chainId: string;
  controller: MapController | undefined;
  onOpenPark: (parkId: string) => void;
  onClose: () => void;
}): JSX.Element {
  const state = useAppState();
  const view = state.chainView;
  const lang = (): Lang => state.lang();
  let heading!: HTMLHeadingElement;
  const chain = () => state.index.chainById.get(props.chainId);
  const parkName = (id: string): Name =>
    state.index.parkById.get(id)?.properties.name ?? { zh: id };
  const lineage = () => chainLineage(view.chainIndex, props.chainId);
  const parks = state.index.parks.map((park) => park.properties);
  const ranking = createMemo(() => {
    const segment = view.selection().segment;
    return segment === null
      ? []
      : rankParksForSegment(view.chainIndex, parks, props.chainId, segment, view.scope());
  });
  const pipeline = createMemo(() => chainPipeline(view.chainIndex, props.chainId, view.scope()));

  onMount(() => heading.focus());

  return (
    <Show when={chain()}>
      {(record) => (
        <section
          class="chain-view"
          role="region"
          aria-labelledby="chain-view-title"
          data-chain-id={record().id}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented) {
              event.preventDefault();
              if (view.selection().segment !== null) view.selectSegment(null);
              else props.onClose();
            }
          }}
        >
          <div class="detail-head">
            <button type="button" class="back-button" onClick={() => props.onClose()}>
              ← {ct('close', lang())}
            </button>
          </div>
          <h2 id="chain-view-title" tabindex="-1" ref={heading}>
            <span class="swatch" style={{ background: record().color }} aria-hidden="true" />{' '}
            {record().name[lang()]}
          </h2>
          <ChainFacts
            chain={record()}
            cluster={state.index.clusterById.get(record().cluster)}
            figures={chainFigures(record())}
            splitFrom={lineage().splitFrom}
            absorbed={lineage().absorbed}
            lang={lang()}
          />
          <h3>{ct('segments', lang())}</h3>
          <p class="small coverage-note">
            {ct('coverageNote', lang(), { n: view.coverage()?.weakBelow ?? 0 })}
          </p>
          <p class="muted small">
            {ct(view.wholeRegistry() ? 'scopeAll' : 'scopeFiltered', lang())}
          </p>
          <Show
            when={(view.coverage()?.segments.length ?? 0) > 0}
            fallback={<p class="muted small">{ct('segmentsNone', lang())}</p>}
          >
            <SegmentStrip
              segments={view.coverage()?.segments ?? []}
              selected={view.selection().segment}
              lang={lang()}
              onSelect={(id) => view.selectSegment(id)}
            />
          </Show>
          <Show when={(view.coverage()?.unsegmentedProjects.length ?? 0) > 0}>
            <p class="muted small">
              {ct('unsegmented', lang(), { n: view.coverage()?.unsegmentedProjects.length ?? 0 })}
            </p>
          </Show>
          <Show when={view.segment()}>
            {(coverage) => (
              <SegmentDetail
                coverage={coverage()}
                lang={lang()}
                parkName={parkName}
                onOpenPark={props.onOpenPark}
                onClear={() => view.selectSegment(null)}
              />
            )}
          </Show>
          <section class="placement-section" aria-labelledby="placement-title">
            <h3 id="placement-title">{ct('placement', lang())}</h3>
            <Show
              when={view.segment()}
              fallback={<p class="muted small">{ct('placementPick', lang())}</p>}
            >
              <PlacementList
                ranking={ranking()}
                chainIndex={view.chainIndex}
                lang={lang()}
                parkName={parkName}
                onOpenPark={props.onOpenPark}
              />
            </Show>
          </section>
          <section class="pipeline-section" aria-labelledby="pipeline-title">
            <h3 id="pipeline-title">{ct('pipeline', lang())}</h3>
            <Show when={pipeline()}>
              {(pipeline) => <PipelineChart pipeline={pipeline()} lang={lang()} />}
            </Show>
          </section>
          <ChainExports chain={record()} controller={props.controller} parkName={parkName} />
          <p class="print-only small">
            {t('dataAsOf', lang())} {state.registry.asOf}
          </p>
        </section>
      )}
    </Show>
  );
}
