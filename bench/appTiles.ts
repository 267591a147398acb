import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TILES_FILES } from '../src/data/tilesIndex';
import { ROOT } from './build';

/**
 * The tiled registry the app reads on its tiles path (`?data=DIR/index.json`), cut by the
 * project's own `npm run tiles -- DIR` rather than by bench code, so the benchmark measures what a
 * deployment would serve. Unlike bench/tiles.ts (the bare page's `{z}/{x}/{y}.pbf` folder), this
 * is the PMTiles archive and index.json beside the registry files.
 */

/**
 * The code that decides what `npm run tiles` writes (the CLI, its helpers, the schema and
 * validator it runs, the geometry it measures with): a change to any file here remakes the cached
 * cut, so the benchmark never measures tiles an older cutter wrote. Wider than the cutter's own
 * imports on purpose: a needless re-cut costs seconds, a stale one a wrong number.
 */
const CUTTER_SOURCES = [
  'scripts/tiles.ts',
  'scripts/validate.ts',
  'scripts/lib',
  'src/data',
  'src/geometry',
  // What the tiles carry per layer (tileLayerProperties) and the rules it reads.
  'src/map/features.ts',
  'src/map/style.ts',
  'src/domain/membership.ts',
];

/** Every file under `path` (or `path` itself), in a stable order. */
function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesOf(join(path, name)));
}

/** What `npm run tiles` wrote for one size. */
export interface AppTileSet {
  /** Bytes of tiles.pmtiles. */
  readonly archiveBytes: number;
  /** Bytes of index.json. */
  readonly indexBytes: number;
  /** Bytes of anything else the cutter wrote under the folder (per-park geometry files), 0 if none. */
  readonly otherBytes: number;
  /** Seconds the cut took when it was made (a cached cut keeps its first time). */
  readonly seconds: number;
}

/** Hash of the cutter's sources, so that a changed cutter invalidates the cache. */
function cutterHash(): string {
  const hash = createHash('sha256');
  for (const file of CUTTER_SOURCES.flatMap((source) => filesOf(join(ROOT, source))))
    hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Bytes of every file under `dir` whose name is not in `skip`, recursively. */
function bytesUnder(dir: string, skip: ReadonlySet<string>): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? bytesUnder(path, new Set()) : statSync(path).size;
  }
  return bytes;
}

/**
 * Runs `npm run tiles -- DIR` on the registry in `registryDir` unless the same registry (`stamp`)
 * was cut there by the same cutter before. The child gets a larger heap: at 50k parks the
 * validator and the cutter hold the whole registry, well over Node's default limit.
 */
export function cutAppTiles(registryDir: string, stamp: string): AppTileSet {
  const stampPath = join(registryDir, 'app-tiles.stamp.json');
  const fullStamp = `${cutterHash()}:${stamp}`;
  const archive = join(registryDir, TILES_FILES.archive);
  const index = join(registryDir, TILES_FILES.index);
  if (existsSync(stampPath) && existsSync(archive) && existsSync(index)) {
    const cached = JSON.parse(readFileSync(stampPath, 'utf8')) as {
      stamp: string;
      written: AppTileSet;
    };
    if (cached.stamp === fullStamp) return cached.written;
  }
  const started = Date.now();
  const child = spawnSync('npm', ['run', '--silent', 'tiles', '--', registryDir], {
    cwd: ROOT,
    // The cutter's own line goes to the progress log (stderr), not into the printed table.
    stdio: ['ignore', 2, 2],
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=8192`.trim(),
    },
  });
  if (child.status !== 0)
    throw new Error(
      `npm run tiles -- ${registryDir} failed (exit ${child.status ?? child.signal ?? '?'}); see the lines above`,
    );
  // The registry files and the bench's own outputs beside them are not part of the cut.
  const notCut = new Set([
    'chains.json',
    'parks.geojson',
    'projects.json',
    'firms.json',
    'tiles',
    'filter-index.json',
    'filter-index.stamp',
    'bench-stamp.json',
    'bench-gzip.json',
    'app-tiles.stamp.json',
    TILES_FILES.archive,
    TILES_FILES.index,
  ]);
  const written: AppTileSet = {
    archiveBytes: statSync(archive).size,
    indexBytes: statSync(index).size,
    otherBytes: bytesUnder(registryDir, notCut),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(stampPath, JSON.stringify({ stamp: fullStamp, written }));
  return written;
}
