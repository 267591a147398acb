import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParkFile } from '../../src/data/parkFile';
import {
  parkRecordsOf,
  tiledParkRecords,
  wholeParkRecords,
  type ParkRecords,
} from '../../src/data/parkRecords';
import type { Registry } from '../../src/data/registry';
import { readTilesIndex, type TiledRegistry } from '../../src/data/tiledRegistry';
import { fullProjectsOf, parksCsv, parksGeoJson, projectsCsv } from '../../src/domain/exportData';
import { defaultFilter, visibleParks, type FilterState } from '../../src/domain/filter';
import type { Lang } from '../../src/domain/i18n';
import { indexRegistry } from '../../src/domain/membership';
import { createRegistryView, type RegistryView } from '../../src/domain/registryView';
import { main } from '../../scripts/tiles';
import { validateDirectory } from '../../scripts/validate';

/**
 * The exports of a tiled registry equal those of the same registry loaded whole: the fixture
 * registry is cut with the real `npm run tiles`, then read as the app reads it (index.json, and
 * each park's file through the same reader, from disk), and the CSV and GeoJSON exports of both are
 * compared as text.
 */

const VALID = resolve(import.meta.dirname, '../fixtures/registry/valid');
const INDEX_URL = 'https://example.test/reg/index.json';

let dir: string;
let whole: { view: RegistryView; records: ParkRecords };
let tiled: { view: RegistryView; records: ParkRecords; origin: TiledRegistry['origin'] };
const fetched: string[] = [];

/** Serves the cut folder for https://example.test/reg/…, as a static host would. */
const fromDisk: typeof fetch = (input) => {
  const url = String(input instanceof Request ? input.url : input);
  fetched.push(url);
  const path = decodeURIComponent(url.replace('https://example.test/reg/', ''));
  try {
    return Promise.resolve(new Response(readFileSync(join(dir, path))));
  } catch {
    return Promise.resolve(new Response('', { status: 404 }));
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zpe-tiles-export-'));
  cpSync(VALID, dir, { recursive: true });
  expect(await main([dir], () => undefined)).toBe(0);
  const validated = await validateDirectory(dir);
  const registry: Registry = validated.registry;
  whole = {
    view: createRegistryView(indexRegistry(registry)),
    records: wholeParkRecords(registry),
  };
  const read = readTilesIndex(
    JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as unknown,
    INDEX_URL,
    'reg/index.json',
  );
  if (!read.ok) throw new Error(read.message);
  const { origin } = read.value;
  tiled = {
    origin,
    view: createRegistryView(indexRegistry(read.value.registry, origin)),
    records: tiledParkRecords(origin, (parkId) => loadParkFile(origin, parkId, fromDisk)),
  };
});

/** The three exports of what `filter` shows, as the export menu makes them. */
async function exportsOf(
  side: { view: RegistryView; records: ParkRecords },
  filter: FilterState,
  lang: Lang,
): Promise<{ parksCsv: string; projectsCsv: string; geojson: string }> {
  const ids = visibleParks(side.view, filter).map((park) => park.properties.id);
  const records = await parkRecordsOf(side.records, ids);
  const parks = records.map((record) => record.park);
  return {
    parksCsv: parksCsv(parks, side.view, lang, (park) => side.view.areaOf(park.properties.id)),
    projectsCsv: projectsCsv(fullProjectsOf(side.view, records), side.view, lang),
    geojson: parksGeoJson(parks),
  };
}

describe('exports on a tiled registry', () => {
  it('equal those of the registry loaded whole, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const filter = defaultFilter(whole.view);
      const expected = await exportsOf(whole, filter, lang);
      fetched.length = 0;
      const got = await exportsOf(tiled, filter, lang);
      expect(got.parksCsv).toBe(expected.parksCsv);
      expect(got.projectsCsv).toBe(expected.projectsCsv);
      expect(got.geojson).toBe(expected.geojson);
      // Read from the park files: the index has no sources to export.
      expect(fetched).toHaveLength(whole.view.parks.length);
      expect(expected.parksCsv).toMatch(/<https?:\/\//);
    }
  });

  it('equal them under a filter that hides some parks', async () => {
    const district = whole.view.parks[0]!.properties.district;
    const base = defaultFilter(whole.view);
    const filter: FilterState = {
      ...base,
      districts: new Set([...base.districts].filter((d) => d !== district)),
    };
    const expected = await exportsOf(whole, filter, 'zh');
    const got = await exportsOf(tiled, filter, 'zh');
    expect(visibleParks(whole.view, filter).length).toBeLessThan(whole.view.parks.length);
    expect(got).toEqual(expected);
  });

  it('fail with the name of a park file that is missing', async () => {
    const records = tiledParkRecords(tiled.origin, (parkId) =>
      loadParkFile(tiled.origin, parkId, (input) =>
        String(input).endsWith(`/${whole.view.parks[1]!.properties.id}.geojson`)
          ? Promise.resolve(new Response('', { status: 404 }))
          : fromDisk(input),
      ),
    );
    await expect(
      exportsOf({ view: tiled.view, records }, defaultFilter(tiled.view), 'zh'),
    ).rejects.toThrow(
      `could not load reg/park-records/${whole.view.parks[1]!.properties.id}.geojson: HTTP 404`,
    );
  });
});
