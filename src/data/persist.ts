import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { ValidationResult } from './validate';

/**
 * The imported registry, kept in the browser (IndexedDB) across reloads: the parks file an import
 * produced, the one before it for a one-step undo, and what the app loads at start. Only the
 * parks are stored: chains and projects always come from the shipped files, so a data update
 * there still reaches a browser that holds an import. Loaded lazily, so the first screen does not
 * wait for it.
 */

/** One applied import: the whole parks FeatureCollection it produced. */
export interface StoredImport {
  /** The parks.geojson content, as plain JSON. */
  readonly parks: unknown;
  /** The file the boundaries came from. */
  readonly fileName: string;
  /** When it was applied (ISO 8601). */
  readonly appliedAt: string;
  /** Parks whose geometry it replaced, and parks it added. */
  readonly changed: readonly string[];
  readonly added: readonly string[];
}

/**
 * One applied change of the project list: the whole projects.json it produced, from an imported
 * ledger or from edits in the app.
 */
export interface StoredProjects {
  /** The projects.json content, as plain JSON. */
  readonly projects: unknown;
  /** The ledger the projects came from, or null for an edit in the app. */
  readonly fileName: string | null;
  /** When it was applied (ISO 8601). */
  readonly appliedAt: string;
  /** Projects added, updated and removed by it. */
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
}

/** What the browser holds for one data folder and one kind of import. */
export interface StoredState<T = StoredImport> {
  /** The import in use, or null for the shipped data. */
  readonly current: T | null;
  /** What was in use before the last change (null: the shipped data). */
  readonly previous: T | null;
  /** Whether the last change can be undone. */
  readonly canUndo: boolean;
}

/** Nothing stored: the shipped data, nothing to undo. */
export const EMPTY_STATE: StoredState<never> = { current: null, previous: null, canUndo: false };

let defaultStore: UseStore | undefined;

/** The IndexedDB store of imports, opened on first use. */
function store(custom?: UseStore): UseStore {
  if (custom) return custom;
  defaultStore ??= createStore('zhenjiang-park-explorer', 'imports');
  return defaultStore;
}

/**
 * What an import replaces in the registry. Each kind keeps its own stored state (its own undo);
 * a second importer adds its kind here.
 */
export type ImportKind = 'boundaries' | 'projects';

/**
 * The key of a data folder's state for one kind of import: an import belongs to the registry it
 * was merged into. Boundary imports keep the key they had before there were kinds, so that an
 * import a browser already holds stays in use.
 */
export function storageKey(dataBaseUrl: string, kind: ImportKind = 'boundaries'): string {
  return kind === 'boundaries' ? `import:${dataBaseUrl}` : `import:${kind}:${dataBaseUrl}`;
}

function isState<T>(value: unknown): value is StoredState<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'current' in value &&
    'previous' in value &&
    'canUndo' in value
  );
}

/** The stored state, or the empty one when nothing (readable) is stored. */
export async function loadState<T = StoredImport>(
  key: string,
  custom?: UseStore,
): Promise<StoredState<T>> {
  const value = await get<unknown>(key, store(custom));
  return isState<T>(value) ? value : EMPTY_STATE;
}

async function change<T>(
  key: string,
  next: (state: StoredState<T>) => StoredState<T>,
  custom?: UseStore,
): Promise<StoredState<T>> {
  const updated = next(await loadState<T>(key, custom));
  await set(key, updated, store(custom));
  return updated;
}

/** Makes `imported` the registry in use; the one before it can be restored by {@link undo}. */
export function saveImport<T = StoredImport>(
  key: string,
  imported: T,
  custom?: UseStore,
): Promise<StoredState<T>> {
  return change(
    key,
    (state) => ({ current: imported, previous: state.current, canUndo: true }),
    custom,
  );
}

/** Goes back to the shipped data; {@link undo} brings the import back. */
export function resetToShipped<T = StoredImport>(
  key: string,
  custom?: UseStore,
): Promise<StoredState<T>> {
  return change<T>(
    key,
    (state) => ({ current: null, previous: state.current, canUndo: true }),
    custom,
  );
}

