import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

const PROBE = resolve(import.meta.dirname, 'probe/maplibre.ts');

/**
 * Resolves the app's `maplibre-gl` imports to bench/probe/maplibre.ts, which registers each map
 * so that the benchmark can wait for its `idle` event. The probe's own import of maplibre-gl is
 * left alone.
 */
function mapProbe(): Plugin {
  return {
    name: 'zpe-bench-map-probe',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'maplibre-gl' || !importer || resolve(importer) === PROBE) return null;
      return PROBE;
    },
  };
}

/**
 * Builds the app with the project's own vite.config.ts into `outDir`, with a Vite manifest for
 * the bundle report; `probe` adds the map probe (for the measured build, not the reported one).
 */
export async function buildApp(outDir: string, probe: boolean): Promise<void> {
  await build({
    configFile: resolve(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    plugins: probe ? [mapProbe()] : [],
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/** Builds the bare MapLibre page and the validation page into `outDir`. */
export async function buildBenchPages(outDir: string): Promise<void> {
  await build({
    configFile: resolve(import.meta.dirname, 'bare/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}
