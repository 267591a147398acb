import type {
  Bilingual,
  BoundaryQuality,
  District,
  Name,
  ParkKind,
  ParkLevel,
  ProjectStatus,
} from '../data/schema';

/** The UI languages; Chinese first. */
export const LANGS = ['zh', 'en'] as const;

/** A UI language. */
export type Lang = (typeof LANGS)[number];

/** The language used when none is chosen. */
export const DEFAULT_LANG: Lang = 'zh';

/** Whether `value` names a UI language. */
export function isLang(value: string): value is Lang {
  return value === 'zh' || value === 'en';
}

// The keys spell out their enum value, so each group below is checked for completeness against
// the schema's enums by its `satisfies` clause: a new kind without a label is a type error.
const KIND_STRINGS = {
  'kind.main': { zh: '主体开发区', en: 'Main development zone' },
  'kind.linked': { zh: '辐射联动园区', en: 'Linked park' },
  'kind.elevated': { zh: '提级管理园区', en: 'Elevated-management park' },
} as const satisfies Record<`kind.${ParkKind}`, Bilingual>;

const LEVEL_STRINGS = {
  'level.national': { zh: '国家级', en: 'National' },
  'level.provincial': { zh: '省级', en: 'Provincial' },
  'level.municipal': { zh: '市级', en: 'Municipal' },
  'level.county': { zh: '县级', en: 'County' },
} as const satisfies Record<`level.${ParkLevel}`, Bilingual>;

const DISTRICT_STRINGS = {
  'district.京口区': { zh: '京口区', en: 'Jingkou District' },
  'district.润州区': { zh: '润州区', en: 'Runzhou District' },
  'district.丹徒区': { zh: '丹徒区', en: 'Dantu District' },
  'district.镇江新区': { zh: '镇江新区', en: 'Zhenjiang New Area' },
  'district.丹阳市': { zh: '丹阳市', en: 'Danyang' },
  'district.句容市': { zh: '句容市', en: 'Jurong' },
  'district.扬中市': { zh: '扬中市', en: 'Yangzhong' },
} as const satisfies Record<`district.${District}`, Bilingual>;

const STATUS_STRINGS = {
  'status.planned': { zh: '规划', en: 'Planned' },
  'status.signed': { zh: '签约', en: 'Signed' },
  'status.under-construction': { zh: '在建', en: 'Under construction' },
  'status.operating': { zh: '投产运营', en: 'Operating' },
} as const satisfies Record<`status.${ProjectStatus}`, Bilingual>;

const BOUNDARY_STRINGS = {
  'boundary.official': { zh: '官方边界', en: 'Official boundary' },
  'boundary.approximate': { zh: '近似边界', en: 'Approximate boundary' },
  'boundary.schematic': { zh: '示意边界', en: 'Schematic boundary' },
  'boundary.official.explain': {
    zh: '按公布的四至边界数字化。',
    en: 'Digitised from the published four-sided boundary (四至).',
  },
  'boundary.approximate.explain': {
    zh: '按报道描述的道路和地标勾绘，位置大致可信。',
    en: 'Traced from roads and landmarks named in reports; roughly where the park is.',
  },
  'boundary.schematic.explain': {
    zh: '在已知位置按报道面积绘制的示意图形，并非官方四至。',
    en: 'A shape of the reported area at the known location, not the official boundary.',
  },
} as const satisfies Record<`boundary.${BoundaryQuality}${'' | '.explain'}`, Bilingual>;

const BASIS_STRINGS = {
  'basis.official': { zh: '官方', en: 'Official' },
  'basis.reported': { zh: '报道', en: 'Reported' },
  'basis.inferred': { zh: '推断', en: 'Inferred' },
} as const satisfies Record<`basis.${'official' | 'reported' | 'inferred'}`, Bilingual>;

const AREA_BASIS_STRINGS = {
  'areaBasis.administrative': { zh: '行政区域面积', en: 'administrative area' },
  'areaBasis.planned': { zh: '规划面积', en: 'planned area' },
  'areaBasis.core': { zh: '核心区面积', en: 'core area' },
} as const satisfies Record<`areaBasis.${'administrative' | 'planned' | 'core'}`, Bilingual>;

