import {
  EMPTY_STATE,
  resetToShipped,
  saveImport,
  storageKey,
  undo,
  type LoadedData,
  type ProjectsLayer,
  type StoredProjects,
  type StoredState,
} from './persist';
import { projectsInput, registryInput, validateRegistry, type ValidationResult } from './validate';

/**
 * Applies, undoes and resets the project list's stored state — an imported ledger or edits made
 * in the app — beside the boundary import, which keeps its own (data/imports.ts). The registry in
 * use is the shipped one with the stored projects and, when a boundary import is in use, its
 * parks; each step hands back the data the explorer rebuilds on.
 */

/** What a projects change stores (less the time, which applying sets). */
export type ProjectsToApply = Omit<StoredProjects, 'appliedAt'>;

/** The data's projects layer; a page that read none (tests) starts from the shipped data. */
function layerOf(data: LoadedData): ProjectsLayer {
  return (
    data.projects ?? {
      key: storageKey(data.key.replace(/^import:/, ''), 'projects'),
      state: EMPTY_STATE,
      base: data.shipped,
    }
  );
}

/** The data with `state` as the projects' stored state: shipped and active registries rebuilt. */
function rebuild(
  data: LoadedData,
  layer: ProjectsLayer,
  state: StoredState<StoredProjects>,
  active?: ValidationResult,
): LoadedData {
  const stored = state.current?.projects;
  const boundaries = data.state.current?.parks;
  // Without a boundary import the registry in use is the shipped one with these projects, so the
  // validation the form or dialog already ran is that one: a save validates the registry once.
  const shipped = !stored
    ? layer.base
    : active && !boundaries
      ? active
      : validateRegistry(projectsInput(layer.base.registry, stored));
  const next =
    active ??
    (boundaries ? validateRegistry(registryInput(shipped.registry, boundaries)) : shipped);
  return {
    shipped: data.state.current ? shipped : next,
    active: next,
    state: data.state,
    key: data.key,
    projects: { ...layer, state },
  };
}

/**
 * Makes a project list the one in use. `validated` is the validation the dialog or form already
 * ran of exactly these projects with the registry in use; it becomes the active registry as it
 * is. Refuses a list with findings: the dialog never offers one.
 */
export async function applyProjects(
  data: LoadedData,
  change: ProjectsToApply,
  validated: ValidationResult,
  now: Date = new Date(),
): Promise<LoadedData> {
  if (validated.findings.length > 0) {
    throw new Error(
      `the projects have ${validated.findings.length} findings and cannot be applied`,
    );
  }
  const layer = layerOf(data);
  const state = await saveImport<StoredProjects>(layer.key, {
    ...change,
    appliedAt: now.toISOString(),
  });
  return rebuild(data, layer, state, validated);
}

/** Undoes the last change of the project list (an import, an edit or a reset): one step. */
export async function undoProjects(data: LoadedData): Promise<LoadedData> {
  const layer = layerOf(data);
  return rebuild(data, layer, await undo<StoredProjects>(layer.key));
}

/** Goes back to the shipped projects; the list in use stays one undo away. */
export async function resetProjects(data: LoadedData): Promise<LoadedData> {
  const layer = layerOf(data);
  return rebuild(data, layer, await resetToShipped<StoredProjects>(layer.key));
}
