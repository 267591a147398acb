import type {
  Bilingual,
  BoundaryQuality,
  District,
  Name,
  ParkKind,
  ParkLevel,
  ProjectStatus,
} from '../data/schema';
import { STRINGS } from './i18nStrings';

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

/** A key of the UI string table; a key that is not in the table is a type error. */
export type I18nKey = keyof typeof STRINGS;

/** Every key of the string table (for completeness tests and tooling). */
export const I18N_KEYS = Object.keys(STRINGS) as readonly I18nKey[];

/**
 * A template with its `{name}` placeholders replaced from `values`; a placeholder without a value
 * is left as written, so that a missing value shows rather than vanishes. Shared by every string
 * table (this one and the importer's).
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}

/**
 * The UI string for `key` in `lang`, its `{name}` placeholders filled from `values` by
 * {@link fill}. A key missing at run time (only reachable through a cast, e.g. from an unexpected data value)
 * returns the key itself instead of breaking the panel.
 */
export function t(
  key: I18nKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const entry: Bilingual | undefined = (STRINGS as Partial<Record<string, Bilingual>>)[key];
  if (entry === undefined) return key;
  return fill(entry[lang], values);
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
