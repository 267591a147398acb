import type { Bilingual } from '../../data/schema';
import type { CoverageState } from './thresholds';
import type { SegmentStage } from './types';

/**
 * The words of the chain logic's outputs (stages, coverage states, report columns) in both
 * languages, in one table of their own so that the chain view does not grow the shared i18n file.
 */

/** Stage names, as the strip's headings say them. */
export const STAGE_LABEL: Readonly<Record<SegmentStage, Bilingual>> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
  services: { zh: '服务', en: 'Services' },
};

/** Coverage states, always worded as coverage in this registry, never as a fact about the city. */
export const COVERAGE_LABEL: Readonly<Record<CoverageState, Bilingual>> = {
  gap: { zh: '空白（本登记无记录）', en: 'Gap (none in this registry)' },
  weak: { zh: '薄弱（本登记记录少）', en: 'Weak (few in this registry)' },
  present: { zh: '已有（本登记有记录）', en: 'Present (in this registry)' },
};

/** The short form of a coverage state, for tight places; the long form explains it nearby. */
export const COVERAGE_SHORT: Readonly<Record<CoverageState, Bilingual>> = {
  gap: { zh: '空白', en: 'Gap' },
  weak: { zh: '薄弱', en: 'Weak' },
  present: { zh: '已有', en: 'Present' },
};

/** A segment's basis: from a Zhenjiang source, a standard structure, or the editors' draft. */
export const SEGMENT_BASIS_LABEL = {
  official: { zh: '镇江官方口径', en: 'Official (Zhenjiang source)' },
  generic: { zh: '通用结构', en: 'Generic structure' },
  draft: { zh: '通用结构（编者草拟，无来源）', en: 'Generic (editors’ draft, no source)' },
} as const satisfies Record<string, Bilingual>;

/** The chain report's column labels. */
export const REPORT_LABEL = {
  chainId: { zh: '产业链编号', en: 'Chain id' },
  chain: { zh: '产业链', en: 'Chain' },
  position: { zh: '序号', en: 'No.' },
  segmentId: { zh: '环节编号', en: 'Segment id' },
  segment: { zh: '环节', en: 'Segment' },
  stage: { zh: '位置', en: 'Stage' },
  basis: { zh: '环节依据', en: 'Segment basis' },
  projects: { zh: '项目数', en: 'Projects' },
  unplaced: { zh: '其中未注明园区', en: 'Of which park not reported' },
  parks: { zh: '园区数', en: 'Parks' },
  parkNames: { zh: '园区', en: 'Park names' },
  firms: { zh: '重点企业数', en: 'Key firms' },
  firmNames: { zh: '重点企业', en: 'Key firm names' },
  investment: { zh: '已知投资额（亿元）', en: 'Known investment (CNY 100 m)' },
  unknownInvestment: { zh: '投资额未报道的项目数', en: 'Projects without reported investment' },
  coverage: { zh: '本登记中的覆盖情况', en: 'Coverage in this registry' },
  threshold: { zh: '薄弱阈值（项目与企业合计少于）', en: 'Weak below (projects and firms)' },
  scope: { zh: '统计范围', en: 'Scope' },
  asOf: { zh: '数据截至', en: 'Data as of' },
  noSegment: { zh: '（未分环节）', en: '(no segment)' },
  scopeAll: { zh: '全部园区', en: 'All parks' },
  scopeFiltered: {
    zh: '按类型/级别/区县筛选后的园区（未注明园区的项目不计）',
    en: 'Parks passing the kind/level/district filters (projects without a park not counted)',
  },
} as const satisfies Record<string, Bilingual>;
