import { loadRegistry } from './load';

/**
 * Loads and validates the registry off the main thread: the schema and the geometry rules
 * (overlaps, containment, areas) are the heaviest code and work of the start-up, and the page
 * stays responsive while they run.
 */
self.addEventListener('message', (event: MessageEvent<{ baseUrl: string }>) => {
  // Not frozen: posting the registry clones it, and a clone is never frozen anyway.
  void loadRegistry(event.data.baseUrl, fetch, { freeze: false }).then((result) =>
    self.postMessage(result),
  );
});