const CONFIDENCE_STRINGS = {
  'confidence.H': { zh: '高', en: 'High' },
  'confidence.M': { zh: '中', en: 'Medium' },
  'confidence.L': { zh: '低', en: 'Low' },
} as const satisfies Record<`confidence.${'H' | 'M' | 'L'}`, Bilingual>;

const CHAIN_STATUS_STRINGS = {
  'chainStatus.confirmed': { zh: '已确认', en: 'Confirmed' },
  'chainStatus.reported': { zh: '有报道', en: 'Reported' },
  'chainStatus.provisional': { zh: '待确认', en: 'Provisional' },
} as const satisfies Record<`chainStatus.${'confirmed' | 'reported' | 'provisional'}`, Bilingual>;

// General UI strings, keyed by what they label; dotted keys group a panel's strings.
const UI_STRINGS = {
  appTitle: { zh: '镇江开发园区地图', en: 'Zhenjiang Park Explorer' },
  loading: { zh: '正在加载数据…', en: 'Loading data…' },
  disclaimer: {
    zh: '园区资料整理自公开报道，并非 2022 年 7 月公布的官方保留园区名单。',
    en: 'Parks compiled from public reports; not the official list of retained parks of July 2022.',
  },
  dataAsOf: { zh: '资料截至', en: 'Data as of' },
  asOf: { zh: '资料截至', en: 'As of' },
  sidePanel: { zh: '检索与筛选', en: 'Search and filters' },
  showPanel: { zh: '列表与筛选', en: 'List & filters' },
  basemapFallback: {
    zh: '在线底图不可用，已改用内置底图',
    en: 'The online basemap is unavailable; showing the embedded basemap',
  },
  showMap: { zh: '地图', en: 'Map' },
  mapRegion: { zh: '地图', en: 'Map' },
  mapLabel: { zh: '镇江开发园区地图', en: 'Map of Zhenjiang development parks' },
  noMapTitle: { zh: '无法显示地图', en: 'The map cannot be shown' },
  noWebGl: {
    zh: '此浏览器不支持 WebGL 2，无法显示地图；列表、筛选和详情仍可使用。',
    en: 'This browser has no WebGL 2, so the map cannot be shown; the list, filters and details still work.',
  },
  mapError: {
    zh: '地图加载失败；列表、筛选和详情仍可使用。',
    en: 'The map failed to load; the list, filters and details still work.',
  },
  panelFailed: { zh: '此面板出错：', en: 'This panel failed:' },
  retry: { zh: '重试', en: 'Retry' },
  filters: { zh: '筛选', en: 'Filters' },
  moreFilters: { zh: '类型、级别、辖市区', en: 'Kind, level, district' },
  reset: { zh: '重置', en: 'Reset' },
  chains: { zh: '产业链（四群八链）', en: 'Industry chains (4 clusters, 8 chains)' },
  chainMappingNote: {
    zh: '产业链归属哪个产业群为编者推断，尚无公开来源。',
    en: 'Which cluster each chain belongs to is the editors’ inference; no public source gives it.',
  },
  provisional: { zh: '待确认', en: 'unconfirmed' },
  parksUnit: { zh: '个园区', en: 'parks' },
  kind: { zh: '园区类型', en: 'Kind' },
  level: { zh: '级别', en: 'Level' },
  district: { zh: '辖市区', en: 'District' },
  legend: { zh: '图例', en: 'Legend' },
  legendHint: {
    zh: '单击显示或隐藏此产业链；双击或按住 Alt 单击只看此链',
    en: 'Click to show or hide this chain; double-click or Alt-click to show it alone',
  },
  legendFill: { zh: '填色：第一主导产业链', en: 'Fill: first lead chain' },
  legendBorder: { zh: '粗边框：第二主导产业链', en: 'Thick border: second lead chain' },
  legendDashed: {
    zh: '虚线边框：近似或示意边界，并非官方四至',
    en: 'Dashed outline: approximate or schematic boundary, not the official 四至',
  },
  parks: { zh: '园区', en: 'Parks' },
  noParksMatch: { zh: '没有符合筛选条件的园区', en: 'No parks match the filters' },
  listShowing: { zh: '已列出 {shown} 个，共 {total} 个', en: 'Listing {shown} of {total}' },
  listShowMore: { zh: '再列出 {count} 个', en: 'List {count} more' },
  offFocus: { zh: '偏离主导产业', en: 'Off its lead industry' },
  backToList: { zh: '返回列表', en: 'Back to the list' },
  close: { zh: '关闭', en: 'Close' },
  zone: { zh: '所属主体开发区', en: 'Main zone' },
  linkedParks: { zh: '辐射联动园区', en: 'Linked parks' },
  lead: { zh: '主导产业链', en: 'Lead chains' },
  industries: { zh: '报道产业', en: 'Reported industries' },
  reportedArea: { zh: '报道面积', en: 'Reported area' },
  computedArea: { zh: '图形面积', en: 'Mapped area' },
  established: { zh: '设立时间', en: 'Established' },
  boundary: { zh: '边界质量', en: 'Boundary quality' },
  confidence: { zh: '可信度', en: 'Confidence' },
  leadFocus: { zh: '主导产业集中度', en: 'Lead-industry focus' },
  ofProjectsInLead: { zh: '的项目属于主导产业链', en: 'of projects in the lead chains' },
  ofInvestmentInLead: {
    zh: '的已知投资额属于主导产业链',
    en: 'of known investment in the lead chains',
  },
  projects: { zh: '项目', en: 'Projects' },
  noProjects: { zh: '暂无项目资料', en: 'No projects recorded' },
  status: { zh: '状态', en: 'Status' },
  year: { zh: '年份', en: 'Year' },
  chain: { zh: '产业链', en: 'Chain' },
  investment: { zh: '投资额（亿元）', en: 'Investment (CNY 100 m, 亿元)' },
  investmentUnknown: { zh: '投资额未披露', en: 'investment not reported' },
  parkInferred: { zh: '所在园区为推断', en: 'park inferred' },
  showOnMap: { zh: '在地图上定位', en: 'Show on map' },
  sources: { zh: '资料来源', en: 'Sources' },
  unknown: { zh: '未知', en: 'unknown' },
  dataProblems: { zh: '数据问题', en: 'Data problems' },
  dataProblemsIn: { zh: '涉及文件：', en: 'In:' },
  noParksLoaded: {
    zh: '没有可显示的园区：园区数据未能加载，见上方“数据问题”。',
    en: 'No parks to show: the park data could not be loaded; see “Data problems” above.',
  },
  mapTextAlternative: {
    zh: '地图上的园区与侧栏“园区”列表中的相同，并随筛选同步；可用列表浏览和打开各园区。',
    en: 'The map shows the same parks as the “Parks” list in the side panel, filtered alike; use the list to browse and open each park.',
  },
  show: { zh: '显示', en: 'Show' },
  hide: { zh: '隐藏', en: 'Hide' },
  dismiss: { zh: '知道了', en: 'Dismiss' },
  linkPartsIgnored: {
    zh: '链接中有无法识别的部分，已忽略：',
    en: 'Parts of the link were not recognised and were ignored:',
  },
  'search.label': { zh: '搜索园区或项目', en: 'Search parks or projects' },
  'search.placeholder': {
    zh: '名称、拼音或首字母，如 gt',
    en: 'Name or pinyin, e.g. guantang',
  },
  'search.park': { zh: '园区', en: 'Park' },
  'search.project': { zh: '项目', en: 'Project' },
  'common.noResults': { zh: '没有找到结果', en: 'No results' },
  'common.copyLink': { zh: '复制链接', en: 'Copy link' },
  'common.linkCopied': { zh: '链接已复制', en: 'Link copied' },
  'common.export': { zh: '导出', en: 'Export' },
  'common.exportParksCsv': { zh: '导出园区（CSV）', en: 'Export parks (CSV)' },
  'common.exportProjectsCsv': { zh: '导出项目（CSV）', en: 'Export projects (CSV)' },
  'common.exportGeoJson': { zh: '导出边界（GeoJSON）', en: 'Export boundaries (GeoJSON)' },
  'export.png': { zh: '导出地图图片（PNG）', en: 'Export map image (PNG)' },
  'export.print': { zh: '打印', en: 'Print' },
  'export.imageSubtitle': {
    zh: '当前筛选：{count} 个园区',
    en: 'Current filter: {count} parks',
  },
  'filters.solo': { zh: '只看此链', en: 'Show this chain only' },
  'stats.title': { zh: '统计', en: 'Statistics' },
  'stats.area': { zh: '报道面积', en: 'Reported area' },
  'stats.total': { zh: '合计', en: 'Total' },
  'stats.multiChainNote': {
    zh: '有两条主导产业链的园区在两条链中各计一次，在产业群和合计中只计一次。括号内为数据未知的园区或项目数。',
    en: 'A park with two lead chains counts in both chains, but once in its cluster and in the total. Figures in brackets count parks or projects with unknown values.',
  },
  'stats.offFocusParks': {
    zh: '{count} 个园区的项目多数不在其主导产业链内（一园区一主导产业）',
    en: '{count} parks have most of their projects outside their lead chains (one park, one lead industry)',
  },
  'data.notOfficialList': {
    zh: '资料整理自公开报道，并非官方名单和四至边界',
    en: 'Compiled from public reports; not the official list or boundaries',
  },
  'data.schematicWarning': {
    zh: '示意边界——并非官方四至',
    en: 'Schematic boundary — not the official 四至',
  },
  // CSV column labels.
  'export.id': { zh: '编号', en: 'ID' },
  'export.nameZh': { zh: '中文名称', en: 'Chinese name' },
  'export.nameEn': { zh: '英文名称', en: 'English name' },
  'export.areaKm2': { zh: '报道面积（平方公里）', en: 'Reported area (km²)' },
  'export.areaBasis': { zh: '面积口径', en: 'Area basis' },
  'export.areaYear': { zh: '面积年份', en: 'Area year' },
  'export.computedAreaKm2': { zh: '图形面积（平方公里）', en: 'Mapped area (km²)' },
  'export.projectCount': { zh: '项目数', en: 'Projects' },
  'export.parkId': { zh: '园区编号', en: 'Park ID' },
  'export.park': { zh: '园区', en: 'Park' },
  'export.parkBasis': { zh: '园区依据', en: 'Park basis' },
  'export.chainBasis': { zh: '产业链依据', en: 'Chain basis' },
  'export.lon': { zh: '经度', en: 'Longitude' },
  'export.lat': { zh: '纬度', en: 'Latitude' },
  // The boundary importer's entry (src/ui/import/ImportEntry.tsx); the panel's own strings load
  // with the panel (src/ui/import/strings.ts), so the first bundle carries only these.
  'import.open': { zh: '导入官方边界', en: 'Import boundaries' },
  'import.title': { zh: '导入官方边界', en: 'Import official boundaries' },
  'import.undo': { zh: '撤销', en: 'Undo' },
  'import.reset': { zh: '恢复为发布数据', en: 'Reset to shipped data' },
  'import.inUse': {
    zh: '正在使用导入的边界（{file}，{date}）。',
    en: 'Using imported boundaries ({file}, {date}).',
  },
  'import.shippedInUse': { zh: '已恢复为发布数据。', en: 'Back to the shipped data.' },
} as const satisfies Record<string, Bilingual>;

