import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { Registry } from '../data/registry';
import type { ValidationResult } from '../data/validate';
import type { ToPinyin } from '../domain/search';
import {
  mapColumns,
  mergeProjects,
  parkMayBeNull,
  planImport,
  toTable,
  validateProjects,
  type Answer,
  type ColumnMapping,
  type ImportPlan,
  type LedgerTable,
  type MergeMode,
  type ProjectField,
  type ProjectsMerge,
} from '../import/projects';
import type { SheetGrid } from '../import/projects/workbook';
import { readLedgerOffMainThread } from '../import/projects/offThread';
import { errorText, type Text } from '../import/text';

/**
 * The state of one project import: the file read (in a worker), the sheet, the user's column
 * mapping, answers and merge mode, and what follows from them — table, plan, merge and the
 * merged registry's validation. Nothing here stores anything; applying is data/projectImports.
 */
export interface ProjectsSession {
  readonly grid: Accessor<SheetGrid | null>;
  readonly error: Accessor<Text | null>;
  readonly setError: (error: Text | null) => void;
  readonly busy: Accessor<boolean>;
  readonly setBusy: (busy: boolean) => void;
  readonly readFile: (file: File, sheet?: string) => Promise<void>;
  readonly table: Accessor<LedgerTable | null>;
  readonly mapping: Accessor<readonly ColumnMapping[]>;
  readonly setField: (header: string, field: ProjectField | null) => void;
  readonly answers: Accessor<ReadonlyMap<string, Answer>>;
  readonly answer: (key: string, answer: Answer | null) => void;
  readonly mode: Accessor<MergeMode>;
  readonly setMode: (mode: MergeMode) => void;
  readonly plan: Accessor<ImportPlan | null>;
  readonly merged: Accessor<ProjectsMerge | null>;
  readonly validation: Accessor<ValidationResult | null>;
  readonly canApply: Accessor<boolean>;
}

/** Options of {@link createProjectsSession}. */
export interface ProjectsSessionOptions {
  readonly registry: Accessor<Registry>;
  readonly toPinyin: Accessor<ToPinyin | undefined>;
  /** Today, YYYY-MM-DD: the records' source date and the file's as_of. */
  readonly today?: string;
}

/** Creates a project import session over the registry in use. */
export function createProjectsSession(options: ProjectsSessionOptions): ProjectsSession {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [grid, setGrid] = createSignal<SheetGrid | null>(null);
  const [error, setError] = createSignal<Text | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [overrides, setOverrides] = createSignal<ReadonlyMap<string, ProjectField | null>>(
    new Map(),
  );
  const [answers, setAnswers] = createSignal<ReadonlyMap<string, Answer>>(new Map());
  const [mode, setMode] = createSignal<MergeMode>('merge');

  const readFile = async (file: File, sheet?: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const headers = [...overrides().keys()];
      const read = await readLedgerOffMainThread(
        { name: file.name, bytes },
        sheet === undefined ? { headers } : { sheet, headers },
      );
      batch(() => {
        setGrid(read);
        if (sheet === undefined) {
          setOverrides(new Map());
          setAnswers(new Map());
        }
      });
    } catch (caught) {
      // A file that cannot be read changes nothing: the previous preview goes too.
      setGrid(null);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const tableResult = createMemo((): { table: LedgerTable | null; error: Text | null } => {
    const current = grid();
    if (!current) return { table: null, error: null };
    try {
      return { table: toTable(current, new Set(overrides().keys())), error: null };
    } catch (caught) {
      return { table: null, error: errorText(caught) };
    }
  });
  const table = (): LedgerTable | null => tableResult().table;
  const mapping = createMemo(() => mapColumns(table()?.headers ?? [], overrides()));

  const plan = createMemo((): ImportPlan | null => {
    const current = table();
    const sheet = grid();
    if (!current || !sheet || !mapping().some((column) => column.field === 'name')) return null;
    return planImport(current, mapping(), options.registry(), {
      fileName: sheet.fileName,
      sheet: sheet.sheet,
      date: today,
      answers: answers(),
      toPinyin: options.toPinyin(),
      parkOptional: parkMayBeNull(),
    });
  });

  const merged = createMemo((): ProjectsMerge | null => {
    const current = plan();
    const sheet = grid();
    if (!current || !sheet) return null;
    return mergeProjects(options.registry(), current, {
      mode: mode(),
      date: today,
      toPinyin: options.toPinyin(),
      fileName: sheet.fileName,
    });
  });

  const validation = createMemo((): ValidationResult | null => {
    const result = merged();
    if (!result || result.added.length + result.updated.length === 0) return null;
    return validateProjects(options.registry(), result.file);
  });

  return {
    grid,
    error: () => error() ?? tableResult().error,
    setError,
    busy,
    setBusy,
    readFile,
    table,
    mapping,
    setField: (header, field) => setOverrides(new Map(overrides()).set(header, field)),
    answers,
    answer: (key, answer) => {
      const next = new Map(answers());
      if (answer) next.set(key, answer);
      else next.delete(key);
      setAnswers(next);
    },
    mode,
    setMode,
    plan,
    merged,
    validation,
    canApply: () => !busy() && (validation()?.findings.length ?? 1) === 0,
  };
}
