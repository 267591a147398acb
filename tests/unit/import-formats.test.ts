import { describe, expect, it } from 'vitest';
import {
  ImportError,
  convertSource,
  crsById,
  readImportFiles,
  type ImportSource,
} from '../../src/import';
import { converterFor } from '../../src/import/transform';
import { dbfEncoding } from '../../src/import/parse';
import { readPrj } from '../../src/import/prj';
import { KNOWN_BOUNDARIES } from '../fixtures/import/boundaries';
import { PRJ } from '../fixtures/import/generate';
import { fixture, maxVertexError, parseXml } from './import-helpers';

/** Reads a fixture and converts it with the system the file states or implies. */
function importFixture(name: string): { source: ImportSource; worst: number } {
  const source = readImportFiles([fixture(name)], { parseXml });
  const crs = source.guess.crs;
  if (!crs) throw new Error(`${name}: no coordinate system guessed`);
  const converted = convertSource(source, crs, source.guess.swapAxes);
  expect(converted.features).toHaveLength(KNOWN_BOUNDARIES.length);
  let worst = 0;
  converted.features.forEach((feature, i) => {
    worst = Math.max(worst, maxVertexError(feature.geometry, KNOWN_BOUNDARIES[i]!.geometry));
  });
  return { source, worst };
}

/**
 * Every fixture is the same three boundaries (tests/fixtures/import/boundaries.ts) in another
 * format or system. After import each vertex must be back within 1 m of the known WGS-84 vertex
 * (geodesic); in practice the bound is the 6-decimal rounding of parks.geojson, < 0.1 m.
 */
const ACCURACY_CASES: readonly { file: string; crs: string; certainty: string }[] = [
  { file: 'parks.wgs84.geojson', crs: 'wgs84', certainty: 'inferred' },
  { file: 'parks.kml', crs: 'wgs84', certainty: 'inferred' },
  { file: 'parks.kmz', crs: 'wgs84', certainty: 'inferred' },
  { file: 'parks-4490.zip', crs: 'cgcs2000', certainty: 'stated' },
  { file: 'parks-epsg4549.geojson', crs: 'EPSG:4549', certainty: 'stated' },
  { file: 'parks-4549.zip', crs: 'EPSG:4549', certainty: 'stated' },
  { file: 'parks-4528.zip', crs: 'EPSG:4528', certainty: 'stated' },
  { file: 'parks-2385.zip', crs: 'EPSG:2385', certainty: 'stated' },
  { file: 'parks-2364.zip', crs: 'EPSG:2364', certainty: 'stated' },
  { file: 'parks-2437.zip', crs: 'EPSG:2437', certainty: 'stated' },
  { file: 'parks-2416.zip', crs: 'EPSG:2416', certainty: 'stated' },
  { file: 'parks-4549-noprj.zip', crs: 'EPSG:4549', certainty: 'inferred' },
  { file: 'parks-4528-noprj.zip', crs: 'EPSG:4528', certainty: 'inferred' },
  // GCJ-02 / BD-09: the refined inverse is exact to < 1 µm (see import-crs), so the same bound holds.
  { file: 'parks.gcj02.geojson', crs: 'gcj02', certainty: 'inferred' },
  { file: 'parks.bd09.geojson', crs: 'bd09', certainty: 'inferred' },
];

describe('every format and coordinate system comes back to the known WGS-84 vertices', () => {
  for (const { file, crs, certainty } of ACCURACY_CASES) {
    it(`${file} (${crs}): every vertex within 0.1 m, well inside the 1 m requirement`, () => {
      const { source, worst } = importFixture(file);
      expect(source.guess.crs?.id).toBe(crs);
      expect(source.guess.certainty).toBe(certainty);
      expect(worst).toBeLessThan(0.1);
    });
  }

  it('without conversion a GCJ-02 file would be off by hundreds of metres (the test can fail)', () => {
    const source = readImportFiles([fixture('parks.gcj02.geojson')]);
    const raw = convertSource(source, crsById('wgs84')!);
    const worst = Math.max(
      ...raw.features.map((f, i) => maxVertexError(f.geometry, KNOWN_BOUNDARIES[i]!.geometry)),
    );
    expect(worst).toBeGreaterThan(400);
  });

  it('reading a Gauss–Krüger file as the wrong datum moves it by the datum difference', () => {
    const source = readImportFiles([fixture('parks-2437.zip')]);
    const asCgcs = convertSource(source, crsById('EPSG:4549')!);
    const worst = maxVertexError(asCgcs.features[0]!.geometry, KNOWN_BOUNDARIES[0]!.geometry);
    expect(worst).toBeGreaterThan(30);
    expect(worst).toBeLessThan(150);
  });

  it('writes RFC 7946 rings: the Shapefile’s clockwise outer rings come out counterclockwise', () => {
    const { source } = importFixture('parks-4549.zip');
    const converted = convertSource(source, source.guess.crs!);
    const hole = converted.features[1]!.geometry;
    expect(hole.type).toBe('Polygon');
    // Compared vertex by vertex in maxVertexError, so the order is the known (RFC 7946) one.
    expect(maxVertexError(hole, KNOWN_BOUNDARIES[1]!.geometry)).toBeLessThan(0.1);
  });
});

