import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import solid from 'vite-plugin-solid';

const GEO_DIR = resolve(import.meta.dirname, 'geo');
const GEO_EXTENSIONS = new Set(['.json', '.geojson']);

/** Every data file under geo/, as paths relative to geo/ ("parks.geojson", "basemap/water.geojson"). */
function geoFiles(dir = GEO_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return geoFiles(path);
    return GEO_EXTENSIONS.has(extname(name)) ? [relative(GEO_DIR, path)] : [];
  });
}

/**
 * Serves geo/ at /geo/ in dev and copies it into the build, so the data stays plain static files
 * that a deployment can replace without rebuilding the JavaScript.
 */
function geoData(): Plugin {
  return {
    name: 'zpe-geo-data',
    configureServer(server) {
      server.middlewares.use('/geo/', (request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(
          /^\/+/,
          '',
        );
        if (!geoFiles().includes(name)) return next();
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(readFileSync(join(GEO_DIR, name)));
      });
    },
    generateBundle() {
      for (const name of geoFiles()) {
        this.emitFile({
          type: 'asset',
          fileName: `geo/${name.split('\\').join('/')}`,
          source: readFileSync(join(GEO_DIR, name)),
        });
      }
    },
  };
}

export default defineConfig({
  plugins: [solid(), geoData()],
  base: './',
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~800 kB minified and is loaded lazily in its own chunk.
    chunkSizeWarningLimit: 1100,
    sourcemap: true,
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has 2 cores and WebGL is software-rendered.
          fileParallelism: false,
        },
      },
    ],
  },
});
