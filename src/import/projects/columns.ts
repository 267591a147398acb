import { cleanText, unitInHeader, type MoneyUnit } from './values';

/**
 * The columns of a project ledger: which registry field each header stands for, guessed from the
 * headers the offices use (项目名称, 所在园区, 总投资（亿元）…) and overridable by the user
 * (the panel's selects, the command line's `--map 表头=field`).
 */

/** The fields a column can feed. */
export const PROJECT_FIELDS = [
  'id',
  'name',
  'content',
  'park',
  'district',
  'chain',
  'segment',
  'status',
  'year',
  'signed',
  'started',
  'completed',
  'investment',
  'firm',
  'lon',
  'lat',
  'location',
  'crs',
  'source',
  'note',
] as const;

/** One of {@link PROJECT_FIELDS}. */
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** Headers as the offices write them, per field; matched on the header without spaces and units. */
const HEADER_PATTERNS: readonly (readonly [ProjectField, RegExp])[] = [
  ['id', /^(项目)?(编号|代码|id|项目id|projectid)$/i],
  ['name', /^(项目名称|项目|名称|项目名|name|project|projectname)$/i],
  ['content', /^(建设内容|建设规模及内容|主要建设内容|建设规模|项目内容|项目简介|content)$/i],
  ['park', /^(所在园区|所属园区|园区|载体|所在载体|项目载体|落户园区|所在开发区|开发区|park)$/i],
  ['district', /^(辖市区|所在辖市区|板块|所在板块|所属板块|市区|区县|所在地区|属地|district)$/i],
  [
    'chain',
    /^(产业链|所属产业链|所属产业|产业类别|产业|所属行业|行业|产业方向|链条|chain|industry)$/i,
  ],
  ['segment', /^(环节|产业链环节|所属环节|链环节|segment)$/i],
  ['status', /^(项目状态|状态|进度|项目进度|建设进度|推进情况|阶段|status)$/i],
  ['year', /^(年份|年度|项目年度|year)$/i],
  ['signed', /^(签约时间|签约日期|签约年份|签约年度)$/i],
  ['started', /^(开工时间|开工日期|开工年份|计划开工时间|新开工时间)$/i],
  ['completed', /^(竣工时间|投产时间|竣工投产时间|建成时间|竣工日期|投产日期)$/i],
  ['investment', /^(计划)?(总投资|投资总额|投资额|投资规模|协议投资|计划投资|investment)(额)?$/i],
  ['firm', /^(建设单位|项目单位|企业|企业名称|投资方|投资主体|业主单位|实施主体|firm|company)$/i],
  // A platform's name may lead the coordinate headers (高德坐标, 百度经度); coords.ts reads it.
  ['lon', /^(高德|百度|腾讯|天地图|gps|wgs-?84|gcj-?02|bd-?09)?(经度|lon|lng|longitude|x)$/i],
  ['lat', /^(高德|百度|腾讯|天地图|gps|wgs-?84|gcj-?02|bd-?09)?(纬度|lat|latitude|y)$/i],
  [
    'location',
    /^(高德|百度|腾讯|天地图|gps|wgs-?84|gcj-?02|bd-?09)?(坐标|经纬度|位置坐标|location|coordinates)$/i,
  ],
  ['crs', /^(坐标系|坐标系统|坐标类型|坐标系类型|坐标来源|crs|srs|coordinatesystem)$/i],
  ['source', /^(来源|资料来源|信息来源|数据来源|source)$/i],
  ['note', /^(备注|说明|note|notes|remark|remarks)$/i],
];

/** A header without spaces, bracketed units, "序号"-style decoration and a trailing colon. */
export function headerKey(header: string): string {
  return cleanText(header)
    .replace(/\s+/g, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[:：*]+$/, '')
    .replace(/^\*+/, '');
}

/** The field a header most likely stands for, or null. */
export function guessField(header: string): ProjectField | null {
  const key = headerKey(header);
  if (key === '') return null;
  for (const [field, pattern] of HEADER_PATTERNS) if (pattern.test(key)) return field;
  return null;
}

/** One column as mapped: the header, its field (null: not imported) and a money unit. */
export interface ColumnMapping {
  readonly index: number;
  readonly header: string;
  readonly field: ProjectField | null;
  /** How the field was chosen: guessed from the header, or set by the user. */
  readonly by: 'guess' | 'user' | null;
  /** For `investment`: the unit its header names (null: none named). */
  readonly unit: MoneyUnit | null;
}

/** What a user set: header (as written) → field, or null to leave the column out. */
export type MappingOverrides = ReadonlyMap<string, ProjectField | null>;

/**
 * The mapping of a header row: each header's guessed field, overridden where the user chose;
 * a field guessed for two columns keeps the first (a user's choice is never dropped).
 */
export function mapColumns(
  headers: readonly string[],
  overrides: MappingOverrides = new Map(),
): ColumnMapping[] {
  const userFields = new Set([...overrides.values()].filter((f) => f !== null));
  const taken = new Set<ProjectField>();
  return headers.map((header, index) => {
    const trimmed = cleanText(header);
    const unit = unitInHeader(trimmed);
    if (overrides.has(trimmed)) {
      const field = overrides.get(trimmed) ?? null;
      return { index, header: trimmed, field, by: 'user', unit };
    }
    const guess = guessField(trimmed);
    if (guess === null || taken.has(guess) || userFields.has(guess)) {
      return { index, header: trimmed, field: null, by: null, unit };
    }
    taken.add(guess);
    return { index, header: trimmed, field: guess, by: 'guess', unit };
  });
}

/** How many headers of a row name a field: the header-row finder's score. */
export function headerScore(
  row: readonly unknown[],
  extra: ReadonlySet<string> = new Set(),
): number {
  const seen = new Set<string>();
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const field = extra.has(cleanText(cell)) ? cleanText(cell) : guessField(cell);
    if (field) seen.add(field);
  }
  return seen.size;
}
