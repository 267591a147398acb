import { loadRegistry } from './load';
import { registryInput, validateRegistry, type ValidationResult } from './validate';

/** What the page asks of the registry worker: load the shipped registry, then maybe merge parks. */
export type RegistryRequest =
  | { readonly kind: 'load'; readonly baseUrl: string }
  | { readonly kind: 'merge'; readonly parks: unknown };

/** What the worker answers: the shipped registry, and the stored import merged into it. */
export type RegistryReply =
  | { readonly kind: 'shipped'; readonly result: ValidationResult }
  | { readonly kind: 'merged'; readonly result: ValidationResult };

/**
 * Loads and validates the registry off the main thread: the schema and the geometry rules
 * (overlaps, containment, areas) are the heaviest code and work of the start-up, and the page
 * stays responsive while they run. A stored import (the parks of an applied boundary import) is
 * validated here too, against the shipped chains and projects, so that a page with an import does
 * not block on a second validation.
 */
let shipped: Promise<ValidationResult> | undefined;
self.addEventListener('message', (event: MessageEvent<RegistryRequest>) => {
  const request = event.data;
  const reply = (message: RegistryReply): void => self.postMessage(message);
  // Not frozen: posting the registry clones it, and a clone is never frozen anyway.
  if (request.kind === 'load') {
    shipped = loadRegistry(request.baseUrl, fetch, { freeze: false });
    void shipped.then((result) => reply({ kind: 'shipped', result }));
  } else {
    void shipped?.then((loaded) =>
      reply({
        kind: 'merged',
        result: validateRegistry(registryInput(loaded.registry, request.parks), { freeze: false }),
      }),
    );
  }
});
