import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  FIRM_SUMMARY_FIELDS,
  PARK_SUMMARY_FIELDS,
  PROJECT_SUMMARY_FIELDS,
} from '../src/data/registry';
import type { ParkFeature, Project } from '../src/data/schema';
import type { ParkSummary, RegistryProject } from '../src/data/registry';
import { TILES_FILES, TILES_INDEX_FORMAT } from '../src/data/tilesIndex';
import type { IndexedPark, ParkFile, TilesIndex } from '../src/data/tilesIndex';
import { formatFinding } from '../src/data/findings';
import { compareParks } from '../src/domain/membership';
import { areaKm2, bboxOf } from '../src/geometry/measure';
import { labelsMinZoomFor } from '../src/domain/parkLabels';
import { TILE_ARCHIVE_LAYER, tileLayerProperties } from '../src/map/features';
import { writeFileAtomically } from './lib/atomicWrite';
import { writePmtiles } from './lib/pmtiles';
import { TILES_MAX_ZOOM, TILE_LAYERS, cutTiles } from './lib/vectorTiles';
import { validateDirectory } from './validate';

/**
 * `npm run tiles -- DIR`: validates the registry in DIR with the validator the
 * app and `npm run validate` use, refuses to cut an invalid one, and writes beside it the map's
 * vector tiles as one PMTiles archive (tiles.pmtiles), the slim index.json the panels read (the
 * parks' and projects' summaries), and park-records/ID.geojson, each park's full record: its
 * properties, its exact geometry and its projects' full records, which the app fetches for one
 * park when the detail or an export needs them. The shape is the file's, not the tiles': those are
 * clipped at tile edges and simplified per zoom, so reassembling a park from them would export a
 * different polygon.
 */

/** The folder of per-park geometry files that index format 2 had beside the index. */
const LEGACY_GEOMETRY_FOLDER = 'park-geometry';

const USAGE =
  'usage: npm run tiles -- DIR   (DIR holds the registry files; the embedded geo/ stays one GeoJSON and is not tiled)';

/** The fields `fields` of `record`, in that order; a field the record lacks stays absent. */
function pick<T extends object, K extends keyof T>(record: T, fields: readonly K[]): Pick<T, K> {
  const out: Partial<Pick<T, K>> = {};
  for (const field of fields) if (field in record) out[field] = record[field];
  return out as Pick<T, K>;
}

/** A park's summary: the fields the list, filters, search, statistics, chain view and map read. */
export function parkSummary(park: ParkFeature): ParkSummary {
  return pick(park.properties, PARK_SUMMARY_FIELDS);
}

/**
 * A project as the index carries it: its summary when it has a park (whose file holds the whole
 * record), whole when it has none, as there is no park file to hold it.
 */
export function indexProject(project: Project): RegistryProject {
  return project.park === null ? project : pick(project, PROJECT_SUMMARY_FIELDS);
}

/** The index entry of one park: its summary and what its geometry gives. */
function indexPark(park: ParkFeature): IndexedPark {
  const geometry = park.geometry;
  const [west, south, east, north] = bboxOf(geometry);
  return {
    ...parkSummary(park),
    bbox: [west, south, east, north],
    area_km2_computed: Math.round(areaKm2(geometry) * 1e4) / 1e4,
  };
}

/**
 * Writes one {@link ParkFile} per park (its full record, exact geometry, its projects' full records
 * in registry order, and the cut `validatedAt`) into a fresh folder beside DIR's, then swaps it in
 * whole, so a park removed from the registry leaves no stale file and a failed run leaves the old
 * folder intact.
 */
function writeParkRecords(
  dir: string,
  parks: readonly ParkFeature[],
  projects: readonly Project[],
  validatedAt: string,
): string | null {
  const target = join(dir, TILES_FILES.parkRecords);
  const byPark = new Map<string, Project[]>();
  for (const project of projects) {
    if (project.park === null) continue;
    const list = byPark.get(project.park);
    if (list) list.push(project);
    else byPark.set(project.park, [project]);
  }
  try {
    const fresh = mkdtempSync(join(dir, `.${TILES_FILES.parkRecords}-`));
    for (const park of parks) {
      const file: ParkFile = {
        type: 'Feature',
        properties: park.properties,
        geometry: park.geometry,
        projects: byPark.get(park.properties.id) ?? [],
        validated_at: validatedAt,
      };
      writeFileSync(join(fresh, `${park.properties.id}.geojson`), `${JSON.stringify(file)}\n`);
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(fresh, target);
    return null;
  } catch (error) {
    return `${target}: could not write the per-park files (${error instanceof Error ? error.message : String(error)})`;
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
  // What the app's map reads on this registry, and no more (src/map/features.ts); names only from
  // the zoom the map draws them at (src/domain/parkLabels.ts).
  const carried = tileLayerProperties(registry.parks.length);
  const fromZoom = { labels: labelsMinZoomFor(registry.parks.length) };
  const { tiles, bounds } = cutTiles(registry.parks, registry.projects, {
    carried,
    fromZoom,
    into: TILE_ARCHIVE_LAYER,
  });
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
        // TileJSON's record of what each layer carries, so a reader can tell an older, fuller cut.
        vector_layers: [...new Set(Object.values(TILE_ARCHIVE_LAYER))].map((id) => ({
          id,
          fields: Object.fromEntries(
            TILE_LAYERS.filter((kind) => TILE_ARCHIVE_LAYER[kind] === id)
              .flatMap((kind) => carried[kind])
              .map((field) => [field, 'String']),
          ),
        })),
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
  const validatedAt = now().toISOString();
  const index: TilesIndex = {
    format: TILES_INDEX_FORMAT,
    validated: {
      at: validatedAt,
      by: 'npm run tiles',
      registry_as_of: registry.asOf,
      sha256,
    },
    tiles: TILES_FILES.archive,
    park_records: TILES_FILES.parkRecords,
    bounds,
    max_zoom: TILES_MAX_ZOOM,
    clusters: registry.clusters,
    chains: registry.chains,
    // In the list's order, so that the app finds them sorted and skips sorting them by pinyin at
    // start-up (indexRegistry); the tiles' drawing order does not depend on this list.
    parks: [...registry.parks]
      .sort((a, b) => compareParks(a.properties, b.properties))
      .map(indexPark),
    projects: registry.projects.map(indexProject),
    firms: registry.firms.map((firm) => pick(firm, FIRM_SUMMARY_FIELDS)),
  };
  const indexText = `${JSON.stringify(index)}\n`;
  // Park files first: an index that names them is written only once they are all there.
  const recordsProblem = writeParkRecords(dir, registry.parks, registry.projects, validatedAt);
  if (recordsProblem !== null) {
    print(recordsProblem);
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
  // Version 2's geometry-only folder: no longer read, but it is not this run's to delete.
  if (existsSync(join(dir, LEGACY_GEOMETRY_FOLDER)))
    print(
      `${join(result.shownDir, LEGACY_GEOMETRY_FOLDER)}/ is from an older cut (index format 2) and is no longer read; it can be deleted`,
    );
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  print(
    `${result.shownDir}: cut ${tiles.length} tiles for ${registry.parks.length} parks and ${registry.projects.length} projects in ${((Date.now() - started) / 1000).toFixed(1)} s — ${TILES_FILES.archive} ${mb(archive.length)}, ${TILES_FILES.index} ${mb(Buffer.byteLength(indexText))}, ${registry.parks.length} files in ${TILES_FILES.parkRecords}/`,
  );
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
