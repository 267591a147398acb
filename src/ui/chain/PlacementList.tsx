import { For, Show, type JSX } from 'solid-js';
import type { Name } from '../../data/schema';
import type { ChainIndex } from '../../domain/chains/chainIndex';
import type { RankedPark, RecordCount } from '../../domain/chains/ranking';
import { kindLabel, nameIn, type Lang } from '../../domain/i18n';
import { ct } from './strings';

/** "2 个项目、1 家企业": the non-zero parts of a count. */
function recordsText(count: RecordCount, lang: Lang): string {
  const parts: string[] = [];
  if (count.projects > 0) parts.push(ct('recordsProjects', lang, { n: count.projects }));
  if (count.firms > 0) parts.push(ct('recordsFirms', lang, { n: count.firms }));
  return parts.join(ct('and', lang));
}

/** The reasons of one ranked park, each spelled out. */
function Reasons(props: { ranked: RankedPark; chainIndex: ChainIndex; lang: Lang }): JSX.Element {
  const r = (): RankedPark['reasons'] => props.ranked.reasons;
  const segmentName = (id: string): string =>
    props.chainIndex.segmentById.get(id)?.segment.name[props.lang] ?? id;
  return (
    <ul class="reasons" role="list">
      <Show when={r().leadsChain}>
        <li class="reason reason-leads">{ct('reasonLeads', props.lang)}</li>
      </Show>
      <Show when={r().sameSegment.projects + r().sameSegment.firms > 0}>
        <li class="reason">
          {ct('reasonSame', props.lang, { what: recordsText(r().sameSegment, props.lang) })}
        </li>
      </Show>
      <For each={r().neighbours}>
        {(neighbour) => (
          <li class="reason">
            {ct(neighbour.direction === 'up' ? 'reasonUp' : 'reasonDown', props.lang, {
              segment: segmentName(neighbour.segmentId),
              what: recordsText(neighbour, props.lang),
            })}
          </li>
        )}
      </For>
      <Show when={r().elsewhereInChain.projects + r().elsewhereInChain.firms > 0}>
        <li class="reason">
          {ct('reasonElsewhere', props.lang, {
            what: recordsText(r().elsewhereInChain, props.lang),
          })}
        </li>
      </Show>
      <Show when={r().ruleWarning}>
        {(warning) => (
          <li class="reason reason-warning">
            <span aria-hidden="true">⚠ </span>
            {ct('reasonWarning', props.lang, {
              n: warning().lead.length,
              kind: kindLabel(warning().kind, props.lang),
              max: warning().allowed,
            })}
          </li>
        )}
      </Show>
      <Show when={props.ranked.tiedWithPrevious}>
        <li class="reason muted">{ct('tied', props.lang)}</li>
      </Show>
    </ul>
  );
}

/**
 * "Where can a new project go?": the ranked parks for the selected segment, each a button named by
 * the park that opens its detail, with the reasons for its place and the ranking rule stated.
 */
export default function PlacementList(props: {
  ranking: readonly RankedPark[];
  chainIndex: ChainIndex;
  lang: Lang;
  parkName: (parkId: string) => Name;
  onOpenPark: (parkId: string) => void;
}): JSX.Element {
  return (
    <>
      <p class="muted small">{ct('placementRule', props.lang)}</p>
      <Show
        when={props.ranking.length > 0}
        fallback={<p class="muted small">{ct('placementNone', props.lang)}</p>}
      >
        <ol class="placement">
          <For each={props.ranking}>
            {(ranked) => (
              <li>
                <button
                  type="button"
                  class="ranked-park park-link"
                  data-park-id={ranked.parkId}
                  onClick={() => props.onOpenPark(ranked.parkId)}
                >
                  {nameIn(props.parkName(ranked.parkId), props.lang)}
                </button>
                <Reasons ranked={ranked} chainIndex={props.chainIndex} lang={props.lang} />
              </li>
            )}
          </For>
        </ol>
      </Show>
    </>
  );
}
