import { describe, expect, it } from 'vitest';
import { loadParkFile, parkFileUrl } from '../../src/data/parkFile';
import type { ParkRecordRead } from '../../src/data/parkRecord';
import { parkRecordsOf, tiledParkRecords, wholeParkRecords } from '../../src/data/parkRecords';
import type { TilesOrigin } from '../../src/data/tiledRegistry';
import { registry } from '../fixtures/sampleRegistry';

const CUT = '2026-12-01T08:00:00.000Z';

const ORIGIN: TilesOrigin = {
  indexUrl: 'https://example.test/app/reg/index.json',
  indexFile: 'reg/index.json',
  archiveUrl: 'https://example.test/app/reg/tiles.pmtiles',
  parkFilesUrl: 'https://example.test/app/reg/park-records/',
  parkFilesName: 'reg/park-records/',
  validated: { at: CUT, by: 'npm run tiles', registry_as_of: '2026-11', sha256: {} },
  bounds: [119, 32, 119.1, 32.1],
  maxZoom: 14,
};

const respond = (body: string, status = 200): Promise<Response> =>
  Promise.resolve(new Response(body, { status }));

/** A park's file as `npm run tiles` writes it, from the sample registry, with `change` applied. */
function fileOf(parkId: string, change: Record<string, unknown> = {}): string {
  const park = registry.parks.find((p) => p.properties.id === parkId);
  if (!park) throw new Error(`no park ${parkId}`);
  return JSON.stringify({
    type: 'Feature',
    properties: park.properties,
    geometry: park.geometry,
    projects: registry.projects.filter((p) => p.park === parkId),
    validated_at: CUT,
    ...change,
  });
}

const GT = 'gt';

const message = (read: ParkRecordRead): string => (read.ok ? 'read' : read.message);

describe('loadParkFile', () => {
  it("reads the park's full record, exact geometry and projects from its own file", async () => {
    const asked: string[] = [];
    const read = await loadParkFile(ORIGIN, GT, (input) => {
      asked.push(String(input));
      return respond(fileOf(GT));
    });
    if (!read.ok) throw new Error(read.message);
    const whole = registry.parks.find((p) => p.properties.id === GT);
    expect(read.value.park).toEqual(whole);
    expect(read.value.projects.map((p) => p.id)).toEqual(
      registry.projects.filter((p) => p.park === GT).map((p) => p.id),
    );
    expect(read.value.projects[0]?.sources.length).toBeGreaterThan(0);
    expect(asked).toEqual(['https://example.test/app/reg/park-records/gt.geojson']);
    expect(parkFileUrl(ORIGIN, 'a b')).toBe(
      'https://example.test/app/reg/park-records/a%20b.geojson',
    );
  });

  it('refuses a file of another cut, naming the file, both cuts and what to do', async () => {
    const read = await loadParkFile(ORIGIN, GT, () =>
      respond(fileOf(GT, { validated_at: '2026-11-30T10:00:00.000Z' })),
    );
    expect(message(read)).toBe(
      'reg/park-records/gt.geojson is from the cut of 2026-11-30T10:00:00.000Z, but reg/index.json is from the cut of 2026-12-01T08:00:00.000Z; deploy the index and its reg/park-records/ folder from one npm run tiles run',
    );
    // Version 2's geometry-only file has no cut at all.
    const old = await loadParkFile(ORIGIN, GT, () =>
      respond(JSON.stringify({ type: 'Feature', properties: {}, geometry: null })),
    );
    expect(message(old)).toMatch(
      /^reg\/park-records\/gt\.geojson is from the cut of \(no validated_at\)/,
    );
  });

  it('names the file when it is missing, not JSON, or holds another park', async () => {
    expect(message(await loadParkFile(ORIGIN, GT, () => respond('', 404)))).toBe(
      'could not load reg/park-records/gt.geojson: HTTP 404',
    );
    expect(message(await loadParkFile(ORIGIN, GT, () => respond('<!doctype html>')))).toBe(
      'reg/park-records/gt.geojson is not JSON: got an HTML page instead (is the file missing on the server?)',
    );
    expect(
      message(await loadParkFile(ORIGIN, GT, () => Promise.reject(new Error('offline')))),
    ).toBe('could not load reg/park-records/gt.geojson: offline');
    const other = registry.parks.find((p) => p.properties.id !== GT)!.properties.id;
    expect(message(await loadParkFile(ORIGIN, GT, () => respond(fileOf(other))))).toBe(
      `reg/park-records/gt.geojson does not hold park gt (its properties.id differs)`,
    );
    expect(
      message(
        await loadParkFile(ORIGIN, GT, () => respond(fileOf(GT, { projects: [{ id: 'x' }] }))),
      ),
    ).toBe('reg/park-records/gt.geojson project x is not in park gt');
  });
});