/** Undoes the last apply or reset: one step only. */
export function undo<T = StoredImport>(key: string, custom?: UseStore): Promise<StoredState<T>> {
  return change<T>(
    key,
    (state) =>
      state.canUndo ? { current: state.previous, previous: null, canUndo: false } : state,
    custom,
  );
}

/** The shipped registry, the one in use, and what the browser holds. */
export interface LoadedData {
  readonly shipped: ValidationResult;
  /** The registry the explorer shows: the shipped one, or the stored import validated again. */
  readonly active: ValidationResult;
  readonly state: StoredState;
  /** The storage key of this data folder. */
  readonly key: string;
  /**
   * The validated registry of `state.previous`, when this page has already validated it (it was
   * the active one before the last apply or reset), so that undo need not validate it again.
   */
  readonly previousActive?: ValidationResult;
  /** The project list's own stored state (an imported ledger, edits), when this page read it. */
  readonly projects?: ProjectsLayer;
}

/**
 * The project list's layer: its stored state and the registry as shipped, before any stored
 * projects replaced its projects. `LoadedData.shipped` is then that registry with the stored
 * projects, so "reset to shipped boundaries" keeps the project list and the other way round.
 */
export interface ProjectsLayer {
  readonly key: string;
  readonly state: StoredState<StoredProjects>;
  readonly base: ValidationResult;
}

/**
 * Puts the stored import (if any) in place of the shipped parks and validates the result again
 * with the same rules, so a change in the shipped chains or projects that breaks the import shows
 * up as findings in the "data problems" panel rather than passing silently. `merged` is that
 * validation when it already ran (in the registry worker, beside the shipped one); only without
 * it is the validator loaded and run here. Without an import, start-up stays as light as before.
 */
export async function withState(
  shipped: ValidationResult,
  state: StoredState,
  key: string,
  merged?: ValidationResult | null,
): Promise<LoadedData> {
  if (!state.current) return { shipped, active: shipped, state, key };
  if (merged) return { shipped, active: merged, state, key };
  const { registryInput, validateRegistry } = await import('./validate');
  const active = validateRegistry(registryInput(shipped.registry, state.current.parks));
  return { shipped, active, state, key };
}

/**
 * What the browser holds for a data folder, and its key. A browser without IndexedDB (or one that
 * refuses it) holds nothing: it simply gets the shipped data.
 */
export async function readStoredState(
  dataBaseUrl: string,
  custom?: UseStore,
): Promise<{ readonly key: string; readonly state: StoredState }> {
  const key = storageKey(dataBaseUrl);
  try {
    return { key, state: await loadState(key, custom) };
  } catch (error) {
    console.warn('stored import not readable, using the shipped data:', error);
    return { key, state: EMPTY_STATE };
  }
}

/** Reads the stored import of a data folder and applies it to the shipped registry. */
export async function loadWithImport(
  shipped: ValidationResult,
  dataBaseUrl: string,
  custom?: UseStore,
): Promise<LoadedData> {
  const [{ key, state }, projects] = await Promise.all([
    readStoredState(dataBaseUrl, custom),
    readProjectsLayer(shipped, dataBaseUrl, custom),
  ]);
  return { ...(await withState(projects.withProjects, state, key)), projects: projects.layer };
}

/**
 * The project list's stored state for a data folder, and the shipped registry with the stored
 * projects in place of its own (validated here, lazily: only when a project list is stored).
 * Nothing readable stored: the shipped registry as it is.
 */
export async function readProjectsLayer(
  shipped: ValidationResult,
  dataBaseUrl: string,
  custom?: UseStore,
): Promise<{ readonly layer: ProjectsLayer; readonly withProjects: ValidationResult }> {
  const key = storageKey(dataBaseUrl, 'projects');
  let state: StoredState<StoredProjects> = EMPTY_STATE;
  try {
    state = await loadState<StoredProjects>(key, custom);
  } catch (error) {
    console.warn('stored project list not readable, using the shipped projects:', error);
  }
  const layer: ProjectsLayer = { key, state, base: shipped };
  if (!state.current) return { layer, withProjects: shipped };
  const { projectsInput, validateRegistry } = await import('./validate');
  return {
    layer,
    withProjects: validateRegistry(projectsInput(shipped.registry, state.current.projects)),
  };
}
