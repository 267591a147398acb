import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { cutAppTiles, type AppTileSet } from './appTiles';
import { ROOT } from './build';
import { LARGE, type LargeDataPath, type SizeSpec } from './cli';
import { DEFAULT_SEED, countLeads, writeRegistry } from './generate';
import { log } from './log';
import { writeFilterIndex, writeVectorTiles } from './tiles';

/** The registries each size is measured on: the shipped one, or generated (and cached) ones. */

/** A registry prepared for one size. */
export interface RegistryInfo {
  readonly parks: number;
  readonly projects: number;
  readonly vertices: number;
  readonly bytes: number;
  readonly gzipBytes: number | null;
  /** The chain the filter toggles: the one with the most parks. */
  readonly target: string;
}

/** Every size's registry, and the vector tiles cut for the large ones. */
export interface Datasets {
  readonly registries: ReadonlyMap<string, RegistryInfo>;
  /** The bare page's `{z}/{x}/{y}.pbf` folders (bench/tiles.ts), for the `tiles…` paths. */
  readonly tileSets: ReadonlyMap<string, { tiles: number; bytes: number }>;
  /** What `npm run tiles` wrote for the app on tiles, from 10k parks on. */
  readonly appTileSets: ReadonlyMap<string, AppTileSet>;
}

/** Gzip size of a file, streamed (a 50k registry is too big to hold twice). */
async function gzipSize(path: string): Promise<number> {
  let size = 0;
  await pipeline(
    createReadStream(path),
    createGzip(),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done();
      },
    }),
  );
  return size;
}

/** Gzip size of a registry folder's four files, cached beside them. */
async function registryGzipBytes(dir: string, stamp: string): Promise<number> {
  const cache = join(dir, 'bench-gzip.json');
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as { stamp: string; bytes: number };
    if (cached.stamp === stamp) return cached.bytes;
  }
  let bytes = 0;
  for (const name of ['chains.json', 'parks.geojson', 'projects.json', 'firms.json'])
    bytes += await gzipSize(join(dir, name));
  writeFileSync(cache, JSON.stringify({ stamp, bytes }));
  return bytes;
}

/** Number of positions in nested GeoJSON coordinates. */
function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((n: number, child: unknown) => n + countPositions(child), 0);
}

/**
 * Generates (or reuses) the registry of each size in `dataDir`, and the vector tiles the large-data
 * paths need. The shipped registry is measured where it is; `shipped` is its size from the bundle
 * report.
 */
export async function prepareDatasets(
  specs: readonly SizeSpec[],
  paths: readonly LargeDataPath[],
  dataDir: string,
  shipped: { readonly bytes: number; readonly gzipBytes: number },
  allChains: readonly string[],
): Promise<Datasets> {
  const registries = new Map<string, RegistryInfo>();
  const tileSets = new Map<string, { tiles: number; bytes: number }>();
  const appTileSets = new Map<string, AppTileSet>();
  const mostParks = (counts: Record<string, number>): string =>
    Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? allChains[0] ?? '';
  for (const spec of specs) {
    if (spec.parks === null) {
      const parks = JSON.parse(readFileSync(join(ROOT, 'geo/parks.geojson'), 'utf8')) as {
        features: Array<{ properties: { lead: string[] }; geometry: { coordinates: unknown } }>;
      };
      const projects = JSON.parse(readFileSync(join(ROOT, 'geo/projects.json'), 'utf8')) as {
        projects: unknown[];
      };
      registries.set(spec.label, {
        parks: parks.features.length,
        projects: projects.projects.length,
        vertices: parks.features.reduce((n, f) => n + countPositions(f.geometry.coordinates), 0),
        bytes: shipped.bytes,
        gzipBytes: shipped.gzipBytes,
        target: mostParks(countLeads(parks.features.map((f) => f.properties.lead))),
      });
      continue;
    }
    log(`generating ${spec.label} (${spec.parks} parks, seed ${DEFAULT_SEED})…`);
    const dir = join(dataDir, spec.label);
    const written = await writeRegistry(dir, { parks: spec.parks, seed: DEFAULT_SEED });
    const bytes = written.bytes.parks + written.bytes.projects + written.bytes.chains;
    registries.set(spec.label, {
      parks: written.parks,
      projects: written.projects,
      vertices: written.vertices,
      bytes,
      gzipBytes: await registryGzipBytes(dir, `${bytes}`),
      target: mostParks(written.parksByChain),
    });
    if (paths.some((path) => path.startsWith('tiles')) && spec.parks >= LARGE) {
      log(`cutting vector tiles for ${spec.label}…`);
      const cut = writeVectorTiles(dir, `${DEFAULT_SEED}:${bytes}`);
      tileSets.set(spec.label, { tiles: cut.tiles, bytes: cut.bytes });
      log(`  ${cut.tiles} tiles, ${(cut.bytes / 2 ** 20).toFixed(1)} MB`);
      if (paths.includes('tiles-state')) writeFilterIndex(dir, `${DEFAULT_SEED}:${bytes}`);
    }
    if (spec.parks >= LARGE) {
      log(`npm run tiles -- ${dir} (the app's tiled registry)…`);
      const cut = cutAppTiles(dir, `${DEFAULT_SEED}:${bytes}`);
      appTileSets.set(spec.label, cut);
      log(
        `  tiles.pmtiles ${(cut.archiveBytes / 2 ** 20).toFixed(1)} MB, index.json ${(cut.indexBytes / 2 ** 20).toFixed(1)} MB (the cut took ${cut.seconds} s when it was made)`,
      );
    }
  }

  return { registries, tileSets, appTileSets };
}
