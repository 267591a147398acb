import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesBySource, moduleGroup, readSourceMap } from './sourcemap';

/**
 * The bundle report: raw and gzip bytes of what a visitor downloads, split the way the issue
 * asks (initial JavaScript, the map chunk, MapLibre's worker, CSS, data), and which modules weigh
 * what inside the JavaScript, read from the build's source maps. Gzip is zlib's default level
 * (6), what most static servers use on the fly.
 */

/** Raw and gzip bytes of a set of files. */
export interface Weight {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** One module group's share of a chunk: its minified bytes and its estimated gzip bytes. */
export interface ModuleWeight {
  readonly module: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The whole report. */
export interface BundleReport {
  /** Entry script and everything it imports statically: what runs before anything is shown. */
  readonly initialJs: Weight;
  /** The lazily loaded chunk holding MapLibre and src/map. */
  readonly mapChunk: Weight;
  /** MapLibre's Web Worker. */
  readonly worker: Weight;
  /** Other lazily loaded JavaScript (other workers, on-demand features). */
  readonly otherJs: Weight;
  readonly css: Weight;
  /** The registry files (chains, parks, projects). */
  readonly registryData: Weight;
  /** The embedded basemap (geo/basemap/). */
  readonly basemapData: Weight;
  /** Initial JavaScript that is not maplibre-gl (the "our own code" budget). */
  readonly ownInitialGzipBytes: number;
  /** Module groups of the initial JavaScript and of the map chunk, heaviest first. */
  readonly modules: {
    readonly initial: readonly ModuleWeight[];
    readonly mapChunk: readonly ModuleWeight[];
    readonly otherJs: readonly ModuleWeight[];
  };
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly src?: string;
}

function weigh(dir: string, files: readonly string[]): Weight {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files: [...files], bytes, gzipBytes };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Module groups of some chunks, with gzip bytes estimated from each chunk's compression ratio. */
function modulesOf(dir: string, files: readonly string[]): ModuleWeight[] {
  const totals = new Map<string, { bytes: number; gzipBytes: number }>();
  for (const file of files) {
    const mapPath = join(dir, `${file}.map`);
    if (!existsSync(mapPath)) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    const ratio = gzipSync(code).length / Math.max(1, Buffer.byteLength(code));
    for (const [source, bytes] of bytesBySource(readSourceMap(mapPath), code)) {
      const group = moduleGroup(source);
      const total = totals.get(group) ?? { bytes: 0, gzipBytes: 0 };
      total.bytes += bytes;
      total.gzipBytes += bytes * ratio;
      totals.set(group, total);
    }
  }
  return [...totals]
    .map(([module, { bytes, gzipBytes }]) => ({ module, bytes, gzipBytes: Math.round(gzipBytes) }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Builds the report for a build made with `build.manifest: true`. */
export function bundleReport(dir: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entries = Object.entries(manifest);
  const entry = entries.find(([, chunk]) => chunk.isEntry && chunk.file.endsWith('.js'));
  if (!entry) throw new Error('no entry chunk in the Vite manifest');

  const initial = new Set<string>();
  const initialCss = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    chunk.css?.forEach((file) => initialCss.add(file));
    chunk.imports?.forEach(visit);
  };
  visit(entry[0]);

  const mapEntry = entries.find(([key]) => /src\/map\/MapView\.tsx$/.test(key));
  const mapFiles = new Set<string>();
  const mapVisit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file) || mapFiles.has(chunk.file)) return;
    mapFiles.add(chunk.file);
    chunk.imports?.forEach(mapVisit);
  };
  if (mapEntry) mapVisit(mapEntry[0]);

  const files = walk(dir).map((path) => relative(dir, path).split('\\').join('/'));
  const js = files.filter((file) => /\.m?js$/.test(file));
  const workerFiles = js.filter((file) => basename(file).startsWith('maplibre-gl-worker'));
  const otherJs = js.filter(
    (file) => !initial.has(file) && !mapFiles.has(file) && !workerFiles.includes(file),
  );
  const css = files.filter((file) => file.endsWith('.css'));
  const registry = files.filter((file) =>
    /^geo\/(chains\.json|parks\.geojson|projects\.json)$/.test(file),
  );
  const basemap = files.filter((file) => file.startsWith('geo/basemap/'));

  const initialJs = weigh(dir, [...initial]);
  const initialModules = modulesOf(dir, [...initial]);
  const maplibreInitial = initialModules
    .filter((module) => module.module === 'maplibre-gl')
    .reduce((sum, module) => sum + module.gzipBytes, 0);
  void initialCss;
  return {
    initialJs,
    mapChunk: weigh(dir, [...mapFiles]),
    worker: weigh(dir, workerFiles),
    otherJs: weigh(dir, otherJs),
    css: weigh(dir, css),
    registryData: weigh(dir, registry),
    basemapData: weigh(dir, basemap),
    ownInitialGzipBytes: initialJs.gzipBytes - maplibreInitial,
    modules: {
      initial: initialModules,
      mapChunk: modulesOf(dir, [...mapFiles]),
      otherJs: modulesOf(dir, otherJs),
    },
  };
}
