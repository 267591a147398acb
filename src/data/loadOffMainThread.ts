import type { LoadedData } from './persist';
import type { RegistryReply, RegistryRequest } from './registry.worker';
import type { ValidationResult } from './validate';

/** The shipped registry, and the stored parks merged into it (null: nothing stored, or not run). */
export interface LoadedRegistries {
  readonly shipped: ValidationResult;
  readonly merged: ValidationResult | null;
}

/**
 * Loads and validates the registry in a Web Worker, so neither the validator's code nor its work
 * weighs on the page. `storedParks` (the parks of an applied import, or null) is validated there
 * too, once the shipped registry is in. Where a worker cannot start, the shipped registry loads
 * on the main thread instead and `merged` is null (the caller validates the import itself).
 */
export function loadRegistryOffMainThread(
  baseUrl: string,
  storedParks: Promise<unknown> = Promise.resolve(null),
): Promise<LoadedRegistries> {
  const onMainThread = (): Promise<LoadedRegistries> =>
    import('./load').then(async ({ loadRegistry }) => ({
      shipped: await loadRegistry(baseUrl),
      merged: null,
    }));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./registry.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onMainThread();
  }
  const post = (request: RegistryRequest): void => worker.postMessage(request);
  return new Promise<LoadedRegistries>((resolve) => {
    const finish = (result: LoadedRegistries): void => {
      worker.terminate();
      resolve(result);
    };
    post({ kind: 'load', baseUrl });
    // Whether the worker was asked to merge: then its second reply ends the exchange.
    const merging = storedParks.then(
      (parks) => {
        if (parks === null || parks === undefined) return false;
        post({ kind: 'merge', parks });
        return true;
      },
      () => false,
    );
    let shipped: ValidationResult | undefined;
    worker.addEventListener('message', (event: MessageEvent<RegistryReply>) => {
      const reply = event.data;
      if (reply.kind === 'merged') {
        if (shipped) finish({ shipped, merged: reply.result });
        return;
      }
      shipped = reply.result;
      void merging.then((asked) => {
        if (!asked) finish({ shipped: reply.result, merged: null });
      });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(onMainThread());
    });
  });
}

/**
 * The data the explorer starts on: the shipped registry and, when the browser holds an applied
 * import, that import merged and validated — both in the registry worker, while the stored state
 * is read from IndexedDB (persistence loads lazily, beside the registry).
 */
export async function loadRegistryWithImport(baseUrl: string): Promise<LoadedData> {
  const persist = import('./persist');
  const stored = persist.then(({ readStoredState }) => readStoredState(baseUrl));
  const { shipped, merged } = await loadRegistryOffMainThread(
    baseUrl,
    stored.then(({ state }) => state.current?.parks ?? null),
  );
  const { key, state } = await stored;
  const { readProjectsLayer, withState } = await persist;
  const projects = await readProjectsLayer(shipped, baseUrl);
  // With a stored project list, the worker's merge (made with the shipped projects) is stale.
  const stale = projects.layer.state.current !== null;
  const loaded = await withState(projects.withProjects, state, key, stale ? null : merged);
  return { ...loaded, projects: projects.layer };
}