describe('attributes', () => {
  it('decodes GBK field names and values through the .cpg', () => {
    const source = readImportFiles([fixture('parks-4549.zip')]);
    expect(source.fields).toEqual(['名称', 'BH']);
    expect(source.features.map((f) => f.properties['名称'])).toEqual(
      KNOWN_BOUNDARIES.map((b) => b.name),
    );
    expect(source.notes.map((n) => n.en)).toContain('attributes decoded as gbk (.cpg)');
  });

  it('reads "936" in a .cpg as GBK', () => {
    const source = readImportFiles([fixture('parks-4528.zip')]);
    expect(source.features[0]?.properties['名称']).toBe('官塘创新社区');
  });

  it('without a .cpg, uses the .dbf language driver, else tries UTF-8 and falls back to GBK', () => {
    const withDriver = readImportFiles([fixture('parks-4549-noprj.zip')]);
    expect(withDriver.features[2]?.properties['名称']).toBe('镇江新材料产业园');
    expect(withDriver.notes.map((n) => n.en).join(' ')).toContain('language driver');
    const sniffed = readImportFiles([fixture('parks-4528-noprj.zip')]);
    expect(sniffed.features[1]?.properties['名称']).toBe('镇江生态汽车产业园');
    expect(sniffed.notes.map((n) => n.en).join(' ')).toContain('not UTF-8');
  });

  it('picks the encoding label from common .cpg spellings', () => {
    const empty = new Uint8Array(40);
    expect(dbfEncoding(empty, 'GBK').label).toBe('gbk');
    expect(dbfEncoding(empty, 'ANSI 936').label).toBe('gbk');
    expect(dbfEncoding(empty, 'CP936').label).toBe('gbk');
    expect(dbfEncoding(empty, 'UTF-8\r\n').label).toBe('utf-8');
    expect(dbfEncoding(empty, 'GB18030').label).toBe('gb18030');
  });

  it('reads the name and ExtendedData of KML placemarks', () => {
    const source = readImportFiles([fixture('parks.kml')], { parseXml });
    expect(source.fields).toEqual(['name', 'BH']);
    expect(source.features[0]?.properties).toEqual({ name: '官塘创新社区', BH: 'gt' });
  });

  it('reads a Shapefile chosen as loose files (.shp, .dbf, .prj, .cpg)', async () => {
    const { unzipSync } = await import('fflate');
    const entries = unzipSync(fixture('parks-4549.zip').bytes);
    const files = Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
    const source = readImportFiles(files);
    expect(source.format).toBe('shapefile');
    expect(source.guess.crs?.id).toBe('EPSG:4549');
    expect(source.features).toHaveLength(3);
  });
});

/** The error an import throws, as its English message. */
function failure(name: string): string {
  try {
    readImportFiles([fixture(name)], { parseXml });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).text.zh.startsWith(`${name}：`)).toBe(true);
    return (error as ImportError).message;
  }
  throw new Error(`${name} was imported without an error`);
}

