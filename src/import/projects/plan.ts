import * as v from 'valibot';
import { PROJECT_STATUSES, ProjectSchema, type ProjectStatus } from '../../data/schema';
import { type Registry } from '../../data/registry';
import type { ToPinyin } from '../../domain/search';
import { text, type Text } from '../text';
import { checkContext, checkProject, type ProjectRecord } from './check';
import type { ColumnMapping, ProjectField } from './columns';
import {
  chainNamed,
  makeResolver,
  parkNamed,
  segmentsOf,
  type Resolution,
  type Resolver,
} from './resolve';
import {
  COORD_SYSTEMS,
  coordColumns,
  placeRow,
  systemFits,
  type StatedSystem,
  type SystemFit,
} from './coords';
import { buildRecord, type Cells } from './record';
import { notAProject, type LedgerTable } from './table';
import {
  cleanText,
  isBlank,
  readInvestment,
  readName,
  readStatus,
  readYear,
  type CellValue,
  type MoneyUnit,
} from './values';

/**
 * Plans an import row by row: reads each cell with the value readers, resolves park, chain and
 * segment, and gives each row a state — ready, waiting for an answer, or refused with its reason.
 * A value the registry does not know (所在园区「新区」) is one question for every row that has it,
 * answered once. Nothing here changes the registry; {@link mergeProjects} does that, later.
 */

/** What a question is about. */
export type QuestionField = 'park' | 'chain' | 'segment' | 'status' | 'unit' | 'crs';

/** A user's answer: a registry id (or status, unit, coordinate system), "no park", or "leave these rows out". */
export type Answer =
  | { readonly kind: 'use'; readonly value: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'skip' };

/** Answers by question key. */
export type Answers = ReadonlyMap<string, Answer>;

/** One question, asked once for every row with the same value. */
export interface Question {
  readonly key: string;
  readonly field: QuestionField;
  /** The value as the ledger writes it ('' for an empty cell). */
  readonly value: string;
  /** For a segment: the chain it must belong to. */
  readonly chain: string | null;
  /** Ids (or statuses, units) worth offering first. */
  readonly candidates: readonly string[];
  readonly ambiguous: boolean;
  /** The rows (sheet row numbers) waiting for it. */
  readonly rows: readonly number[];
  /** For the coordinate system: how many rows each system puts inside their park. */
  readonly fits?: readonly SystemFit[];
}

/**
 * A row's state: ready to import, waiting for an answer, refused with its reasons, or skipped
 * because it is not a project at all (a total line, a section heading, a repeated header).
 */
export type RowState = 'ready' | 'question' | 'refused' | 'skipped';

/** One planned row. */
export interface PlannedRow {
  readonly row: number;
  readonly state: RowState;
  /** The project name as read ('' when there is none). */
  readonly name: string;
  /** Why it is refused (or skipped). */
  readonly problems: readonly Text[];
  /** Keys of the questions it waits for. */
  readonly waiting: readonly string[];
  /** What the reader noticed and kept (a range read as its lower bound, an approximate figure). */
  readonly remarks: readonly Text[];
  /** The record it becomes (without its final id); null unless ready. */
  readonly record: ProjectRecord | null;
  /** The id column's value, when mapped. */
  readonly givenId: string | null;
}

/** The whole plan. */
export interface ImportPlan {
  readonly rows: readonly PlannedRow[];
  readonly questions: readonly Question[];
  readonly ready: number;
  readonly waiting: number;
  readonly refused: number;
  readonly skipped: number;
  /** The coordinate system the headers (or a line above them) state, if any: said in panel and CLI. */
  readonly coordSystem: StatedSystem | null;
}

/** What the plan needs besides the table. */
export interface PlanOptions {
  readonly fileName: string;
  /** The sheet read (null for CSV). */
  readonly sheet: string | null;
  /** The import date, YYYY-MM-DD: each imported record's source date. */
  readonly date: string;
  readonly answers?: Answers;
  readonly toPinyin?: ToPinyin;
  /** Whether a project may have no park (`park: null`): true once the registry allows it. */
  readonly parkOptional?: boolean;
}

/** Whether the registry's schema lets a project have no park (`park: null`). */
export function parkMayBeNull(): boolean {
  return v.safeParse(ProjectSchema.entries.park, null).success;
}

/** The key of a question: its field, its chain scope and its value, normalised. */
export function questionKey(
  field: QuestionField,
  value: string,
  chain: string | null = null,
): string {
  return `${field}|${chain ?? ''}|${cleanText(value).toLowerCase()}`;
}

