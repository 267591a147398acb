import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bbox } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import type { ParkFeature, Project } from '../src/data/schema';
import { parkChains } from '../src/domain/membership';
import { toMapParks, toMapProjects } from '../src/map/features';

/**
 * The large-data path the peers' maintainers recommend (peers.md §4.3): vector tiles cut once,
 * ahead of time, instead of one GeoJSON source that the browser parses and tiles on every load.
 * The tiles are cut here with the same libraries MapLibre uses in its worker (geojson-vt,
 * vt-pbf, both dependencies of maplibre-gl) and written as a folder of `{z}/{x}/{y}.pbf` files,
 * which MapLibre reads without a plugin. A PMTiles archive holds the same tiles in one file that
 * a static host serves by range; the browser's work per tile is the same, so the folder stands
 * in for it in the benchmark (the production path would cut with tippecanoe and read through
 * the `pmtiles` protocol).
 *
 * Two layers: `parks` with the map's flat properties (src/map/features.ts), and `projects`
 * carrying, besides their own, the filter fields of their park (`park_a`, `park_b`, `kind`,
 * `level`, `district`), so that the project layer can be filtered by an expression instead of a
 * list of thousands of park ids.
 */

/** The deepest zoom cut; MapLibre over-zooms beyond it. */
export const TILES_MAX_ZOOM = 14;

/** Version of the tile output: bump it when the tiles change, so cached ones are remade. */
const TILES_VERSION = 1;

/** Tile x/y of a longitude/latitude at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

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
  const parksFile = JSON.parse(readFileSync(join(registryDir, 'parks.geojson'), 'utf8')) as {
    features: ParkFeature[];
  };
  const byId = new Map(parksFile.features.map((park) => [park.properties.id, park.properties]));
  const mapParks = toMapParks(parksFile.features);
  const parks: FeatureCollection = {
    ...mapParks,
    // vt-pbf would store a null as the text "null": a park without an English name has none.
    features: mapParks.features.map((park) => {
      const { name_en: nameEn, ...rest } = park.properties;
      return nameEn === null ? { ...park, properties: rest } : park;
    }),
  };
  const projectsFile = JSON.parse(readFileSync(join(registryDir, 'projects.json'), 'utf8')) as {
    projects: Project[];
  };
  const mapProjects = toMapProjects(projectsFile.projects);
  const projects: FeatureCollection<Point> = {
    ...mapProjects,
    features: mapProjects.features.flatMap((project) => {
      const park = byId.get(project.properties.park);
      if (!park) return [];
      const [parkA = '', parkB = ''] = parkChains(park);
      const properties = {
        ...project.properties,
        park_a: parkA,
        park_b: parkB,
        kind: park.kind,
        level: park.level,
        district: park.district,
      };
      return [{ ...project, properties }];
    }),
  };
  // MapLibre's own GeoJSON source options (maxzoom 14, tolerance 3/8 of a pixel at 512 px).
  const options = {
    maxZoom: TILES_MAX_ZOOM,
    indexMaxZoom: 5,
    extent: 4096,
    buffer: 64,
    tolerance: 3,
  };
  const [west, south, east, north] = bbox(parks);
  const parkIndex = new GeoJSONVT(parks, options);
  const projectIndex = new GeoJSONVT(projects, options);
  let tiles = 0;
  let bytes = 0;
  for (let z = 0; z <= TILES_MAX_ZOOM; z++) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const parkTile = parkIndex.getTile(z, x, y);
        const projectTile = projectIndex.getTile(z, x, y);
        if (!parkTile && !projectTile) continue;
        const layers: Parameters<typeof fromGeojsonVt>[0] = {};
        if (parkTile) layers['parks'] = parkTile;
        if (projectTile) layers['projects'] = projectTile;
        const pbf = fromGeojsonVt(layers, { version: 2, extent: 4096 });
        mkdirSync(join(dir, String(z), String(x)), { recursive: true });
        writeFileSync(join(dir, String(z), String(x), `${y}.pbf`), pbf);
        tiles++;
        bytes += pbf.length;
      }
    }
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
