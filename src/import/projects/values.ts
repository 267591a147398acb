import type { ProjectStatus } from '../../data/schema';
import { text, type Text } from '../text';

/**
 * The value readers of the project importer: each reads one cell the way a person reads it —
 * "约12.5亿", "1,200万元", "3000（万元）", full-width digits, "10-15亿", status words of the
 * offices' own ledgers, dates as Excel serials or as text. Each returns the value, or why it
 * cannot be read, in both languages; none of them throws.
 */

/** A cell as the readers see it: text, a number, or nothing. */
export type CellValue = string | number | null;

/** A reader's verdict: the value (and a remark worth keeping), or the problem. */
export type Read<T> =
  | { readonly ok: true; readonly value: T; readonly remark?: Text }
  | { readonly ok: false; readonly problem: Text };

const ok = <T>(value: T, remark?: Text): Read<T> =>
  remark ? { ok: true, value, remark } : { ok: true, value };
const bad = <T>(problem: Text): Read<T> => ({ ok: false, problem });

/**
 * Text as it is compared: NFKC (full-width digits, letters, brackets, commas and tildes become
 * ASCII), with every run of white space (the ideographic space included) made one space, trimmed.
 */
export function cleanText(value: CellValue): string {
  if (value === null) return '';
  return String(value)
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** Whether a cell holds nothing a reader could use ("", "-", "—", "/", "无"). */
export function isBlank(value: CellValue): boolean {
  const clean = cleanText(value);
  return clean === '' || /^(-+|—+|–+|\/|无|暂无|n\/?a)$/i.test(clean);
}

/** Money units a header or a cell may name, as their factor to 亿元. */
export const MONEY_UNITS = {
  亿元: 1,
  千万元: 0.1,
  百万元: 0.01,
  万元: 0.0001,
  元: 0.00000001,
} as const;

/** A money unit the importer understands. */
export type MoneyUnit = keyof typeof MONEY_UNITS;

const UNIT_PATTERN = /(亿元|亿|千万元|千万|百万元|百万|万元|万|元)/;

/** The CNY unit named in a header such as "总投资（亿元）" or "计划总投资(万元)", or null. */
export function unitInHeader(header: string): MoneyUnit | null {
  const found = cleanText(header).match(UNIT_PATTERN);
  return found?.[1] ? canonicalUnit(found[1]) : null;
}

function canonicalUnit(unit: string): MoneyUnit {
  if (unit.startsWith('亿')) return '亿元';
  if (unit.startsWith('千万')) return '千万元';
  if (unit.startsWith('百万')) return '百万元';
  if (unit.startsWith('万')) return '万元';
  return '元';
}

/** Words that make a figure approximate: 约, 近, 逾, 超, 超过, 大约, 预计 …, and 余/多 after it. */
const APPROX_BEFORE = /^(约|大约|约合|近|逾|超过|超|预计|计划|拟|总计|共计|合计)\s*/;

/** A decimal number with optional thousands separators: "1,200", "12.5". */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const UNIT = '亿元|亿|千万元|千万|百万元|百万|万元|万|元';

/** An amount: a figure or a range, a unit after either, "余/多/左右/以上" after it. */
const AMOUNT = new RegExp(
  String.raw`^(?<low>${NUMBER})\s*(?<u1>${UNIT})?\s*(?:(?:-|~|至|到|—|–)\s*(?<high>${NUMBER})\s*(?<u2>${UNIT})?)?\s*(?<after>余|多|左右|以上)?\s*(?:人民币)?$`,
);

function toNumber(raw: string): number {
  return Number(raw.replace(/[, ]/g, ''));
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Reads an investment as 亿元 (100 million CNY). `headerUnit` is the unit the column's header
 * names (a bare number takes it); a unit in the cell wins over it. A range ("10-15亿",
 * "10至15亿元") reads as its lower bound and says so; "约" and "余" are read and said.
 * Another currency (美元, 欧元) is refused rather than converted at a guessed rate.
 */
export function readInvestment(value: CellValue, headerUnit: MoneyUnit | null): Read<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return bad(text(`金额 ${value} 不是有效数值`, `amount ${value} is not a valid figure`));
    if (!headerUnit) return bad(UNIT_MISSING);
    return ok(round(value * MONEY_UNITS[headerUnit]));
  }
  let clean = cleanText(value).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/美元|usd|\$|欧元|eur|€|日元|港元|港币/i.test(clean)) {
    return bad(
      text(
        `「${clean}」不是人民币金额，未换算`,
        `"${clean}" is not in CNY; it is not converted at a guessed rate`,
      ),
    );
  }
  let approximate = false;
  const before = clean.match(APPROX_BEFORE);
  if (before) {
    approximate = /^(约|大约|约合|近|逾|超过|超)/.test(before[1] ?? '');
    clean = clean.slice(before[0].length);
  }
  const found = clean.match(AMOUNT);
  const groups = found?.groups;
  if (!groups?.['low']) {
    return bad(
      text(`无法读取金额「${cleanText(value)}」`, `cannot read the amount "${cleanText(value)}"`),
    );
  }
  const unitText = groups['u1'] ?? groups['u2'] ?? null;
  const unit = unitText ? canonicalUnit(unitText) : headerUnit;
  if (!unit) return bad(UNIT_MISSING);
  if (groups['after']) approximate = true;
  const low = round(toNumber(groups['low']) * MONEY_UNITS[unit]);
  if (groups['high']) {
    const high = round(toNumber(groups['high']) * MONEY_UNITS[unit]);
    return ok(
      low,
      text(
        `总投资为区间 ${low}–${high} 亿元，按下限计`,
        `investment given as a range ${low}–${high} 亿元; the lower bound is used`,
      ),
    );
  }
  return approximate
    ? ok(
        low,
        text(
          `总投资为约数（${cleanText(value)}）`,
          `investment is approximate (${cleanText(value)})`,
        ),
      )
    : ok(low);
}

