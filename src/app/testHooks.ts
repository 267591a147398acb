import type { MapProbe } from '../map/controller';

/** The window as end-to-end tests and the benchmark see it. */
interface ProbeWindow {
  __zpeMap?: MapProbe;
}

/**
 * Puts the map probe on `window.__zpeMap`, where tests/e2e and bench/ read what the map drew and
 * where its camera is. The one place the app writes anything to `window` for tests; the probe only
 * reads, so a visitor gains nothing from it but a view of the map's state.
 */
export function exposeMapProbe(probe: MapProbe): void {
  (window as ProbeWindow).__zpeMap = probe;
}
