import { Map as MapLibreMap, type MapOptions } from 'maplibre-gl';

/**
 * The benchmark's one hook into the built app. The bench build resolves the app's
 * `import … from 'maplibre-gl'` to this module, which re-exports MapLibre unchanged except that
 * every map registers itself on `window.__zpeBenchMaps` with the times it was created and had
 * loaded its style. The benchmark then waits for the map's own `idle` event after a filter
 * change, exactly as it does on the bare MapLibre page. The production build never sees this file.
 */

export * from 'maplibre-gl';

/** What the probe records about one map. */
export interface ProbedMap {
  readonly map: MapLibreMap;
  /** `performance.now()` when the map was constructed. */
  readonly createdAt: number;
  /** `performance.now()` of the map's `load` event (style and sources ready), once it fired. */
  loadedAt: number | null;
}

/** The registry on `window`. */
export interface ProbeWindow {
  __zpeBenchMaps?: ProbedMap[];
}

/** MapLibre's Map, registering itself for the benchmark. */
export class Map extends MapLibreMap {
  constructor(options: MapOptions) {
    super(options);
    const record: ProbedMap = { map: this, createdAt: performance.now(), loadedAt: null };
    this.once('load', () => {
      record.loadedAt = performance.now();
    });
    const probe = globalThis as unknown as ProbeWindow;
    (probe.__zpeBenchMaps ??= []).push(record);
  }
}
