import type { ProjectStatus } from '../../data/schema';
import type { Text } from '../text';
import type { ProjectRecord } from './check';
import type { ProjectField } from './columns';
import { provenanceTitle } from './provenance';
import { cleanText, isBlank, type CellValue } from './values';

/**
 * One planned row as a registry record: the facts read from its cells, and its provenance — a
 * source naming the file, sheet and row, whose note keeps what the schema has no field for
 * (建设单位, 建设内容, 辖市区, 备注) and what the readers remarked (a range, an approximate figure).
 */

/** A row's cells by the field their column feeds. */
export type Cells = Partial<Record<ProjectField, CellValue>>;

/** What a row's record is built from. */
export interface RecordParts {
  readonly name: string;
  readonly park: string | null;
  readonly chain: string;
  readonly chainBasis: 'reported' | 'inferred';
  readonly segment: string | null;
  readonly status: ProjectStatus;
  readonly year: number | null;
  readonly investment: number | null;
  readonly location: readonly [number, number] | undefined;
  readonly cells: Cells;
  readonly remarks: readonly Text[];
  readonly row: number;
  readonly options: {
    readonly fileName: string;
    readonly sheet: string | null;
    readonly date: string;
  };
}

/** The source of an imported row: file, sheet and row; the row's own facts in its note. */
function provenance(parts: RecordParts): Record<string, string>[] {
  const { cells, options } = parts;
  const facts = [
    ['建设单位', cells.firm],
    ['建设内容', cells.content],
    ['辖市区', cells.district],
    ['备注', cells.note],
  ]
    .filter(([, value]) => !isBlank((value ?? null) as CellValue))
    .map(([label, value]) => `${String(label)}：${cleanText((value ?? null) as CellValue)}`);
  for (const remark of parts.remarks) facts.push(remark.zh);
  const source: Record<string, string> = {
    title: provenanceTitle(options.fileName, options.sheet, parts.row),
    date: options.date,
  };
  if (facts.length > 0) source['note'] = facts.join('；').slice(0, 2000);
  const sources = [source];
  const given = cleanText(cells.source ?? null);
  if (given !== '') {
    sources.push(/^https?:\/\/\S+$/i.test(given) ? { title: given, url: given } : { title: given });
  }
  return sources;
}

/** The record of a ready row (without its id, which the merge gives). */
export function buildRecord(parts: RecordParts): ProjectRecord {
  const record: Record<string, unknown> = {
    name: { zh: parts.name },
    park: parts.park,
    // The schema pairs them: no park, no basis (the validator's basis-pair rule).
    park_basis: parts.park === null ? null : 'reported',
    chain: parts.chain,
    chain_basis: parts.chainBasis,
    segment: parts.segment,
    segment_basis: parts.segment ? 'reported' : null,
    status: parts.status,
    year: parts.year,
    investment_cny_100m: parts.investment,
    confidence: 'M',
    sources: provenance(parts),
  };
  if (parts.location) record['location'] = [...parts.location];
  return record;
}
