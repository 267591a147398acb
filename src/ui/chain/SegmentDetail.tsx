import { For, Show, type JSX } from 'solid-js';
import type { Name } from '../../data/schema';
import {
  segmentFirmsInPark,
  segmentProjectsInPark,
  type SegmentCoverage,
} from '../../domain/chains/coverage';
import type { FirmLike, ProjectLike } from '../../domain/chains/types';
import { formatInvestment, nameIn, statusLabel, type Lang } from '../../domain/i18n';
import { CoverageBadge, SegmentFigures } from './SegmentStrip';
import { ct, type ChainStringKey } from './strings';

const ROLE_KEY: Readonly<Record<FirmLike['role'], ChainStringKey>> = {
  'key-firm': 'roleKeyFirm',
  champion: 'roleChampion',
  'chain-leader': 'roleChainLeader',
};

/** One project: name, status, year and investment when known. */
function ProjectItem(props: { project: ProjectLike; lang: Lang }): JSX.Element {
  const facts = (): string =>
    [
      statusLabel(props.project.status, props.lang),
      props.project.year === null ? null : String(props.project.year),
      props.project.investment_cny_100m === null
        ? null
        : formatInvestment(props.project.investment_cny_100m, props.lang),
    ]
      .filter((fact): fact is string => fact !== null)
      .join(' · ');
  return (
    <li class="segment-project" data-project-id={props.project.id}>
      {nameIn(props.project.name, props.lang)} <span class="muted small">{facts()}</span>
    </li>
  );
}

/** One key firm with its role, worded as the source has it (never 链主 without one). */
function FirmItem(props: { firm: FirmLike; lang: Lang }): JSX.Element {
  return (
    <li class="segment-firm" data-firm-id={props.firm.id}>
      {nameIn(props.firm.name, props.lang)}{' '}
      <span class="muted small">{ct(ROLE_KEY[props.firm.role], props.lang)}</span>
    </li>
  );
}

/**
 * The selected segment: its figures, the parks hosting it (buttons named by the parks, each with
 * its projects and firms in the segment) and the projects and firms without a park (off the map).
 */
export default function SegmentDetail(props: {
  coverage: SegmentCoverage;
  lang: Lang;
  parkName: (parkId: string) => Name;
  onOpenPark: (parkId: string) => void;
  onClear: () => void;
}): JSX.Element {
  const c = (): SegmentCoverage => props.coverage;
  const unplacedFirms = (): readonly FirmLike[] => c().firms.filter((firm) => firm.park === null);
  return (
    <section class="segment-detail" aria-labelledby="segment-detail-title">
      <div class="section-head">
        <h3 id="segment-detail-title">{c().segment.name[props.lang]}</h3>
        <button type="button" class="link-button" onClick={() => props.onClear()}>
          {ct('clearSegment', props.lang)}
        </button>
      </div>
      <p class="small">
        <SegmentFigures coverage={c()} lang={props.lang} />{' '}
        <CoverageBadge state={c().state} lang={props.lang} long />
        <Show when={c().investment.unknownInvestmentCount > 0 && c().projects.length > 0}>
          {' '}
          {ct('investmentUnknown', props.lang, { n: c().investment.unknownInvestmentCount })}
        </Show>
      </p>
      <Show when={c().segment.note}>
        {(note) => <p class="muted small">{note()[props.lang]}</p>}
      </Show>
      <h4>{ct('hosts', props.lang)}</h4>
      <Show
        when={c().parkIds.length > 0}
        fallback={<p class="muted small">{ct('hostsNone', props.lang)}</p>}
      >
        <p class="muted small">{ct('hostsOnMap', props.lang)}</p>
        <ul class="host-parks" role="list">
          <For each={c().parkIds}>
            {(parkId) => (
              <li>
                <button
                  type="button"
                  class="host-park park-link"
                  data-park-id={parkId}
                  onClick={() => props.onOpenPark(parkId)}
                >
                  {nameIn(props.parkName(parkId), props.lang)}
                </button>
                <ul class="segment-records" role="list">
                  <For each={segmentProjectsInPark(c(), parkId)}>
                    {(project) => <ProjectItem project={project} lang={props.lang} />}
                  </For>
                  <For each={segmentFirmsInPark(c(), parkId)}>
                    {(firm) => <FirmItem firm={firm} lang={props.lang} />}
                  </For>
                </ul>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={c().unplacedProjects.length > 0 || unplacedFirms().length > 0}>
        <h4>{ct('offMap', props.lang)}</h4>
        <p class="muted small">{ct('offMapNote', props.lang)}</p>
        <ul class="segment-records off-map" role="list">
          <For each={c().unplacedProjects}>
            {(project) => <ProjectItem project={project} lang={props.lang} />}
          </For>
          <For each={unplacedFirms()}>{(firm) => <FirmItem firm={firm} lang={props.lang} />}</For>
        </ul>
      </Show>
    </section>
  );
}
