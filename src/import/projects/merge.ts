import type { Project } from '../../data/schema';
import type { Registry } from '../../data/registry';
import { projectsInput, validateRegistry, type ValidationResult } from '../../data/validate';
import type { ToPinyin } from '../../domain/search';
import { normaliseName } from '../match';
import { text, type Text } from '../text';
import type { ProjectRecord } from './check';
import type { ImportPlan } from './plan';

/**
 * Merges the ready rows of a plan into the registry's projects: "merge" adds new projects and
 * updates matching ones (by id, else by name and park), keeping what the ledger does not say
 * (English name, note, earlier sources); "replace" makes the ledger the whole list. Ids of
 * projects the registry already has are kept either way, so links to them still work. The
 * merged registry is then validated with the registry's own rules.
 */

/** How the ledger joins the registry. */
export type MergeMode = 'merge' | 'replace';

/** The merged projects file and what changed. */
export interface ProjectsMerge {
  /** projects.json as plain JSON: `as_of` is the import date. */
  readonly file: { readonly as_of: string; readonly projects: readonly ProjectRecord[] };
  readonly added: readonly string[];
  readonly updated: readonly string[];
  /** Projects of the registry that "replace" drops. */
  readonly removed: readonly string[];
  /** Sheet row → the project id it became. */
  readonly rowIds: ReadonlyMap<number, string>;
  /** Rows refused at merge: a second row for the same project. */
  readonly duplicates: ReadonlyMap<number, Text>;
}

/** Options of {@link mergeProjects}. */
export interface ProjectsMergeOptions {
  readonly mode: MergeMode;
  /** The import date (YYYY-MM-DD): the file's `as_of`. */
  readonly date: string;
  /** Makes ids from names; without it, new ids are short hashes of the name. */
  readonly toPinyin?: ToPinyin;
  readonly fileName: string;
}

/** An id column's value as a slug ("ZJ-2024-001" → "zj-2024-001"), or null. */
export function slugify(value: string): string | null {
  const slug = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? null : slug.slice(0, 60).replace(/-+$/, '');
}

/** A short stable hash (FNV-1a, base 36) of a text. */
function hash(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A new project's id: the name's pinyin (first eight syllables), else a hash of the name. */
export function newProjectId(name: string, toPinyin?: ToPinyin): string {
  const fromPinyin = toPinyin
    ? slugify(toPinyin(name).full.split(' ').slice(0, 8).join('-'))
    : null;
  return fromPinyin ?? `project-${hash(name)}`;
}

function matchKey(name: unknown, park: unknown): string {
  const zh = typeof name === 'object' && name !== null ? (name as { zh?: unknown }).zh : '';
  return `${normaliseName(typeof zh === 'string' ? zh : '')}|${typeof park === 'string' ? park : ''}`;
}

/** A frozen registry record as plain, editable JSON. */
function plain(project: Project): Record<string, unknown> {
  return JSON.parse(JSON.stringify(project)) as Record<string, unknown>;
}

/** The existing record updated with what the ledger says; silence keeps the old value. */
function update(
  existing: Record<string, unknown>,
  row: ProjectRecord,
  fileName: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(row)) {
    if (key === 'name' || key === 'sources') continue;
    if (
      value === null &&
      (key === 'year' ||
        key === 'investment_cny_100m' ||
        key === 'segment' ||
        key === 'segment_basis')
    )
      continue;
    merged[key] = value;
  }
  merged['name'] = { ...(existing['name'] as object), zh: (row['name'] as { zh: string }).zh };
  const earlier = Array.isArray(existing['sources'])
    ? (existing['sources'] as { title?: unknown }[])
    : [];
  const prefix = `导入自 ${fileName} ·`;
  merged['sources'] = [
    ...(row['sources'] as unknown[]),
    ...earlier.filter(
      (source) => !(typeof source.title === 'string' && source.title.startsWith(prefix)),
    ),
  ];
  return merged;
}

/** Merges the plan's ready rows into the registry's projects. */
export function mergeProjects(
  registry: Registry,
  plan: ImportPlan,
  options: ProjectsMergeOptions,
): ProjectsMerge {
  const existing = registry.projects.map(plain);
  const byId = new Map(existing.map((p) => [p['id'] as string, p]));
  const byKey = new Map(existing.map((p) => [matchKey(p['name'], p['park']), p]));
  const usedIds = new Set(byId.keys());
  const touched = new Map<string, Record<string, unknown>>();
  const added: string[] = [];
  const updated: string[] = [];
  const rowIds = new Map<number, string>();
  const duplicates = new Map<number, Text>();
  const rowOf = new Map<string, number>();
  const fresh: Record<string, unknown>[] = [];
  for (const row of plan.rows) {
    if (row.state !== 'ready' || !row.record) continue;
    const given = row.givenId ? slugify(row.givenId) : null;
    const match =
      (given ? byId.get(given) : undefined) ??
      byKey.get(matchKey(row.record['name'], row.record['park']));
    const id = (match?.['id'] as string | undefined) ?? given ?? null;
    const seenRow = id
      ? rowOf.get(id)
      : rowOf.get(matchKey(row.record['name'], row.record['park']));
    if (seenRow !== undefined) {
      duplicates.set(
        row.row,
        text(
          `与第 ${seenRow} 行是同一项目，未重复导入`,
          `the same project as row ${seenRow}; not imported twice`,
        ),
      );
      continue;
    }
    if (match) {
      const next = update(touched.get(id ?? '') ?? match, row.record, options.fileName);
      touched.set(match['id'] as string, next);
      updated.push(match['id'] as string);
      rowIds.set(row.row, match['id'] as string);
      rowOf.set(match['id'] as string, row.row);
      continue;
    }
    let newId =
      given ??
      newProjectId(
        row.record['name'] ? (row.record['name'] as { zh: string }).zh : '',
        options.toPinyin,
      );
    const base = newId;
    for (let n = 2; usedIds.has(newId); n++) newId = `${base}-${n}`;
    usedIds.add(newId);
    const record = { id: newId, ...row.record };
    fresh.push(record);
    added.push(newId);
    rowIds.set(row.row, newId);
    rowOf.set(newId, row.row);
    rowOf.set(matchKey(row.record['name'], row.record['park']), row.row);
  }
  const kept =
    options.mode === 'merge'
      ? existing.map((p) => touched.get(p['id'] as string) ?? p)
      : existing
          .filter((p) => touched.has(p['id'] as string))
          .map((p) => touched.get(p['id'] as string) ?? p);
  const removed =
    options.mode === 'replace'
      ? existing.map((p) => p['id'] as string).filter((id) => !touched.has(id))
      : [];
  return {
    file: { as_of: options.date, projects: [...kept, ...fresh] },
    added,
    updated,
    removed,
    rowIds,
    duplicates,
  };
}

/** Validates the merged projects with the registry's chains and parks, by the same rules as geo/. */
export function validateProjects(registry: Registry, projects: unknown): ValidationResult {
  return validateRegistry(projectsInput(registry, projects));
}

/** projects.json as geo/ holds it: two-space JSON, a newline at the end; ready to commit. */
export function formatProjectsFile(file: ProjectsMerge['file']): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