/** A loader that answers from the sample registry, failing the parks in `failing`, and counts. */
function countingLoader(failing = new Set<string>()): {
  load: (parkId: string) => Promise<ParkRecordRead>;
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    load: (parkId) => {
      calls.push(parkId);
      return loadParkFile(ORIGIN, parkId, () =>
        failing.has(parkId) ? respond('', 503) : respond(fileOf(parkId)),
      );
    },
  };
}

describe('tiledParkRecords', () => {
  const ids = registry.parks.map((park) => park.properties.id);

  it('has nothing at once, reads a park once, and has it at once after', async () => {
    const { load, calls } = countingLoader();
    const records = tiledParkRecords(ORIGIN, load);
    expect(records.now(GT)).toBeUndefined();
    const [first, second] = await Promise.all([records.read(GT), records.read(GT)]);
    expect(first.ok && second.ok).toBe(true);
    expect(records.now(GT)?.park.properties.id).toBe(GT);
    expect((await records.read(GT)).ok).toBe(true);
    expect(calls).toEqual([GT]);
    expect(records.fileOf(GT)).toBe('reg/park-records/gt.geojson');
  });

  it('keeps only the last parks read, the least recently used going first', async () => {
    const { load, calls } = countingLoader();
    const records = tiledParkRecords(ORIGIN, load, 2);
    const [a, b, c] = ids as [string, string, string];
    await records.read(a);
    await records.read(b);
    expect(records.now(a)).toBeDefined(); // a is now the most recent
    await records.read(c); // pushes out b, the least recent
    expect(records.now(b)).toBeUndefined();
    expect(records.now(a)).toBeDefined();
    expect(records.now(c)).toBeDefined();
    expect(calls).toEqual([a, b, c]);
  });

  it('does not keep a failed read, so a retry reads the file again', async () => {
    const failing = new Set([GT]);
    const { load, calls } = countingLoader(failing);
    const records = tiledParkRecords(ORIGIN, load);
    expect(message(await records.read(GT))).toBe(
      'could not load reg/park-records/gt.geojson: HTTP 503',
    );
    expect(records.now(GT)).toBeUndefined();
    failing.clear();
    expect((await records.read(GT)).ok).toBe(true);
    expect(calls).toEqual([GT, GT]);
  });
});

describe('parkRecordsOf', () => {
  const ids = registry.parks.map((park) => park.properties.id);

  it("gives the parks' records in the order asked, without filling the cache", async () => {
    const { load } = countingLoader();
    const records = tiledParkRecords(ORIGIN, load);
    const read = await parkRecordsOf(records, ids, 3);
    expect(read.map((record) => record.park.properties.id)).toEqual(ids);
    for (const id of ids) expect(records.now(id)).toBeUndefined();
  });

  it('rejects with the message of a park that could not be read', async () => {
    const { load } = countingLoader(new Set([ids[2]!]));
    await expect(parkRecordsOf(tiledParkRecords(ORIGIN, load), ids)).rejects.toThrow(
      `could not load reg/park-records/${ids[2]!}.geojson: HTTP 503`,
    );
  });

  it('reads a registry loaded whole from memory: the parks and their projects themselves', async () => {
    const records = wholeParkRecords(registry);
    const read = await parkRecordsOf(records, ids);
    read.forEach((record, i) => {
      expect(record.park).toBe(registry.parks[i]);
      expect(record.projects).toEqual(
        registry.projects.filter((p) => p.park === record.park.properties.id),
      );
    });
    expect(records.fileOf(GT)).toBeNull();
  });
});