const UNIT_MISSING = text(
  '金额没有单位：请在表头或单元格注明亿元或万元',
  'the amount has no unit: name 亿元 or 万元 in the header or the cell',
);

/** Status words of the offices' ledgers, most specific first; matched on the cleaned text. */
const STATUS_WORDS: readonly (readonly [RegExp, ProjectStatus])[] = [
  [/未开工|待开工|拟开工/, 'signed'],
  [/竣工|投产|运营|建成|达产|试生产|试运行|完工|operating|in operation|completed/i, 'operating'],
  [/新开工|开工|在建|续建|建设中|施工|under[- ]construction|construction/i, 'under-construction'],
  [/已签约|签约|落户|注册|signed/i, 'signed'],
  [/谋划|储备|前期|洽谈|拟建|在谈|planned|planning|pipeline/i, 'planned'],
];

/**
 * Reads a project status: 谋划/储备/前期 → planned, 签约/已签约 → signed, 开工/在建/续建 →
 * under construction, 竣工/投产/运营 → operating (and the registry's English words). A word it
 * does not know comes back as a problem, for the importer to ask about once.
 */
export function readStatus(value: CellValue): Read<ProjectStatus> {
  const clean = cleanText(value);
  if (clean === '') return bad(text('项目状态为空', 'the status is empty'));
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(clean)) return ok(status);
  return bad(text(`不认识的项目状态「${clean}」`, `unknown status "${clean}"`));
}

/** The day an Excel serial stands for (1900 date system; serial 60 is Excel's phantom 29 Feb 1900). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const MIN_YEAR = 1980;
const MAX_YEAR = 2100;

/**
 * Reads the year of a date column: 2024, "2024年", "2024年3月", "2024.03", "2024-03-01", "2024/3/1",
 * or an Excel date serial (a number between the serials of 1980 and 2100).
 */
