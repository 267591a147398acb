import type { Bilingual } from '../../data/schema';
import { fill, type Lang } from '../../domain/i18n';

/**
 * The few project-form strings the park detail shows before the form has loaded (its add, edit
 * and undo buttons). They are part of PROJECT_STRINGS too; kept apart so that the first bundle does
 * not carry the importer's whole table.
 */
export const EDIT_ENTRY_STRINGS = {
  'edit.addIn': { zh: '在此园区添加项目', en: 'Add a project in this park' },
  'edit.edit': { zh: '编辑', en: 'Edit' },
  'edit.editNamed': { zh: '编辑「{name}」', en: 'Edit “{name}”' },
  'edit.undoEdit': { zh: '撤销刚才的项目编辑', en: 'Undo the last project edit' },
} as const satisfies Record<string, Bilingual>;

/** An entry string in `lang`, placeholders filled as `t` does. */
export function te(
  key: keyof typeof EDIT_ENTRY_STRINGS,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(EDIT_ENTRY_STRINGS[key][lang], values);
}