// The UI spells these labels both ways; each pair shares one entry, so its texts cannot drift apart.
const SHARED_STRINGS = {
  'app.title': UI_STRINGS.appTitle,
  'filters.chains': UI_STRINGS.chains,
  'legend.title': UI_STRINGS.legend,
  'parks.title': UI_STRINGS.parks,
  'projects.title': UI_STRINGS.projects,
  'stats.investment': UI_STRINGS.investment,
} as const satisfies Record<string, Bilingual>;

const STRINGS = {
  ...KIND_STRINGS,
  ...LEVEL_STRINGS,
  ...DISTRICT_STRINGS,
  ...STATUS_STRINGS,
  ...BOUNDARY_STRINGS,
  ...BASIS_STRINGS,
  ...AREA_BASIS_STRINGS,
  ...CONFIDENCE_STRINGS,
  ...CHAIN_STATUS_STRINGS,
  ...UI_STRINGS,
  ...SHARED_STRINGS,
} as const;

/** A key of the UI string table; a key that is not in the table is a type error. */
export type I18nKey = keyof typeof STRINGS;

/** Every key of the string table (for completeness tests and tooling). */
export const I18N_KEYS = Object.keys(STRINGS) as readonly I18nKey[];

/**
 * The UI string for `key` in `lang`. `{name}` placeholders are replaced from `values`; a
 * placeholder without a value is left as written, so a missing value shows rather than vanishes.
 * A key missing at run time (only reachable through a cast, e.g. from an unexpected data value)
 * returns the key itself instead of breaking the panel.
 */
