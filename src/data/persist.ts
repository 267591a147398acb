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

/** What the browser holds for one data folder. */
export interface StoredState {
  /** The import in use, or null for the shipped data. */
  readonly current: StoredImport | null;
  /** What was in use before the last change (null: the shipped data). */
  readonly previous: StoredImport | null;
  /** Whether the last change can be undone. */
  readonly canUndo: boolean;
}

/** Nothing stored: the shipped data, nothing to undo. */
export const EMPTY_STATE: StoredState = { current: null, previous: null, canUndo: false };

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
export type ImportKind = 'boundaries';

/**
 * The key of a data folder's state for one kind of import: an import belongs to the registry it
 * was merged into. Boundary imports keep the key they had before there were kinds, so that an
 * import a browser already holds stays in use.
 */
export function storageKey(dataBaseUrl: string, kind: ImportKind = 'boundaries'): string {
  return kind === 'boundaries' ? `import:${dataBaseUrl}` : `import:${kind}:${dataBaseUrl}`;
}

function isState(value: unknown): value is StoredState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'current' in value &&
    'previous' in value &&
    'canUndo' in value
  );
}

/** The stored state, or the empty one when nothing (readable) is stored. */
export async function loadState(key: string, custom?: UseStore): Promise<StoredState> {
  const value = await get<unknown>(key, store(custom));
  return isState(value) ? value : EMPTY_STATE;
}

async function change(
  key: string,
  next: (state: StoredState) => StoredState,
  custom?: UseStore,
): Promise<StoredState> {
  const updated = next(await loadState(key, custom));
  await set(key, updated, store(custom));
  return updated;
}

/** Makes `imported` the registry in use; the one before it can be restored by {@link undo}. */
export function saveImport(
  key: string,
  imported: StoredImport,
  custom?: UseStore,
): Promise<StoredState> {
  return change(
    key,
    (state) => ({ current: imported, previous: state.current, canUndo: true }),
    custom,
  );
}

/** Goes back to the shipped data; {@link undo} brings the import back. */
export function resetToShipped(key: string, custom?: UseStore): Promise<StoredState> {
  return change(
    key,
    (state) => ({ current: null, previous: state.current, canUndo: true }),
    custom,
  );
}

/** Undoes the last apply or reset: one step only. */
export function undo(key: string, custom?: UseStore): Promise<StoredState> {
  return change(
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
  const { key, state } = await readStoredState(dataBaseUrl, custom);
  return withState(shipped, state, key);
}
