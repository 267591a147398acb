import { describe, expect, it } from 'vitest';
import { loadTiledRegistry, readTilesIndex } from '../../src/data/tiledRegistry';
import { TILES_INDEX_FORMAT } from '../../src/data/tilesIndex';

const URL_ = 'https://example.test/app/reg/index.json';
const FILE = 'reg/index.json';

const park = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  name: { zh: `园${id}` },
  kind: 'main',
  level: 'provincial',
  district: '京口区',
  boundary: 'schematic',
  lead: ['aerospace'],
  zone: null,
  area_km2: null,
  aliases: [],
  bbox: [119, 32, 119.1, 32.1],
  area_km2_computed: 12.5,
  ...extra,
});

const index = (change: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: TILES_INDEX_FORMAT,
  validated: {
    at: '2026-12-01T08:00:00.000Z',
    by: 'npm run tiles',
    registry_as_of: '2026-11',
    sha256: {},
  },
  tiles: 'tiles.pmtiles',
  park_records: 'park-records',
  bounds: [119, 32, 119.1, 32.1],
  max_zoom: 14,
  clusters: [],
  chains: [{ id: 'aerospace', cluster: 'c', color: '#112233' }],
  parks: [park('a'), park('b')],
  projects: [{ id: 'p', name: { zh: '项目' }, park: 'a', chain: 'aerospace' }],
  firms: [],
  ...change,
});

const refused = (value: unknown): string => {
  const read = readTilesIndex(value, URL_, FILE);
  if (read.ok) throw new Error('expected a refusal');
  return read.message;
};

