import type { Report } from './report';

/**
 * Aliases (other names of chains and parks, used to match imported spreadsheets) must each name
 * one record: an importer could not tell which record an ambiguous alias means.
 */

/** Normalised for comparison: width-folded, case-folded, without spaces. */
export function aliasKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A record's names and aliases, for {@link aliasFindings}. */
export interface Named {
  readonly id: string;
  readonly names: readonly string[];
  readonly aliases: readonly string[];
}

/**
 * Aliases unique across records: an alias may not repeat another record's alias or name (an
 * importer could not tell which record it means), nor appear twice in one record.
 */
export function aliasFindings(records: readonly Named[], noun: string, report: Report): void {
  const names = new Map<string, string>();
  for (const record of records)
    for (const name of record.names) names.set(aliasKey(name), record.id);
  const aliasOwner = new Map<string, string>();
  for (const record of records) {
    for (const alias of record.aliases) {
      const key = aliasKey(alias);
      const named = names.get(key);
      const first = aliasOwner.get(key);
      if (named !== undefined && named !== record.id) {
        report(
          record.id,
          'alias-duplicate',
          `alias '${alias}' is the name of ${noun} '${named}': an alias must name one ${noun} only; remove it`,
        );
      } else if (first === record.id) {
        report(record.id, 'alias-duplicate', `alias '${alias}' is listed twice: list it once`);
      } else if (first !== undefined) {
        report(
          record.id,
          'alias-duplicate',
          `alias '${alias}' is also an alias of ${noun} '${first}': an alias must name one ${noun} only; keep it on one of them`,
        );
      }
      if (first === undefined) aliasOwner.set(key, record.id);
    }
  }
}
