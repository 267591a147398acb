import type { Bilingual } from '../../data/schema';
import { fill, type Lang } from '../../domain/i18n';

/**
 * The few chain-view strings the first screen needs (the buttons that open a chain, the notice
 * about old chain ids in a link): apart from the view's own table (strings.ts), which loads with
 * the view, so the first load carries only these.
 */
export const ENTRY_STRINGS = {
  open: { zh: '产业链视图', en: 'Chain view' },
  openNamed: { zh: '打开“{name}”产业链视图', en: 'Open the {name} chain view' },
  notice: {
    zh: '链接中的旧产业链已按新分类打开：',
    en: 'An old chain in the link was opened under the new taxonomy:',
  },
  noticeMerged: { zh: '“{from}”已并入 {to}', en: '“{from}” is now part of {to}' },
  noticeSplit: { zh: '“{from}”已拆分为 {to}', en: '“{from}” was split into {to}' },
  and: { zh: '、', en: ', ' },
} as const satisfies Record<string, Bilingual>;

/** A key of the entry strings. */
export type EntryStringKey = keyof typeof ENTRY_STRINGS;

/** An entry string in `lang`, `{name}` placeholders filled from `values`. */
export function et(
  key: EntryStringKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(ENTRY_STRINGS[key][lang], values);
}
