import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the benchmark's own pages with the same maplibre-gl and style module as the app:
 * index.html, the bare MapLibre baseline, and validate.html, which times the registry validator.
 * `bench/run.ts` sets the output folder (beside the built app, so that all share one origin and
 * the same geo/ files).
 */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    sourcemap: true,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        bare: resolve(import.meta.dirname, 'index.html'),
        validate: resolve(import.meta.dirname, 'validate.html'),
      },
    },
  },
});
