import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParkFeature, Project } from '../src/data/schema';
import { cutTiles } from '../scripts/lib/vectorTiles';

/**
 * The large-data path the peers' maintainers recommend (peers.md §4.3) for the bare baseline
 * page: the tiles `npm run tiles` cuts (scripts/lib/vectorTiles.ts), written here as a folder of
 * `{z}/{x}/{y}.pbf` files, which bare MapLibre reads without a plugin.
 */

/** Version of the tile output: bump it when the tiles change, so cached ones are remade. */
const TILES_VERSION = 2;

/** What was written. */
export interface WrittenTiles {
  readonly dir: string;
  readonly tiles: number;
  readonly bytes: number;
  readonly seconds: number;
}

/**
 * Cuts the registry in `registryDir` into `registryDir/tiles/`, unless the same tiles were cut
 * there before (`stamp` names the registry's content).
 */
export function writeVectorTiles(registryDir: string, stamp: string): WrittenTiles {
  const dir = join(registryDir, 'tiles');
  const stampPath = join(dir, 'bench-stamp.json');
  const fullStamp = `${TILES_VERSION}:${stamp}`;
  if (existsSync(stampPath)) {
    const cached = JSON.parse(readFileSync(stampPath, 'utf8')) as {
      stamp: string;
      written: WrittenTiles;
    };
    if (cached.stamp === fullStamp) return cached.written;
  }
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  const parks = (
    JSON.parse(readFileSync(join(registryDir, 'parks.geojson'), 'utf8')) as {
      features: ParkFeature[];
    }
  ).features;
  const projects = (
    JSON.parse(readFileSync(join(registryDir, 'projects.json'), 'utf8')) as {
      projects: Project[];
    }
  ).projects;
  let tiles = 0;
  let bytes = 0;
  for (const { z, x, y, pbf } of cutTiles(parks, projects).tiles) {
    mkdirSync(join(dir, String(z), String(x)), { recursive: true });
    writeFileSync(join(dir, String(z), String(x), `${y}.pbf`), pbf);
    tiles++;
    bytes += pbf.length;
  }
  const written: WrittenTiles = {
    dir,
    tiles,
    bytes,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(stampPath, JSON.stringify({ stamp: fullStamp, written }));
  return written;
}

/**
 * The filter fields of every park and the park of every located project, as
 * `filter-index.json` beside the registry: what the feature-state variant on vector tiles needs
 * to know which features to hide, standing in for the properties an app would keep (without
 * geometry) after validating the registry in a worker.
 */
export function writeFilterIndex(registryDir: string, stamp: string): { bytes: number } {
  const path = join(registryDir, 'filter-index.json');
  const stampPath = join(registryDir, 'filter-index.stamp');
  const fullStamp = `${TILES_VERSION}:${stamp}`;
  if (existsSync(path) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === fullStamp)
    return { bytes: readFileSync(path).length };
  const parks = (
    JSON.parse(readFileSync(join(registryDir, 'parks.geojson'), 'utf8')) as {
      features: ParkFeature[];
    }
  ).features.map(({ properties: p }) => [
    p.id,
    p.lead[0] ?? '',
    p.lead[1] ?? '',
    p.kind,
    p.level,
    p.district,
  ]);
  const projects = (
    JSON.parse(readFileSync(join(registryDir, 'projects.json'), 'utf8')) as {
      projects: Project[];
    }
  ).projects.flatMap((project) => (project.location ? [[project.id, project.park]] : []));
  const text = JSON.stringify({ parks, projects });
  writeFileSync(path, text);
  writeFileSync(stampPath, fullStamp);
  return { bytes: Buffer.byteLength(text) };
}
