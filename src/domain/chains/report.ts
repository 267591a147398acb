import { toCsv, type CsvCell } from '../exportData';
import type { Lang } from '../i18n';
import type { ChainCoverage, SegmentCoverage } from './coverage';
import { projectTotals } from './coverage';
import { COVERAGE_LABEL, REPORT_LABEL, SEGMENT_BASIS_LABEL, STAGE_LABEL } from './strings';
import type { ChainLike, SegmentLike } from './types';

/** What the chain report needs beside the coverage: names and the context of the numbers. */
export interface ChainReportContext {
  readonly chain: ChainLike;
  /** A park's name in the report's language; the id when the park is unknown. */
  readonly parkName: (parkId: string) => string;
  /** Whether every kind, level and district is counted (see scope.ts). */
  readonly wholeRegistry: boolean;
  readonly asOf: string;
  readonly lang: Lang;
}

type Label = keyof typeof REPORT_LABEL;

const COLUMNS: readonly { key: string; label: Label }[] = [
  { key: 'chain_id', label: 'chainId' },
  { key: 'chain', label: 'chain' },
  { key: 'position', label: 'position' },
  { key: 'segment_id', label: 'segmentId' },
  { key: 'segment', label: 'segment' },
  { key: 'stage', label: 'stage' },
  { key: 'segment_basis', label: 'basis' },
  { key: 'projects', label: 'projects' },
  { key: 'projects_park_not_reported', label: 'unplaced' },
  { key: 'parks', label: 'parks' },
  { key: 'park_names', label: 'parkNames' },
  { key: 'firms', label: 'firms' },
  { key: 'firm_names', label: 'firmNames' },
  { key: 'investment_known_cny_100m', label: 'investment' },
  { key: 'projects_investment_unknown', label: 'unknownInvestment' },
  { key: 'coverage', label: 'coverage' },
  { key: 'weak_below', label: 'threshold' },
  { key: 'scope', label: 'scope' },
  { key: 'as_of', label: 'asOf' },
];

const SEPARATOR = '; ';

function basisOf(segment: SegmentLike): keyof typeof SEGMENT_BASIS_LABEL {
  if (segment.basis === 'official') return 'official';
  return segment.editors_draft ? 'draft' : 'generic';
}

/** Rounds a sum of 亿元 to what the sources give (two decimals) and drops float noise. */
function roundInvestment(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The chain report as CSV: one row per segment in strip order (projects, parks, firms, known
 * investment, coverage in this registry), then one row for the chain's projects without a segment
 * when there are any. Headers read "label (key)" like the other exports; cells go through the
 * shared CSV writer with its formula-injection guard.
 */
export function chainReportCsv(coverage: ChainCoverage, context: ChainReportContext): string {
  const { chain, lang } = context;
  const scope = context.wholeRegistry ? REPORT_LABEL.scopeAll : REPORT_LABEL.scopeFiltered;
  const common = (): CsvCell[] => [coverage.weakBelow, scope[lang], context.asOf];
  const segmentRow = (s: SegmentCoverage, position: number): CsvCell[] => [
    chain.id,
    chain.name[lang],
    position + 1,
    s.segment.id,
    s.segment.name[lang],
    STAGE_LABEL[s.segment.stage][lang],
    SEGMENT_BASIS_LABEL[basisOf(s.segment)][lang],
    s.projects.length,
    s.unplacedProjects.length,
    s.parkIds.length,
    s.parkIds.map(context.parkName).join(SEPARATOR),
    s.firms.length,
    s.firms.map((f) => (lang === 'en' ? (f.name.en ?? f.name.zh) : f.name.zh)).join(SEPARATOR),
    roundInvestment(s.investment.investmentCny100m),
    s.investment.unknownInvestmentCount,
    COVERAGE_LABEL[s.state][lang],
    ...common(),
  ];
  const rows: CsvCell[][] = coverage.segments.map(segmentRow);
  if (coverage.unsegmentedProjects.length > 0) {
    const totals = projectTotals(coverage.unsegmentedProjects);
    const parks = [
      ...new Set(coverage.unsegmentedProjects.flatMap((p) => (p.park === null ? [] : [p.park]))),
    ];
    rows.push([
      chain.id,
      chain.name[lang],
      null,
      null,
      REPORT_LABEL.noSegment[lang],
      null,
      null,
      totals.count,
      coverage.unsegmentedProjects.filter((p) => p.park === null).length,
      parks.length,
      parks.map(context.parkName).join(SEPARATOR),
      null,
      null,
      roundInvestment(totals.investmentCny100m),
      totals.unknownInvestmentCount,
      null,
      ...common(),
    ]);
  }
  const header = COLUMNS.map((column) => `${REPORT_LABEL[column.label][lang]} (${column.key})`);
  return toCsv([header, ...rows]);
}