describe('readTilesIndex', () => {
  it('reads the parks with their measures apart from their properties, and the files beside it', () => {
    const read = readTilesIndex(index(), URL_, FILE);
    if (!read.ok) throw new Error(read.message);
    const [first] = read.value.registry.parks;
    expect(first?.geometry).toBeNull();
    expect(first?.measured.bbox).toEqual([119, 32, 119.1, 32.1]);
    expect(first?.measured.area_km2_computed).toBe(12.5);
    expect(first?.properties).toMatchObject({
      id: 'a',
      name: { zh: '园a' },
      kind: 'main',
      level: 'provincial',
      district: '京口区',
      boundary: 'schematic',
      lead: ['aerospace'],
      zone: null,
      area_km2: null,
      aliases: [],
    });
    expect(read.value.registry.asOf).toBe('2026-11');
    expect(read.value.origin.archiveUrl).toBe('https://example.test/app/reg/tiles.pmtiles');
    expect(read.value.origin.parkFilesUrl).toBe('https://example.test/app/reg/park-records/');
    expect(read.value.origin.parkFilesName).toBe('reg/park-records/');
  });

  it('reads an index cut by an earlier cutter, whose parks also carry a label point', () => {
    const read = readTilesIndex(
      index({ parks: [park('a', { label: [119.05, 32.05] }), park('b', { aliases: ['乙园'] })] }),
      URL_,
      FILE,
    );
    if (!read.ok) throw new Error(read.message);
    const [first, second] = read.value.registry.parks;
    expect(first?.measured.area_km2_computed).toBe(12.5);
    expect(second?.properties.aliases).toEqual(['乙园']);
  });

  it('takes over the parsed lists instead of copying them', () => {
    const value = index();
    const read = readTilesIndex(value, URL_, FILE);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.registry.projects).toBe(value['projects']);
    expect(read.value.registry.parks).toBe(value['parks']);
    expect(read.value.registry.parks.map((p) => p.properties.id)).toEqual(['a', 'b']);
  });

  it('gives parks with the same lead chains one shared, frozen lead list', () => {
    const read = readTilesIndex(
      index({
        parks: [
          park('a', { lead: ['aerospace', 'nev-parts'] }),
          park('b', { lead: ['aerospace', 'nev-parts'] }),
          park('c', { lead: ['nev-parts', 'aerospace'] }),
        ],
      }),
      URL_,
      FILE,
    );
    if (!read.ok) throw new Error(read.message);
    const [a, b, c] = read.value.registry.parks.map((p) => p.properties.lead);
    expect(a).toEqual(['aerospace', 'nev-parts']);
    expect(b).toBe(a);
    // The order is the designated order, so another order is another list.
    expect(c).toEqual(['nev-parts', 'aerospace']);
    expect(c).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(refused(index({ parks: [park('a', { lead: ['aerospace', 7] })] }))).toBe(
      'reg/index.json park a has a lead chain that is not a non-empty string',
    );
  });

  it('refuses what is not an index, naming the file', () => {
    expect(refused([])).toBe('reg/index.json is not a JSON object');
    expect(refused({ type: 'FeatureCollection' })).toMatch(
      /^reg\/index\.json is not a tiles index \(it has no "format"\)/,
    );
  });

  it('refuses an index of another format and says how to get one it reads', () => {
    expect(refused(index({ format: 'zpe-tiles-index/1' }))).toBe(
      'reg/index.json has format "zpe-tiles-index/1", but this app reads "zpe-tiles-index/4"; cut the tiles again with npm run tiles',
    );
    // Version 2 carried every park's full record; its folder held geometry only.
    // A version 3 archive keeps its labels in a layer of their own, which this map no longer reads.
    expect(refused(index({ format: 'zpe-tiles-index/3' }))).toBe(
      'reg/index.json has format "zpe-tiles-index/3", but this app reads "zpe-tiles-index/4"; cut the tiles again with npm run tiles',
    );
    expect(refused(index({ format: 'zpe-tiles-index/2', park_geometry: 'park-geometry' }))).toBe(
      'reg/index.json has format "zpe-tiles-index/2", but this app reads "zpe-tiles-index/4"; cut the tiles again with npm run tiles',
    );
  });

  it('names the first park that lacks what the map and panels read', () => {
    expect(refused(index({ parks: [park('a'), park('b', { bbox: [1, 2, 3] })] }))).toBe(
      'reg/index.json park b has no bbox of 4 numbers',
    );
    expect(refused(index({ parks: [park('a'), park('a')] }))).toBe(
      'reg/index.json park a appears twice',
    );
    expect(refused(index({ parks: [{ name: { zh: 'x' } }] }))).toBe(
      'reg/index.json park 1 has no id',
    );
  });

  it('reads the aliases search matches, and refuses an index cut before they were in it', () => {
    const read = readTilesIndex(
      index({ parks: [park('a', { aliases: ['镇江综保区', '综保区'] }), park('b')] }),
      URL_,
      FILE,
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.value.registry.parks.map((p) => p.properties.aliases)).toEqual([
      ['镇江综保区', '综保区'],
      [],
    ]);
    const withoutAliases = park('b');
    delete withoutAliases['aliases'];
    expect(refused(index({ parks: [park('a'), withoutAliases] }))).toBe(
      'reg/index.json park b has no aliases list (the index was cut before aliases were in it; cut the tiles again with npm run tiles)',
    );
    expect(refused(index({ parks: [park('a', { aliases: ['x', ''] })] }))).toBe(
      'reg/index.json park a has an alias that is not a non-empty string',
    );
  });

  it('refuses an archive or folder that is not beside the index', () => {
    expect(refused(index({ tiles: '../other/tiles.pmtiles' }))).toMatch(/has no "tiles" file/);
    expect(refused(index({ tiles: 'https://evil.test/t.pmtiles' }))).toMatch(/has no "tiles"/);
    expect(refused(index({ park_records: '/abs' }))).toMatch(/"park_records"/);
  });

  it('refuses a missing validation record and a project without a chain', () => {
    expect(refused(index({ validated: { at: 'x' } }))).toMatch(/has no "validated" record/);
    expect(
      refused(index({ projects: [{ id: 'p', name: { zh: 'x' }, park: null, chain: '' }] })),
    ).toBe('reg/index.json project p has no chain');
  });
});

const respond = (body: string, status = 200): Promise<Response> =>
  Promise.resolve(new Response(body, { status }));

describe('loadTiledRegistry', () => {
  it('says when the server answered with a page instead of the index', async () => {
    const read = await loadTiledRegistry(URL_, FILE, () => respond('<!doctype html><html>'));
    expect(read).toEqual({
      ok: false,
      message:
        'reg/index.json is not JSON: got an HTML page instead (is the file missing on the server?)',
    });
  });

  it('says when the index could not be fetched', async () => {
    const read = await loadTiledRegistry(URL_, FILE, () => respond('', 404));
    expect(read).toEqual({ ok: false, message: 'could not load reg/index.json: HTTP 404' });
  });

  it('reads a good index', async () => {
    const read = await loadTiledRegistry(URL_, FILE, () => respond(JSON.stringify(index())));
    expect(read.ok && read.value.registry.parks.map((p) => p.properties.id)).toEqual(['a', 'b']);
  });
});