describe('broken inputs give clear messages naming the file', () => {
  it('a truncated zip', () => {
    expect(failure('broken-truncated.zip')).toBe(
      'broken-truncated.zip: the archive cannot be read: it is damaged or truncated',
    );
  });

  it('a zip without a .shp', () => {
    expect(failure('broken-no-shp.zip')).toBe(
      'broken-no-shp.zip: no .shp file in the archive (found parks.dbf, parks.prj)',
    );
  });

  it('a .shp cut short', () => {
    expect(failure('broken-truncated-shp.zip')).toMatch(
      /^broken-truncated-shp\.zip: parks\.shp is truncated: its header says \d+ bytes, the file has \d+$/,
    );
  });

  it('an empty KML', () => {
    expect(failure('broken-empty.kml')).toBe('broken-empty.kml: the KML has no placemarks');
  });

  it('a KML of points', () => {
    expect(failure('broken-points.kml')).toBe(
      'broken-points.kml: no polygons found (3 points ignored)',
    );
  });

  it('a Shapefile of points', () => {
    expect(failure('broken-points.zip')).toBe(
      'broken-points.zip: no polygons found (3 points ignored)',
    );
  });

  it('an unknown .prj does not guess: it asks for the coordinate system', () => {
    const source = readImportFiles([fixture('broken-unknown-prj.zip')]);
    expect(source.guess.crs).toBeNull();
    expect(source.guess.certainty).toBe('unknown');
    expect(source.guess.message.en).toBe(
      'broken-unknown-prj.zip: unknown projection in .prj: LOCAL_CS["Zhenjiang site grid"] (LOCAL_CS is not a geographic or projected system); choose the coordinate system',
    );
  });

  it('text that is neither JSON nor XML, an empty file, and JSON that is not GeoJSON', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(() => readImportFiles([{ name: 'a.geojson', bytes: bytes('{"type": ') }])).toThrow(
      /^a\.geojson: not valid JSON/,
    );
    expect(() => readImportFiles([{ name: 'b.kml', bytes: new Uint8Array() }])).toThrow(
      'b.kml: the file is empty',
    );
    expect(() => readImportFiles([{ name: 'c.json', bytes: bytes('[1,2]') }])).toThrow(
      'c.json: not GeoJSON (not a JSON object)',
    );
    expect(() => readImportFiles([{ name: 'd.txt', bytes: bytes('hello') }])).toThrow(
      /^d\.txt: unrecognised format/,
    );
    expect(() =>
      readImportFiles([{ name: 'e.kml', bytes: bytes('<kml><Placemark>') }], { parseXml }),
    ).toThrow(/^e\.kml: not valid KML\/XML/);
  });

  it('a GeoJSON whose crs member names an unknown system', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:27700' } },
        features: [],
      }),
    );
    expect(() => readImportFiles([{ name: 'uk.geojson', bytes }])).toThrow(
      /^uk\.geojson: unknown coordinate system in the crs member: EPSG:27700/,
    );
  });
});

describe('.prj reading', () => {
  it('recognises every fixture .prj', () => {
    const expected: Record<string, string> = {
      4490: 'cgcs2000',
      4549: 'EPSG:4549',
      4528: 'EPSG:4528',
      2385: 'EPSG:2385',
      2364: 'EPSG:2364',
      2437: 'EPSG:2437',
      2416: 'EPSG:2416',
    };
    for (const [code, id] of Object.entries(expected)) {
      const read = readPrj(PRJ[code]!);
      expect(read.ok && read.crs.id).toBe(id);
    }
  });

  it('builds a custom transverse Mercator from parameters that match no EPSG code (UTM 50N)', () => {
    const utm =
      'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const read = readPrj(utm);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.crs.id).toBe('custom');
    expect(read.crs.proj4).toContain('+k=0.9996');
    // cs2cs +proj=longlat +datum=WGS84 +to +proj=utm +zone=50: 119.4245 32.2065 → E 728521.9168, N 3565902.9049.
    const [lon, lat] = converterFor(read.crs)([728521.9168, 3565902.9049]);
    expect(lon).toBeCloseTo(119.4245, 6);
    expect(lat).toBeCloseTo(32.2065, 6);
  });

  it('reads WKT 2 and EPSG authorities, and refuses other projections', () => {
    const wkt2 =
      'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101]]],CONVERSION["3-degree Gauss-Kruger CM 120E",METHOD["Transverse Mercator"],PARAMETER["Latitude of natural origin",0],PARAMETER["Longitude of natural origin",120],PARAMETER["Scale factor at natural origin",1],PARAMETER["False easting",500000],PARAMETER["False northing",0]],CS[Cartesian,2],LENGTHUNIT["metre",1]]';
    const read = readPrj(wkt2);
    expect(read.ok && read.crs.id).toBe('EPSG:4549');
    const lambert =
      'PROJCS["Asia_Lambert_Conformal_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",105.0],UNIT["Meter",1.0]]';
    const refused = readPrj(lambert);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toBe(
      'projection "lambertconformalconic" is not Gauss–Krüger / transverse Mercator',
    );
    expect(readPrj('not wkt at all').ok).toBe(false);
  });
});
