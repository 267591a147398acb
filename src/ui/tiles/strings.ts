import type { Bilingual } from '../../data/schema';
import { fill, type Lang } from '../../domain/i18n';

/**
 * The strings of a tiled registry's notes and export (`?data=DIR/index.json`), beside its views so
 * that they load with them: a registry loaded whole never carries them in its first bundle.
 */
export const TILES_STRINGS = {
  'tiles.validated': {
    zh: '数据已由 {by} 于 {at} 校验（{file}，资料截至 {asOf}）；浏览器中不再校验。',
    en: 'Data validated by {by} at {at} ({file}, as of {asOf}); the browser does not validate it again.',
  },
  'tiles.commandLineOnly': {
    zh: '这是切片数据（index.json），只能通过命令行维护：npm run import、npm run import-projects，然后 npm run tiles。',
    en: 'This is a tiled registry (index.json), maintained through the command line: npm run import, npm run import-projects, then npm run tiles.',
  },
  'tiles.readingRecords': {
    zh: '正在读取 {count} 个园区的完整记录…',
    en: 'Reading the full records of {count} parks…',
  },
  'tiles.recordLoading': {
    zh: '正在读取此园区的完整记录（来源、备注、项目来源）：{file}…',
    en: 'Loading this park’s full record (sources, notes, project sources): {file}…',
  },
  'tiles.recordFailed': {
    zh: '无法读取此园区的完整记录：{reason}',
    en: 'This park’s full record could not be read: {reason}',
  },
  'tiles.retry': { zh: '重试', en: 'Retry' },
  'tiles.exportFailed': { zh: '导出失败：{reason}', en: 'Export failed: {reason}' },
} as const satisfies Record<string, Bilingual>;

/** A key of {@link TILES_STRINGS}. */
export type TilesKey = keyof typeof TILES_STRINGS;

/** The string for `key` in `lang`, its `{name}` placeholders filled from `values`. */
export function tt(
  key: TilesKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(TILES_STRINGS[key][lang], values);
}
