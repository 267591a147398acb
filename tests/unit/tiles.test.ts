import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import type { Firm, ParkFeature, Project } from '../../src/data/schema';
import type { ParkFile, TilesIndex } from '../../src/data/tilesIndex';
import { compareParks } from '../../src/domain/membership';
import { labelPoint } from '../../src/geometry/labelPoint';
import { tileLayerProperties } from '../../src/map/features';
import { main } from '../../scripts/tiles';

const VALID = resolve(import.meta.dirname, '../fixtures/registry/valid');
const NOW = new Date('2026-12-01T08:00:00Z');

function copyOfValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zpe-tiles-'));
  cpSync(VALID, dir, { recursive: true });
  return dir;
}

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(
    args,
    (line) => lines.push(line),
    () => NOW,
  );
  return { code, lines };
}

class FileBytes implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return 'file';
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    return Promise.resolve({
      data: new Uint8Array(this.bytes.subarray(offset, offset + length)).buffer,
    });
  }
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

describe('npm run tiles', () => {
  it('writes an index with every park and project of the registry as summaries, and when it was validated', async () => {
    const dir = copyOfValid();
    // A park with aliases, so that the index is seen to carry them (the fixture's have none).
    const parksFile = join(dir, 'parks.geojson');
    const registryParks = JSON.parse(readFileSync(parksFile, 'utf8')) as {
      features: ParkFeature[];
    };
    registryParks.features[2]!.properties.aliases = ['镇江高新区', '高新区'];
    writeFileSync(parksFile, JSON.stringify(registryParks));
    const { code, lines } = await run([dir]);
    expect(code, lines.join('\n')).toBe(0);
    expect(
      (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TilesIndex).parks.find(
        (park) => park.id === 'zj-hitech',
      )?.aliases,
    ).toEqual(['镇江高新区', '高新区']);
    const parks = (
      JSON.parse(readFileSync(join(dir, 'parks.geojson'), 'utf8')) as { features: ParkFeature[] }
    ).features;
    const projects = (
      JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8')) as { projects: Project[] }
    ).projects;
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TilesIndex;
    // Every park, in the list's order (the app then need not sort them at start-up).
    const listOrder = [...parks].sort((a, b) => compareParks(a.properties, b.properties));
    expect(index.parks.map((park) => park.id)).toEqual(listOrder.map((park) => park.properties.id));
    // What only the detail and the exports show stays out of the index: it is in the park files.
    const detailOnly = ['sources', 'note', 'boundary_note', 'industries', 'kind_basis'];
    for (const park of index.parks) {
      for (const key of [...detailOnly, 'lead_basis', 'area_basis', 'as_of'])
        expect(park, `${park.id}.${key}`).not.toHaveProperty(key);
      const whole = parks.find((p) => p.properties.id === park.id)!.properties;
      // aliases too: the search matches them on this path as on the whole registry's.
      const same = ['name', 'kind', 'zone', 'level', 'district', 'lead', 'boundary', 'aliases'];
      for (const key of same as (keyof typeof whole & keyof typeof park)[])
        expect(park[key], `${park.id}.${key}`).toEqual(whole[key]);
      expect(park.area_km2).toBe(whole.area_km2);
    }
    expect(index.projects.map((project) => project.id)).toEqual(projects.map((p) => p.id));
    const withoutPark = projects.filter((project) => project.park === null);
    expect(withoutPark.length).toBeGreaterThan(0);
    for (const [i, project] of index.projects.entries()) {
      const whole = projects[i]!;
      if (whole.park === null) {
        // No park file to hold it: the project stays whole in the index.
        expect(project).toEqual(whole);
        continue;
      }
      for (const key of ['sources', 'note', 'park_basis', 'chain_basis', 'confidence'])
        expect(project, `${whole.id}.${key}`).not.toHaveProperty(key);
      const { id, name, park, chain, segment, status, year, investment_cny_100m } = whole;
      expect(project).toMatchObject({ id, name, park, chain, segment, status, year });
      expect(project.investment_cny_100m).toBe(investment_cny_100m);
      if (whole.location) expect(project.location).toEqual(whole.location);
    }
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).not.toContain('"boundary_note"');
    expect(index.validated.at).toBe(NOW.toISOString());
    // chains.json, parks.geojson, projects.json and firms.json.
    expect(Object.keys(index.validated.sha256)).toHaveLength(4);
    const geometries = new Map(
      (
        JSON.parse(readFileSync(join(dir, 'parks.geojson'), 'utf8')) as { features: ParkFeature[] }
      ).features.map((feature) => [feature.properties.id, feature.geometry]),
    );
    for (const park of index.parks) {
      const [west, south, east, north] = park.bbox;
      const geometry = geometries.get(park.id);
      if (!geometry) throw new Error(`${park.id} is not in parks.geojson`);
      const [lon, lat] = labelPoint(geometry);
      expect(lon).toBeGreaterThanOrEqual(west);
      expect(lon).toBeLessThanOrEqual(east);
      expect(lat).toBeGreaterThanOrEqual(south);
      expect(lat).toBeLessThanOrEqual(north);
      expect(park.area_km2_computed).toBeGreaterThan(0);
      expect(park).not.toHaveProperty('geometry');
      // The map's labels come from the tiles' own layer; a label point here went unread.
      expect(park).not.toHaveProperty('label');
    }
  });

  it("carries the chains and firms, and writes each park's full record, exact geometry, projects and cut to its own file", async () => {
    const dir = copyOfValid();
    expect((await run([dir])).code).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TilesIndex;
    const chains = JSON.parse(readFileSync(join(dir, 'chains.json'), 'utf8')) as {
      chains: { id: string }[];
    };
    const firms = JSON.parse(readFileSync(join(dir, 'firms.json'), 'utf8')) as { firms: Firm[] };
    expect(index.format).toBe('zpe-tiles-index/4');
    expect(index.chains.map((chain) => chain.id)).toEqual(chains.chains.map((chain) => chain.id));
    // Each firm as the chain view reads it; its sources and note stay in firms.json.
    expect(firms.firms.some((firm) => firm.sources.length > 0)).toBe(true);
    expect(index.firms).toEqual(
      firms.firms.map(({ id, name, park, chain, segments, role }) => ({
        id,
        name,
        park,
        chain,
        segments,
        role,
      })),
    );
    expect(Object.keys(index.validated.sha256).sort()).toEqual([
      'chains.json',
      'firms.json',
      'parks.geojson',
      'projects.json',
    ]);
    const parks = (
      JSON.parse(readFileSync(join(dir, 'parks.geojson'), 'utf8')) as { features: ParkFeature[] }
    ).features;
    const projects = (
      JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8')) as { projects: Project[] }
    ).projects;
    expect(index.park_records).toBe('park-records');
    for (const park of parks) {
      const file = join(dir, index.park_records, `${park.properties.id}.geojson`);
      const written = JSON.parse(readFileSync(file, 'utf8')) as ParkFile;
      expect(written.type).toBe('Feature');
      expect(written.properties).toEqual(park.properties);
      expect(written.geometry).toEqual(park.geometry);
      expect(written.projects).toEqual(projects.filter((p) => p.park === park.properties.id));
      expect(written.validated_at).toBe(index.validated.at);
    }
  });

  it('replaces the park folder whole: a park removed from the registry leaves no file', async () => {
    const dir = copyOfValid();
    const stale = join(dir, 'park-records');
    expect((await run([dir])).code).toBe(0);
    writeFileSync(join(stale, 'gone.geojson'), '{}');
    expect((await run([dir])).code).toBe(0);
    expect(existsSync(join(stale, 'gone.geojson'))).toBe(false);
  });

  it("leaves an older cut's geometry folder alone and says it is no longer read", async () => {
    const dir = copyOfValid();
    const legacy = join(dir, 'park-geometry');
    mkdirSync(legacy);
    writeFileSync(join(legacy, 'a.geojson'), '{}');
    const { code, lines } = await run([dir]);
    expect(code).toBe(0);
    expect(existsSync(join(legacy, 'a.geojson'))).toBe(true);
    expect(lines.join('\n')).toMatch(/park-geometry\/ is from an older cut .* no longer read/);
  });

  it('puts each park, and its label point beside it in the parks layer, into the archive tile under that point', async () => {
    const dir = copyOfValid();
    expect((await run([dir])).code).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TilesIndex;
    const archive = new PMTiles(new FileBytes(readFileSync(join(dir, index.tiles))));
    const parks = JSON.parse(readFileSync(join(dir, 'parks.geojson'), 'utf8')) as {
      features: ParkFeature[];
    };
    for (const { properties: park, geometry } of parks.features) {
      const [lon = 0, lat = 0] = labelPoint(geometry);
      const [x, y] = tileOf(lon, lat, 12);
      const found = await archive.getZxy(12, x, y);
      expect(found, park.id).toBeDefined();
      const layers = new VectorTile(new PbfReader(new Uint8Array(found!.data))).layers;
      // VectorTileFeature.type: 1 a point, 3 a polygon.
      const ids = (type: number): unknown[] => {
        const layer = layers['parks'];
        return layer
          ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)).flatMap((feature) =>
              feature.type === type ? [feature.properties['id']] : [],
            )
          : [];
      };
      expect(ids(3)).toContain(park.id);
      expect(ids(1)).toContain(park.id);
      expect(layers).not.toHaveProperty('labels');
    }
  });

  it('writes into the archive only what the map reads of each layer, and names it in the metadata', async () => {
    const dir = copyOfValid();
    expect((await run([dir])).code).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TilesIndex;
    const archive = new PMTiles(new FileBytes(readFileSync(join(dir, index.tiles))));
    const carried = tileLayerProperties(index.parks.length);
    const seen = new Map<string, Set<string>>();
    const parks = JSON.parse(readFileSync(join(dir, 'parks.geojson'), 'utf8')) as {
      features: ParkFeature[];
    };
    for (const { geometry } of parks.features) {
      const [lon = 0, lat = 0] = labelPoint(geometry);
      const [x, y] = tileOf(lon, lat, 12);
      const layers = new VectorTile(
        new PbfReader(new Uint8Array((await archive.getZxy(12, x, y))!.data)),
      ).layers;
      for (const [name, layer] of Object.entries(layers))
        for (let i = 0; i < layer.length; i++) {
          const feature = layer.feature(i);
          // A label point shares the parks layer with its polygon.
          const kind = name === 'parks' && feature.type === 1 ? 'labels' : name;
          for (const key of Object.keys(feature.properties))
            seen.set(kind, (seen.get(kind) ?? new Set()).add(key));
        }
    }
    // The small fixture's labels carry the filter fields (the map filters them); parks and
    // projects never carry names, kinds, levels or districts (a project its park, its address).
    expect([...seen.get('parks')!].sort()).toEqual(['boundary', 'chain_a', 'chain_b', 'id']);
    expect([...seen.get('projects')!].sort()).toEqual(['chain_a', 'id', 'park']);
    expect([...seen.get('labels')!].sort()).toEqual([...carried.labels].sort());
    const metadata = (await archive.getMetadata()) as {
      vector_layers: { id: string; fields: Record<string, string> }[];
    };
    expect(
      Object.fromEntries(
        metadata.vector_layers.map((layer) => [layer.id, Object.keys(layer.fields).sort()]),
      ),
    ).toEqual({
      parks: [...new Set([...carried.parks, ...carried.labels])].sort(),
      projects: [...carried.projects].sort(),
    });
  });

  it('refuses an invalid registry, names the finding and writes nothing', async () => {
    const dir = copyOfValid();
    const parksPath = join(dir, 'parks.geojson');
    const parks = JSON.parse(readFileSync(parksPath, 'utf8')) as { features: ParkFeature[] };
    const first = parks.features[0]!;
    writeFileSync(parksPath, JSON.stringify({ ...parks, features: [...parks.features, first] }));
    const { code, lines } = await run([dir]);
    expect(code).toBe(1);
    expect(lines.some((line) => line.includes(first.properties.id))).toBe(true);
    expect(lines.at(-1)).toMatch(/not cut/);
    expect(existsSync(join(dir, 'index.json'))).toBe(false);
    expect(existsSync(join(dir, 'tiles.pmtiles'))).toBe(false);
  });

  it('asks for the folder instead of tiling the embedded registry', async () => {
    const { code, lines } = await run([]);
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/usage/);
  });
});
