import { For, Show, type JSX } from 'solid-js';
import type { SegmentCoverage } from '../../domain/chains/coverage';
import { COVERAGE_SHORT, COVERAGE_LABEL, STAGE_LABEL } from '../../domain/chains/strings';
import type { CoverageState } from '../../domain/chains/thresholds';
import { SEGMENT_STAGES, type SegmentStage } from '../../domain/chains/types';
import { formatInvestment, type Lang } from '../../domain/i18n';
import { countText, ct } from './strings';

/** A glyph per coverage state, beside its word: the state never rests on colour alone. */
const STATE_GLYPH: Readonly<Record<CoverageState, string>> = {
  gap: '○',
  weak: '◐',
  present: '●',
};

/** The figures of one segment, as the strip and the detail show them. */
export function SegmentFigures(props: { coverage: SegmentCoverage; lang: Lang }): JSX.Element {
  const c = (): SegmentCoverage => props.coverage;
  return (
    <span class="segment-figures">
      <span>{countText(c().projects.length, props.lang, 'projects1', 'projectsN')}</span>
      <span>{countText(c().parkIds.length, props.lang, 'parks1', 'parksN')}</span>
      <span>{countText(c().firms.length, props.lang, 'firms1', 'firmsN')}</span>
      <Show when={c().investment.investmentCny100m > 0}>
        <span>
          {ct('investment', props.lang, {
            amount: formatInvestment(c().investment.investmentCny100m, props.lang),
          })}
        </span>
      </Show>
    </span>
  );
}

/** A coverage state as glyph and words. */
export function CoverageBadge(props: {
  state: CoverageState;
  lang: Lang;
  long?: boolean;
}): JSX.Element {
  return (
    <span class={`coverage coverage-${props.state}`}>
      <span aria-hidden="true">{STATE_GLYPH[props.state]} </span>
      {(props.long ? COVERAGE_LABEL : COVERAGE_SHORT)[props.state][props.lang]}
    </span>
  );
}

/**
 * The chain's segments in stage order (上游 → 中游 → 下游 → 服务) as a strip that wraps. Each
 * segment is a card whose toggle button is named by the segment (and covers the whole card); its
 * counts and coverage, beside the button, describe it.
 */
export default function SegmentStrip(props: {
  segments: readonly SegmentCoverage[];
  selected: string | null;
  lang: Lang;
  onSelect: (segmentId: string | null) => void;
}): JSX.Element {
  const stages = (): SegmentStage[] =>
    SEGMENT_STAGES.filter((stage) => props.segments.some((s) => s.segment.stage === stage));
  return (
    <ol class="segment-strip" role="list">
      <For each={stages()}>
        {(stage) => (
          <li class={`stage stage-${stage}`}>
            <h4 class="stage-name">{STAGE_LABEL[stage][props.lang]}</h4>
            <ul role="list" class="stage-segments">
              <For each={props.segments.filter((s) => s.segment.stage === stage)}>
                {(coverage) => {
                  const id = coverage.segment.id;
                  const basis = (): string =>
                    coverage.segment.basis === 'official'
                      ? ct('basisOfficial', props.lang)
                      : coverage.segment.editors_draft
                        ? ct('basisDraft', props.lang)
                        : ct('basisGeneric', props.lang);
                  return (
                    <li
                      class={`segment-card coverage-${coverage.state}`}
                      classList={{ selected: props.selected === id }}
                    >
                      <button
                        type="button"
                        class="segment-button"
                        data-segment-id={id}
                        aria-pressed={props.selected === id}
                        aria-describedby={`segment-facts-${id}`}
                        onClick={() => props.onSelect(props.selected === id ? null : id)}
                      >
                        {coverage.segment.name[props.lang]}
                      </button>
                      <span class="segment-facts" id={`segment-facts-${id}`}>
                        <SegmentFigures coverage={coverage} lang={props.lang} />
                        <CoverageBadge state={coverage.state} lang={props.lang} />
                        <span class="segment-basis">{basis()}</span>
                      </span>
                    </li>
                  );
                }}
              </For>
            </ul>
          </li>
        )}
      </For>
    </ol>
  );
}