export function readYear(value: CellValue): Read<number> {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return ok(value);
    const date = value > 20000 && value < 80000 ? excelSerialToDate(value) : null;
    if (date)
      return ok(
        Number(date.slice(0, 4)),
        text(`日期序号 ${value} 读作 ${date}`, `date serial ${value} read as ${date}`),
      );
    return bad(text(`无法读取年份「${value}」`, `cannot read the year "${value}"`));
  }
  const clean = cleanText(value);
  // A number stored as text ("45292", "2024") reads as the number would.
  if (/^\d+$/.test(clean)) return readYear(Number(clean));
  const found = clean.match(
    /^(?:约|计划|预计)?\s*((?:19|20)\d{2})(?:\s*年|[-./]\d{1,2}|$|\s|年\s*\d)/,
  );
  const year = found?.[1] ? Number(found[1]) : NaN;
  if (year >= MIN_YEAR && year <= MAX_YEAR) return ok(year);
  return bad(text(`无法读取年份「${clean}」`, `cannot read the year "${clean}"`));
}

/** Degrees from "119.45", "119°27′36″", "119度27分". */
function readDegrees(raw: string): number | null {
  const clean = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(clean)) return Number(clean);
  const dms = clean.match(
    /^(\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分]\s*)?(?:(\d+(?:\.\d+)?)\s*["″秒]\s*)?[EN东北]?$/i,
  );
  if (!dms?.[1]) return null;
  return Number(dms[1]) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600;
}

const LON_RANGE = [73, 136] as const;
const LAT_RANGE = [3, 54] as const;

function inRange(value: number, range: readonly [number, number]): boolean {
  return value >= range[0] && value <= range[1];
}

/**
 * Reads a location as [lon, lat] from one 坐标 cell ("119.45, 32.20", "32.20,119.45" — the order
 * is told apart by the ranges of China's longitudes and latitudes) or from a 经度 and a 纬度 cell.
 * Coordinates are taken as WGS-84/CGCS2000, as the registry holds them.
 */
export function readLocation(
  lon: CellValue,
  lat: CellValue = null,
): Read<readonly [number, number]> {
  let first: number | null;
  let second: number | null;
  const shown = lat === null ? cleanText(lon) : `${cleanText(lon)}, ${cleanText(lat)}`;
  if (lat === null) {
    const parts = cleanText(lon)
      .split(/\s*[,;，；\s]\s*/)
      .filter((part) => part !== '');
    if (parts.length !== 2)
      return bad(
        text(
          `无法读取坐标「${shown}」：应为“经度,纬度”`,
          `cannot read the location "${shown}": give "lon,lat"`,
        ),
      );
    first = readDegrees(parts[0] ?? '');
    second = readDegrees(parts[1] ?? '');
  } else {
    first = typeof lon === 'number' ? lon : readDegrees(cleanText(lon));
    second = typeof lat === 'number' ? lat : readDegrees(cleanText(lat));
  }
  if (first === null || second === null)
    return bad(text(`无法读取坐标「${shown}」`, `cannot read the location "${shown}"`));
  if (inRange(first, LON_RANGE) && inRange(second, LAT_RANGE)) return ok([first, second]);
  if (inRange(second, LON_RANGE) && inRange(first, LAT_RANGE))
    return ok(
      [second, first],
      text(`坐标「${shown}」按纬度在前读取`, `location "${shown}" read as lat,lon`),
    );
  return bad(text(`坐标「${shown}」不在中国范围内`, `location "${shown}" is not in China`));
}

/** A project name as written, with white space tidied; markup and formula-like text stay text. */
export function readName(value: CellValue): Read<string> {
  const clean = cleanText(value);
  if (clean === '') return bad(text('项目名称为空', 'the project name is empty'));
  if (clean.length > 200)
    return bad(text('项目名称超过 200 个字符', 'the project name is longer than 200 characters'));
  return ok(clean);
}