function cellsOf(cells: readonly CellValue[], mapping: readonly ColumnMapping[]): Cells {
  const out: Cells = {};
  for (const column of mapping) {
    if (column.field && out[column.field] === undefined)
      out[column.field] = cells[column.index] ?? null;
  }
  return out;
}

interface Lookups {
  readonly parks: Resolver;
  readonly chains: Resolver;
  readonly segments: ReadonlyMap<string, Resolver>;
}

function lookups(registry: Registry, toPinyin?: ToPinyin): Lookups {
  return {
    parks: makeResolver(
      registry.parks.map((park) => parkNamed(park.properties)),
      toPinyin,
    ),
    chains: makeResolver(registry.chains.map(chainNamed), toPinyin),
    segments: new Map(
      registry.chains.map((chain) => [chain.id, makeResolver(segmentsOf(chain), toPinyin)]),
    ),
  };
}

/** Plans the import of `table` with `mapping` into `registry`. */
export function planImport(
  table: LedgerTable,
  mapping: readonly ColumnMapping[],
  registry: Registry,
  options: PlanOptions,
): ImportPlan {
  const answers = options.answers ?? new Map<string, Answer>();
  const found = lookups(registry, options.toPinyin);
  const context = checkContext(registry);
  const questions = new Map<string, { q: Omit<Question, 'rows'>; rows: number[] }>();
  const has = (field: ProjectField): boolean => mapping.some((column) => column.field === field);
  const unitColumn = mapping.find((column) => column.field === 'investment');
  const coords = coordColumns(mapping, table.titles);
  const samples: { location: readonly [number, number]; park: string }[] = [];
  const rows = table.rows.map((dataRow): PlannedRow => {
    const cells = cellsOf(dataRow.cells, mapping);
    const problems: Text[] = [];
    const remarks: Text[] = [];
    const waiting: string[] = [];
    const skip = notAProject(dataRow.cells, table.headers);
    const name = readName(cells.name ?? null);
    const base = { row: dataRow.row, name: name.ok ? name.value : '', remarks, givenId: null };
    if (skip) return { ...base, state: 'skipped', problems: [skip], waiting, record: null };
    if (!name.ok) problems.push(name.problem);

    /** Asks about `value` (or applies the answer already given); returns the answer's value. */
    const ask = (
      field: QuestionField,
      value: string,
      resolution: Resolution | null,
      chain: string | null = null,
    ): Answer | null => {
      const key = questionKey(field, value, chain);
      const answer = answers.get(key);
      const entry: { q: Omit<Question, 'rows'>; rows: number[] } = questions.get(key) ?? {
        q: {
          key,
          field,
          value: cleanText(value),
          chain,
          candidates: resolution && resolution.kind !== 'found' ? resolution.candidates : [],
          ambiguous: resolution?.kind === 'ambiguous',
        },
        rows: [],
      };
      entry.rows.push(dataRow.row);
      questions.set(key, entry);
      if (!answer) waiting.push(key);
      return answer ?? null;
    };
    const answered = (answer: Answer | null, what: Text): string | null | undefined => {
      if (!answer) return undefined;
      if (answer.kind === 'skip') {
        problems.push(
          text(
            `已选择不导入${what.zh}为此值的行`,
            `rows with this ${what.en} are left out, as chosen`,
          ),
        );
        return undefined;
      }
      return answer.kind === 'none' ? null : answer.value;
    };

    // Park: by id, name, alias or pinyin; unknown and ambiguous values are asked once.
    let park: string | null | undefined;
    const parkText = cleanText(cells.park ?? null);
    if (isBlank(cells.park ?? null)) {
      park = options.parkOptional ? null : answered(ask('park', '', null), text('园区', 'park'));
    } else {
      const resolution = found.parks.resolve(parkText);
      park =
        resolution.kind === 'found'
          ? resolution.id
          : answered(ask('park', parkText, resolution), text('园区', 'park'));
    }

    // Chain: by id, name, alias, former id or former wording (新能源).
    let chain: string | null | undefined;
    let chainBasis: 'reported' | 'inferred' = 'reported';
    const chainText = cleanText(cells.chain ?? null);
    const chainResolution = isBlank(cells.chain ?? null) ? null : found.chains.resolve(chainText);
    if (chainResolution?.kind === 'found') chain = chainResolution.id;
    else {
      chain = answered(
        ask('chain', chainResolution ? chainText : '', chainResolution),
        text('产业链', 'chain'),
      );
      if (!chainResolution) chainBasis = 'inferred';
    }
    if (chain === null) chain = undefined;

    // Segment: within the chain, by id or name.
    let segment: string | null = null;
    const segmentText = cleanText(cells.segment ?? null);
    if (chain && has('segment') && !isBlank(cells.segment ?? null)) {
      const resolution = found.segments.get(chain)?.resolve(segmentText) ?? null;
      if (resolution?.kind === 'found') segment = resolution.id;
      else
        segment =
          answered(ask('segment', segmentText, resolution, chain), text('环节', 'segment')) ?? null;
    }

    // Status: the ledger's own words; an unknown word is asked once.
    let status: ProjectStatus | undefined;
    const statusRead = readStatus(cells.status ?? null);
    if (statusRead.ok) status = statusRead.value;
    else {
      const value = answered(
        ask('status', cleanText(cells.status ?? null), {
          kind: 'unknown',
          candidates: [...PROJECT_STATUSES],
        }),
        text('状态', 'status'),
      );
      status = PROJECT_STATUSES.find((s) => s === value);
    }

    // Year: the date of the status (签约 for signed, 开工 for under construction …), else 年份.
    const yearCell = [
      status === 'signed'
        ? cells.signed
        : status === 'under-construction'
          ? cells.started
          : status === 'operating'
            ? cells.completed
            : undefined,
      cells.year,
      cells.signed,
      cells.started,
      cells.completed,
    ].find((cell) => cell !== undefined && !isBlank(cell));
    let year: number | null = null;
    if (yearCell !== undefined && yearCell !== null) {
      const read = readYear(yearCell);
      if (read.ok) year = read.value;
      else problems.push(read.problem);
    }

    // Investment in 亿元; a column without a unit is asked about once.
    let investment: number | null = null;
    if (unitColumn && !isBlank(cells.investment ?? null)) {
      let unit: MoneyUnit | null = unitColumn.unit;
      const cell = cells.investment ?? null;
      const needsUnit =
        !unit && readInvestment(cell, null).ok === false && readInvestment(cell, '亿元').ok;
      if (needsUnit) {
        const answer = ask('unit', unitColumn.header, {
          kind: 'unknown',
          candidates: ['亿元', '万元'],
        });
        unit = answer?.kind === 'use' ? (answer.value as MoneyUnit) : null;
      }
      if (!needsUnit || unit) {
        const read = readInvestment(cell, unit);
        if (read.ok) {
          investment = read.value;
          if (read.remark) remarks.push(read.remark);
        } else problems.push(read.problem);
      }
    }

    // Location: one 坐标 cell, or 经度 and 纬度, in a system stated or asked once per file.
    let location: readonly [number, number] | undefined;
    const placed = placeRow(cells, coords, (raw) => {
      if (typeof park === 'string') samples.push({ location: raw, park });
      const choices = { kind: 'unknown', candidates: [...COORD_SYSTEMS] } as const;
      const value = answered(ask('crs', coords.label, choices), text('坐标系', 'coordinates'));
      return COORD_SYSTEMS.find((system) => system === value);
    });
    if (placed.kind === 'refused') problems.push(placed.problem);
    if (placed.kind === 'placed') {
      location = placed.location;
      remarks.push(...placed.remarks);
    }

    const givenId = isBlank(cells.id ?? null) ? null : cleanText(cells.id ?? null);
    const result = { ...base, givenId };
    if (problems.length > 0)
      return { ...result, state: 'refused', problems, waiting: [], record: null };
    if (waiting.length > 0 || park === undefined || chain === undefined || status === undefined) {
      return { ...result, state: 'question', problems, waiting, record: null };
    }
    const record = buildRecord({
      name: name.ok ? name.value : '',
      park,
      chain,
      chainBasis,
      segment,
      status,
      year,
      investment,
      location,
      cells,
      remarks,
      row: dataRow.row,
      options,
    });
    const checked = checkProject({ ...record, id: 'pending' }, context);
    if (checked.length > 0)
      return { ...result, state: 'refused', problems: checked, waiting: [], record: null };
    return { ...result, state: 'ready', problems: [], waiting: [], record };
  });
  const list = [...questions.values()].map(({ q, rows: qRows }) =>
    q.field === 'crs'
      ? { ...q, rows: qRows, fits: systemFits(samples, registry) }
      : { ...q, rows: qRows },
  );
  return {
    rows,
    questions: list,
    ready: rows.filter((r) => r.state === 'ready').length,
    waiting: rows.filter((r) => r.state === 'question').length,
    refused: rows.filter((r) => r.state === 'refused').length,
    skipped: rows.filter((r) => r.state === 'skipped').length,
    coordSystem: coords.stated,
  };
}
