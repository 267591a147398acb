import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ParkFeature } from '../src/data/schema';
import { TILES_FILES, TILES_INDEX_FORMAT } from '../src/data/tilesIndex';
import type { IndexedPark, TilesIndex } from '../src/data/tilesIndex';
import { formatFinding } from '../src/data/findings';
import { compareParks } from '../src/domain/membership';
import { labelPoint } from '../src/geometry/labelPoint';
import { areaKm2, bboxOf } from '../src/geometry/measure';
import { writeFileAtomically } from './lib/atomicWrite';
import { writePmtiles } from './lib/pmtiles';
import { TILES_MAX_ZOOM, TILE_LAYERS, cutTiles } from './lib/vectorTiles';
import { validateDirectory } from './validate';

/**
 * `npm run tiles -- DIR`: validates the registry in DIR with the validator the
 * app and `npm run validate` use, refuses to cut an invalid one, and writes beside it the map's
 * vector tiles as one PMTiles archive (tiles.pmtiles), the slim index.json the panels read, and
 * park-geometry/ID.geojson, each park's exact geometry, which the app fetches for one park when
 * it needs the shape itself (the GeoJSON export): the tiles' shapes are clipped at tile edges and
 * simplified per zoom, so reassembling a park from them would export a different polygon.
 */

const USAGE =
  'usage: npm run tiles -- DIR   (DIR holds the registry files; the embedded geo/ stays one GeoJSON and is not tiled)';

/** The index entry of one park: its properties and what its geometry gives. */
function indexPark(park: ParkFeature): IndexedPark {
  const geometry = park.geometry;
  const [west, south, east, north] = bboxOf(geometry);
  const [lon = 0, lat = 0] = labelPoint(geometry);
  return {
    ...park.properties,
    bbox: [west, south, east, north],
    area_km2_computed: Math.round(areaKm2(geometry) * 1e4) / 1e4,
    label: [lon, lat],
  };
}

/**
 * Writes one file per park into a fresh folder beside DIR's, then swaps it in whole, so a park
 * removed from the registry leaves no stale file and a failed run leaves the old folder intact.
 */
function writeParkGeometry(dir: string, parks: readonly ParkFeature[]): string | null {
  const target = join(dir, TILES_FILES.parkGeometry);
  try {
    const fresh = mkdtempSync(join(dir, `.${TILES_FILES.parkGeometry}-`));
    for (const park of parks) {
      const feature = { type: 'Feature', properties: park.properties, geometry: park.geometry };
      writeFileSync(join(fresh, `${park.properties.id}.geojson`), `${JSON.stringify(feature)}\n`);
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(fresh, target);
    return null;
  } catch (error) {
    return `${target}: could not write the per-park geometry files (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Runs the CLI; returns the exit code (0 written, 1 invalid or unwritable, 2 usage). */
export async function main(
  args: readonly string[],
  print: (line: string) => void = console.log,
  now: () => Date = () => new Date(),
): Promise<number> {
  const [folder] = args;
  if (folder === undefined || args.length > 1 || folder.startsWith('-')) {
    print(USAGE);
    return folder === '-h' || folder === '--help' ? 0 : 2;
  }
  const dir = resolve(folder);
  const started = Date.now();
  const result = await validateDirectory(dir);
  if (result.findings.length > 0) {
    for (const finding of result.findings) print(formatFinding(finding));
    print(
      `${result.shownDir}: not cut — the registry has ${result.findings.length} findings; fix them and run again`,
    );
    return 1;
  }
  const { registry } = result;
  const { tiles, bounds } = cutTiles(registry.parks, registry.projects);
  const [west, south, east, north] = bounds;
  const archive = writePmtiles(
    tiles.map(({ z, x, y, pbf }) => ({ z, x, y, data: gzipSync(pbf) })),
    {
      minZoom: 0,
      maxZoom: TILES_MAX_ZOOM,
      bounds,
      center: [(west + east) / 2, (south + north) / 2, 9],
      metadata: {
        name: 'Zhenjiang Park Explorer registry',
        vector_layers: TILE_LAYERS.map((id) => ({ id, fields: {} })),
      },
    },
  );
  const sha256 = Object.fromEntries(
    Object.values(result.files).map((file) => [
      basename(file),
      createHash('sha256')
        .update(readFileSync(resolve(file)))
        .digest('hex'),
    ]),
  );
  const index: TilesIndex = {
    format: TILES_INDEX_FORMAT,
    validated: {
      at: now().toISOString(),
      by: 'npm run tiles',
      registry_as_of: registry.asOf,
      sha256,
    },
    tiles: TILES_FILES.archive,
    park_geometry: TILES_FILES.parkGeometry,
    bounds,
    max_zoom: TILES_MAX_ZOOM,
    clusters: registry.clusters,
    chains: registry.chains,
    // In the list's order, so that the app finds them sorted and skips sorting them by pinyin at
    // start-up (indexRegistry); the tiles' drawing order does not depend on this list.
    parks: [...registry.parks]
      .sort((a, b) => compareParks(a.properties, b.properties))
      .map(indexPark),
    projects: registry.projects,
    firms: registry.firms,
  };
  const indexText = `${JSON.stringify(index)}\n`;
  // Geometry files first: an index that names them is written only once they are all there.
  const geometryProblem = writeParkGeometry(dir, registry.parks);
  if (geometryProblem !== null) {
    print(geometryProblem);
    return 1;
  }
  for (const [name, bytes] of [
    [TILES_FILES.archive, archive],
    [TILES_FILES.index, indexText],
  ] as const) {
    const written = writeFileAtomically(join(dir, name), bytes);
    if (!written.ok) {
      print(written.message);
      return 1;
    }
  }
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  print(
    `${result.shownDir}: cut ${tiles.length} tiles for ${registry.parks.length} parks and ${registry.projects.length} projects in ${((Date.now() - started) / 1000).toFixed(1)} s — ${TILES_FILES.archive} ${mb(archive.length)}, ${TILES_FILES.index} ${mb(Buffer.byteLength(indexText))}, ${registry.parks.length} files in ${TILES_FILES.parkGeometry}/`,
  );
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