export function t(
  key: I18nKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const entry: Bilingual | undefined = (STRINGS as Partial<Record<string, Bilingual>>)[key];
  if (entry === undefined) return key;
  return entry[lang].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** A name in `lang`, falling back to the Chinese (official) name when there is no English one. */
export function nameIn(name: Name, lang: Lang): string {
  return lang === 'en' ? (name.en ?? name.zh) : name.zh;
}

/** A bilingual text in `lang`. */
export function textIn(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** The label of a park kind. */
export function kindLabel(kind: ParkKind, lang: Lang): string {
  return t(`kind.${kind}`, lang);
}

/** The label of a park level. */
export function levelLabel(level: ParkLevel, lang: Lang): string {
  return t(`level.${level}`, lang);
}

/** The name of a district: the Chinese name, or its English name. */
export function districtLabel(district: District, lang: Lang): string {
  return t(`district.${district}`, lang);
}

/** The label of a project status. */
export function statusLabel(status: ProjectStatus, lang: Lang): string {
  return t(`status.${status}`, lang);
}

/** The label of a boundary quality. */
export function boundaryLabel(boundary: BoundaryQuality, lang: Lang): string {
  return t(`boundary.${boundary}`, lang);
}

/** The one-line explanation of a boundary quality. */
export function boundaryExplanation(boundary: BoundaryQuality, lang: Lang): string {
  return t(`boundary.${boundary}.explain`, lang);
}

const NUMBER_LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** A number with grouping and at most `maxFractionDigits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], {
    maximumFractionDigits: maxFractionDigits,
  }).format(value);
}

const SMALLEST_SHOWN_AREA_KM2 = 0.01;

/**
 * An area: zh "14.57 平方公里", en "14.57 km²"; null (unknown) as "未知" / "unknown". A positive
 * area that would round to 0 shows as "< 0.01", so a tiny park never reads as having no area.
 */
export function formatArea(km2: number | null, lang: Lang): string {
  if (km2 === null || !Number.isFinite(km2)) return t('unknown', lang);
  const amount =
    km2 > 0 && km2 < SMALLEST_SHOWN_AREA_KM2
      ? `< ${formatNumber(SMALLEST_SHOWN_AREA_KM2, lang)}`
      : formatNumber(km2, lang);
  return lang === 'zh' ? `${amount} 平方公里` : `${amount} km²`;
}

/**
 * An investment given in 亿元 (100 million CNY): zh "30 亿元"; en in billions with one decimal,
 * "CNY 3.0 bn", or in millions below 0.1 bn ("CNY 50 m" for 0.5 亿元), where one decimal of a
 * billion would round small projects away. Null (unknown) as "未知" / "unknown".
 */
export function formatInvestment(yi: number | null, lang: Lang): string {
  if (yi === null || !Number.isFinite(yi)) return t('unknown', lang);
  if (lang === 'zh') return `${formatNumber(yi, lang)} 亿元`;
  const billions = yi / 10;
  if (billions === 0 || billions >= 0.1) {
    const amount = new Intl.NumberFormat(NUMBER_LOCALE.en, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(billions);
    return `CNY ${amount} bn`;
  }
  return `CNY ${formatNumber(yi * 100, lang, 0)} m`;
}

/** A share in [0, 1] as a whole percentage: "45%"; null (no basis) as "—". */
export function formatPercent(share: number | null, lang: Lang): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/**
 * A date as precise as the source gives it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): zh "2020年",
 * "2020年10月", "2020年10月28日"; en "2020", "Oct 2020", "28 Oct 2020". Anything else is
 * returned as given, so a malformed date is still shown rather than hidden.
 */
export function formatPartialDate(date: string, lang: Lang): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const monthIndex = month === undefined ? null : Number(month) - 1;
  const monthName = monthIndex === null ? undefined : MONTHS_EN[monthIndex];
  const dayNumber = day === undefined ? null : Number(day);
  if (monthIndex !== null && monthName === undefined) return date;
  if (dayNumber !== null && (dayNumber < 1 || dayNumber > 31)) return date;
  if (lang === 'zh') {
    if (monthIndex === null) return `${year}年`;
    const dayPart = dayNumber === null ? '' : `${dayNumber}日`;
    return `${year}年${monthIndex + 1}月${dayPart}`;
  }
  if (monthName === undefined) return `${year}`;
  return dayNumber === null ? `${monthName} ${year}` : `${dayNumber} ${monthName} ${year}`;
}
