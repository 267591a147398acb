import type { ValidationResult } from './validate';

/**
 * Loads and validates the registry in a Web Worker, so neither the validator's code nor its work
 * weighs on the page. Where a worker cannot start, it loads on the main thread instead.
 */
export function loadRegistryOffMainThread(baseUrl: string): Promise<ValidationResult> {
  const onMainThread = (): Promise<ValidationResult> =>
    import('./load').then(({ loadRegistry }) => loadRegistry(baseUrl));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./registry.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onMainThread();
  }
  return new Promise<ValidationResult>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<ValidationResult>) => {
      resolve(event.data);
      worker.terminate();
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(onMainThread());
    });
    worker.postMessage({ baseUrl });
  });
}
