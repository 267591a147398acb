import {
  resetToShipped,
  saveImport,
  undo,
  withState,
  type LoadedData,
  type StoredImport,
} from './persist';
import type { ValidationResult } from './validate';

/** What an import produced, as the browser stores it (less the time, which applying sets). */
export type ImportToApply = Omit<StoredImport, 'appliedAt'>;

/**
 * Makes an import the registry in use: stores it (IndexedDB) and hands back the data the
 * explorer rebuilds on. `validated` is the validation the import dialog already ran on exactly
 * these parks; it becomes the active registry as it is, so applying validates nothing again.
 * Refuses an import with findings: the dialog never offers one, and storing it would break the
 * next start.
 */
export async function applyImport(
  data: LoadedData,
  imported: ImportToApply,
  validated: ValidationResult,
  now: Date = new Date(),
): Promise<LoadedData> {
  if (validated.findings.length > 0) {
    throw new Error(`the import has ${validated.findings.length} findings and cannot be applied`);
  }
  const state = await saveImport(data.key, { ...imported, appliedAt: now.toISOString() });
  return {
    shipped: data.shipped,
    active: validated,
    state,
    key: data.key,
    previousActive: data.active,
    projects: data.projects,
  };
}

/** Goes back to the shipped data; the import in use stays one undo away. */
export async function resetImport(data: LoadedData): Promise<LoadedData> {
  const state = await resetToShipped(data.key);
  return {
    shipped: data.shipped,
    active: data.shipped,
    state,
    key: data.key,
    previousActive: data.active,
    projects: data.projects,
  };
}

/** Whether two stored imports are the same one (the store hands back copies, not the objects). */
function sameImport(a: StoredImport | null, b: StoredImport | null): boolean {
  return !!a && !!b && a.appliedAt === b.appliedAt && a.fileName === b.fileName;
}

/**
 * Undoes the last apply or reset. What comes back was the active registry before it, so its
 * validation from then is used again; only a page that never saw it (it was stored before this
 * page loaded, then undone) validates it.
 */
export async function undoImport(data: LoadedData): Promise<LoadedData> {
  const state = await undo(data.key);
  const projects = data.projects;
  if (!state.current) {
    return { shipped: data.shipped, active: data.shipped, state, key: data.key, projects };
  }
  if (data.previousActive && sameImport(state.current, data.state.previous)) {
    return { shipped: data.shipped, active: data.previousActive, state, key: data.key, projects };
  }
  return { ...(await withState(data.shipped, state, data.key)), projects };
}
