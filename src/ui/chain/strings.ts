import type { Bilingual } from '../../data/schema';
import { fill, type Lang } from '../../domain/i18n';
import { ENTRY_STRINGS } from './entryStrings';

/**
 * The chain view's strings in both languages, in their own table so that the view does not grow
 * the shared src/domain/i18n.ts. The words of the chain logic's outputs (stages, coverage states,
 * report columns) live beside that logic in src/domain/chains/strings.ts.
 */
const CHAIN_STRINGS = {
  ...ENTRY_STRINGS,
  close: { zh: '关闭产业链视图', en: 'Close the chain view' },
  region: { zh: '{name}：产业链视图', en: '{name}: chain view' },
  cluster: { zh: '产业群', en: 'Cluster' },
  status: { zh: '状态', en: 'Status' },
  splitUnconfirmed: {
    zh: '由“{from}”拆分而来，拆分未确认',
    en: 'Split from “{from}”; the split is unconfirmed',
  },
  mergedFrom: { zh: '已并入原“{from}”', en: 'Absorbed the former “{from}”' },
  noteAndSources: { zh: '说明与来源（{n} 条来源）', en: 'Note and sources ({n})' },
  figuresCount: { zh: '规模数据（{n} 项）', en: 'Size figures ({n})' },
  figuresNone: {
    zh: '研究资料中没有本链的规模数据。',
    en: 'The research has no size figures for this chain.',
  },
  figureYearUnknown: { zh: '年份未注明', en: 'year not given' },
  figuresConflict: {
    zh: '同一指标有多个数值时并列显示，各附来源。',
    en: 'Where sources give different values for a measure, they are shown side by side with their sources.',
  },
  segments: {
    zh: '环节（上游 → 中游 → 下游 → 服务）',
    en: 'Segments (upstream → midstream → downstream → services)',
  },
  segmentsNone: { zh: '本链尚无环节数据。', en: 'No segments are recorded for this chain.' },
  coverageNote: {
    zh: '覆盖情况仅指本登记中的记录，不代表镇江的实际情况。空白：无项目和重点企业；薄弱：项目与重点企业合计少于 {n} 条；已有：{n} 条及以上。',
    en: 'Coverage means records in this registry, not what Zhenjiang has. Gap: no project or key firm; weak: fewer than {n} projects and key firms together; present: {n} or more.',
  },
  scopeFiltered: {
    zh: '按当前的类型、级别、辖市区筛选统计；未注明园区的项目和企业此时不计。',
    en: 'Counted under the current kind, level and district filters; projects and firms without a reported park are then left out.',
  },
  scopeAll: {
    zh: '统计全部园区；未注明园区的项目和企业计入环节，不计入园区。',
    en: 'All parks counted; projects and firms without a reported park count for the segment, not for a park.',
  },
  projectsN: { zh: '{n} 个项目', en: '{n} projects' },
  projects1: { zh: '{n} 个项目', en: '{n} project' },
  parksN: { zh: '{n} 个园区', en: '{n} parks' },
  parks1: { zh: '{n} 个园区', en: '{n} park' },
  firmsN: { zh: '{n} 家重点企业', en: '{n} key firms' },
  firms1: { zh: '{n} 家重点企业', en: '{n} key firm' },
  investment: { zh: '已知投资 {amount}', en: 'Known investment {amount}' },
  investmentUnknown: {
    zh: '（{n} 个项目未报道投资额）',
    en: '({n} without a reported investment)',
  },
  basisOfficial: { zh: '官方', en: 'official' },
  basisGeneric: { zh: '通用', en: 'generic' },
  basisDraft: { zh: '编者草拟', en: 'editors’ draft' },
  selected: { zh: '已选', en: 'selected' },
  unsegmented: {
    zh: '另有 {n} 个本链项目未分环节。',
    en: '{n} more projects of this chain have no segment.',
  },
  clearSegment: { zh: '取消选择环节', en: 'Clear the segment' },
  hosts: { zh: '承载该环节的园区', en: 'Parks hosting this segment' },
  hostsNone: {
    zh: '本登记中没有园区承载该环节。',
    en: 'No park in this registry hosts this segment.',
  },
  hostsOnMap: {
    zh: '地图只显示这些园区，其他园区暂时隐藏。',
    en: 'The map shows only these parks; the others are hidden for now.',
  },
  offMap: { zh: '未注明园区（不在地图上）', en: 'Park not reported (not on the map)' },
  offMapNote: {
    zh: '这些项目或企业计入本环节，但不计入任何园区，也不在地图上显示。',
    en: 'These count for the segment but for no park, and are not on the map.',
  },
  firmsHeading: { zh: '重点企业', en: 'Key firms' },
  roleKeyFirm: { zh: '报道所称龙头/重点企业', en: 'named as a leader in reports' },
  roleChampion: { zh: '制造业单项冠军', en: 'national manufacturing champion' },
  roleChainLeader: { zh: '链主（有官方认定）', en: 'chain leader (official designation)' },
  placement: { zh: '新项目可以落在哪里？', en: 'Where can a new project go?' },
  placementPick: {
    zh: '选择一个环节，查看适合该环节新项目的园区排序。',
    en: 'Choose a segment to see the parks ranked for a new project in it.',
  },
  placementRule: {
    zh: '排序依次看：园区是否以本链为主导产业；加入本链是否违反“一园区一主导产业”；本环节已有项目/企业数；上下游相邻环节的项目/企业数；本链其他项目/企业数；仍相同则按园区列表顺序。',
    en: 'Ranked by, in turn: whether the park leads this chain; whether adding the chain would break “one park, one lead industry”; projects/firms already in this segment; projects/firms in the segments just up- and downstream; other projects/firms of the chain; then the park list’s order.',
  },
  placementNone: {
    zh: '在当前筛选下，本登记中没有以本链为主导或已有本链项目/企业的园区。',
    en: 'Under the current filters, no park in this registry leads this chain or has any of its projects or firms.',
  },
  reasonLeads: { zh: '以本链为主导产业', en: 'Leads this chain' },
  reasonSame: { zh: '本环节已有 {what}', en: 'Already in this segment: {what}' },
  reasonUp: { zh: '上游“{segment}”有 {what}', en: 'Upstream “{segment}”: {what}' },
  reasonDown: { zh: '下游“{segment}”有 {what}', en: 'Downstream “{segment}”: {what}' },
  reasonElsewhere: { zh: '本链其他环节有 {what}', en: 'Elsewhere in this chain: {what}' },
  reasonWarning: {
    zh: '注意：该园区已有 {n} 个主导产业，{kind}最多 {max} 个，再加本链将违反“一园区一主导产业”',
    en: 'Warning: the park already has {n} lead chains and a {kind} may have at most {max}; adding this chain would break “one park, one lead industry”',
  },
  tied: {
    zh: '与上一名各项相同，按园区列表顺序',
    en: 'Same as the one above on every reason; park list order',
  },
  recordsProjects: { zh: '{n} 个项目', en: '{n} projects' },
  recordsFirms: { zh: '{n} 家企业', en: '{n} firms' },
  rankOpen: { zh: '第 {rank} 名：{name}', en: 'No. {rank}: {name}' },
  pipeline: { zh: '项目进度（按状态与年份）', en: 'Pipeline (by status and year)' },
  pipelineNone: {
    zh: '当前筛选下本链没有项目。',
    en: 'No projects of this chain under the current filters.',
  },
  pipelineYear: { zh: '年份', en: 'Year' },
  pipelineTotal: { zh: '合计', en: 'Total' },
  yearUnknown: { zh: '年份未知', en: 'Year unknown' },
  exportCsv: { zh: '导出本链报告（CSV）', en: 'Export chain report (CSV)' },
  exportPng: { zh: '导出本链图片（PNG）', en: 'Export chain image (PNG)' },
  print: { zh: '打印本链视图', en: 'Print the chain view' },
  exports: { zh: '导出', en: 'Export' },
  imageTitle: { zh: '{name} 产业链', en: '{name} chain' },
  imageSubtitle: {
    zh: '各环节在本登记中的覆盖情况（项目 / 园区 / 企业）',
    en: 'Coverage of each segment in this registry (projects / parks / firms)',
  },
  imageSegment: {
    zh: '已选环节：{name}，地图只显示承载园区',
    en: 'Segment: {name}; the map shows its host parks only',
  },
} as const satisfies Record<string, Bilingual>;

/** A key of the chain view's string table. */
export type ChainStringKey = keyof typeof CHAIN_STRINGS;

/** Every key, for the completeness test. */
export const CHAIN_STRING_KEYS = Object.keys(CHAIN_STRINGS) as readonly ChainStringKey[];

/** The chain view's string for `key` in `lang`, `{name}` placeholders filled from `values`. */
export function ct(
  key: ChainStringKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(CHAIN_STRINGS[key][lang], values);
}

/** "3 projects" / "1 project": English singular for one; Chinese has no plural. */
export function countText(
  n: number,
  lang: Lang,
  one: ChainStringKey,
  many: ChainStringKey,
): string {
  return ct(n === 1 ? one : many, lang, { n });
}
