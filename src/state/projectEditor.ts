import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { ProjectsToApply } from '../data/projectImports';
import { formatFinding } from '../data/findings';
import type { Bilingual, Project } from '../data/schema';
import type { Registry } from '../data/registry';
import type { ValidationResult } from '../data/validate';
import {
  editProjects,
  formFromProject,
  readForm,
  uniqueId,
  type FormField,
  type ProjectEdit,
  type ProjectFormValues,
} from '../domain/projectForm';
import type { ToPinyin } from '../domain/search';
import {
  checkContext,
  checkProject,
  newProjectId,
  validateProjects,
  type RecordProblem,
} from '../import/projects';
import { createCachedCheck, type CachedCheck } from './createCachedCheck';

/**
 * The state of one project form: the values as typed, the record they stand for checked as the
 * user types — debounced and cached per distinct form (createCachedCheck), one record against the
 * registry's lookups, never the whole registry — and, on save or delete, the one whole-registry
 * validation that data/projectImports.applyProjects asks for.
 */

/** The record check of one form state: each field's problems, and the rest. */
export interface FormCheck {
  readonly record: Record<string, unknown>;
  readonly byField: ReadonlyMap<FormField, readonly Bilingual[]>;
  /** Problems that name no field of the form. */
  readonly other: readonly Bilingual[];
  /** The record's fields that differ from the project edited (empty: nothing to save). */
  readonly changed: readonly string[];
}

/** A change ready for applyProjects: the stored list and its validation. */
export interface PreparedChange {
  readonly change: ProjectsToApply;
  readonly validated: ValidationResult;
}

/** What the form's view reads and calls. */
export interface ProjectEditor {
  /** The project being edited, or null for a new one. */
  readonly base: Project | null;
  readonly values: Accessor<ProjectFormValues>;
  set<K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]): void;
  readonly check: CachedCheck<FormCheck>;
  /** The field's problems in the last finished check. */
  problemsOf(field: FormField): readonly Bilingual[];
  /** The whole-registry findings of the last save that failed, to show beside the form. */
  readonly findings: Accessor<readonly Bilingual[]>;
  /** Checks now and, if the record is clean, validates the list with it: null when it is not. */
  prepareSave(): Promise<PreparedChange | null>;
  /** The list without the project edited, validated. */
  prepareDelete(): PreparedChange | null;
}

/** Options of {@link createProjectEditor}. */
export interface ProjectEditorOptions {
  readonly registry: Registry;
  /** The project to edit, or null to add one. */
  readonly project: Project | null;
  /** A new project's park, when the form opened from a park. */
  readonly park?: string | null;
  readonly toPinyin?: Accessor<ToPinyin | undefined>;
  /** Today, YYYY-MM-DD. */
  readonly today?: string;
  /** How long typing must pause before the record is checked (ms). */
  readonly delay?: number;
}

/** The form field a record check's problem concerns, by its key path; null for the whole form. */
export function fieldOfProblem(problem: RecordProblem): FormField | null {
  const [key, , sourceKey] = problem.path;
  switch (key) {
    case 'name':
      return problem.path[1] === 'en' ? 'nameEn' : 'nameZh';
    case 'park':
    case 'park_basis':
      return 'park';
    case 'chain':
    case 'chain_basis':
      return 'chain';
    case 'segment':
    case 'segment_basis':
      return 'segment';
    case 'status':
      return 'status';
    case 'year':
      return 'year';
    case 'investment_cny_100m':
      return 'investment';
    case 'location':
      return 'location';
    case 'sources':
      return sourceKey === 'url'
        ? 'sourceUrl'
        : sourceKey === 'date'
          ? 'sourceDate'
          : 'sourceTitle';
    default:
      return null;
  }
}

/** Creates the state of a project form over the registry in use. */
export function createProjectEditor(options: ProjectEditorOptions): ProjectEditor {
  const { registry } = options;
  const base = options.project;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // The lookups are built once per form; each check is then one record's worth of work.
  const context = checkContext(registry);
  const taken = new Set(registry.projects.map((project) => project.id));
  const [values, setValues] = createSignal<ProjectFormValues>(
    formFromProject(base, { park: options.park ?? null }),
  );
  const [findings, setFindings] = createSignal<readonly Bilingual[]>([]);

  const idFor = (form: ProjectFormValues): string =>
    uniqueId(newProjectId(form.nameZh.trim() || 'project', options.toPinyin?.()), taken);

  const checkForm = (form: ProjectFormValues): FormCheck => {
    const read = readForm(form, { base, id: idFor(form), today });
    const byField = new Map<FormField, Bilingual[]>();
    const other: Bilingual[] = [];
    const add = (field: FormField | null, message: Bilingual): void => {
      if (field === null) other.push(message);
      else byField.set(field, [...(byField.get(field) ?? []), message]);
    };
    for (const problem of read.problems) add(problem.field, problem.message);
    const unread = new Set(read.problems.map((problem) => problem.field));
    for (const problem of checkProject(read.record, context)) {
      const field = fieldOfProblem(problem);
      // A field the form could not read has said so already; its empty value's schema issue
      // would only repeat it.
      if (field === null || !unread.has(field)) add(field, problem);
    }
    return { record: read.record, byField, other, changed: read.changed };
  };

  const input = createMemo(() => {
    const form = values();
    return { key: JSON.stringify(form), value: form };
  });
  const check = createCachedCheck(input, checkForm, { delay: options.delay ?? 250 });

  const prepare = (edit: ProjectEdit): PreparedChange | null => {
    const edited = editProjects(registry.projects, edit);
    const file = { as_of: today, projects: edited.projects };
    const validated = validateProjects(registry, file);
    // The validator speaks English only, in both UIs, as the data-problems panel does.
    setFindings(
      validated.findings.map((finding) => {
        const line = formatFinding(finding);
        return { zh: line, en: line };
      }),
    );
    if (validated.findings.length > 0) return null;
    return {
      change: {
        projects: file,
        fileName: null,
        added: edited.added,
        updated: edited.updated,
        removed: edited.removed,
      },
      validated,
    };
  };

  return {
    base,
    values,
    set: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    check,
    problemsOf: (field) => check.result()?.byField.get(field) ?? [],
    findings,
    prepareSave: async () => {
      const result = await check.now();
      if (!result || result.byField.size > 0 || result.other.length > 0) return null;
      if (base && result.changed.length === 0) return null;
      return prepare({ kind: base ? 'update' : 'add', record: result.record });
    },
    prepareDelete: () => (base ? prepare({ kind: 'delete', id: base.id }) : null),
  };
}
