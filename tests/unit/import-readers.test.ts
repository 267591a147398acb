import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertSource, readImportFiles, type InputFile } from '../../src/import';
import { crsById } from '../../src/import/crs';
import { shiftById } from '../../src/import/datum';
import { withShift } from '../../src/import/crs';
import { dbfEncoding } from '../../src/import/parse';
import { readPrj } from '../../src/import/prj';
import { converterFor } from '../../src/import/transform';
import { KNOWN_BOUNDARIES } from '../fixtures/import/boundaries';
import {
  PRJ,
  geoJson,
  identity,
  kml,
  kmlPolygons,
  offsetTo,
  projectTo,
  shapefile,
  zipLayer,
} from '../fixtures/import/generate';
import { encodeGbk, writeShapefile } from '../fixtures/import/shapefile-writer';
import gcoord from 'gcoord';
import { geodesicMetres, maxVertexError, parseXml } from './import-helpers';

/**
 * The readers against files the project did not write: file-name hints that lie or were already
 * applied, stated systems, TOWGS84, multi-layer and doubled zips, GB2312 KML, kml:-prefixed KML,
 * GBK field names without .cpg, GPX and TopoJSON. Every fixture is built here from the known
 * boundaries, so each case says exactly what it holds.
 */

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, content: string | Uint8Array): InputFile => ({
  name,
  bytes: typeof content === 'string' ? utf8(content) : content,
});
const read = (f: InputFile) => readImportFiles([f], { parseXml });

/** The largest vertex error of a file converted with a system, against the known boundaries. */
function worstError(f: InputFile, crsId?: string, shift?: string): number {
  const source = read(f);
  let crs = crsId ? crsById(crsId) : source.guess.crs;
  if (!crs) throw new Error('no system');
  if (shift) crs = withShift(crs, shiftById(shift)!);
  const converted = convertSource(source, crs, crsId ? false : source.guess.swapAxes);
  return Math.max(
    ...converted.features.map((c, i) => maxVertexError(c.geometry, KNOWN_BOUNDARIES[i]!.geometry)),
  );
}

describe('a guessed system is a suggestion with every fit and its move, never a decision', () => {
  it('GeoJSON without a crs member: WGS-84, GCJ-02 and BD-09 all fit; inferred, not stated', () => {
    const source = read(file('district.geojson', geoJson(offsetTo(gcoord.GCJ02))));
    expect(source.guess.certainty).toBe('inferred');
    expect(source.guess.crs?.id).toBe('wgs84');
    const moves = source.guess.candidates.map((c) => [c.crs.id, Math.round(c.moveMetres)]);
    expect(moves.map(([id]) => id)).toEqual(['wgs84', 'gcj02', 'bd09']);
    expect(moves[1]![1]).toBeGreaterThan(450);
    expect(source.guess.message.en).toMatch(/Chinese platforms publish GCJ-02/);
  });

  it('KML is inferred too: map apps write GCJ-02 into it', () => {
    const source = read(file('trace.kml', kml(kmlPolygons())));
    expect(source.guess.certainty).toBe('inferred');
    expect(source.guess.message.en).toMatch(/map apps/);
  });

  it('a file-name hint orders the candidates but is still only inferred', () => {
    const source = read(file('高德描边.geojson', geoJson(offsetTo(gcoord.GCJ02))));
    expect(source.guess.crs?.id).toBe('gcj02');
    expect(source.guess.certainty).toBe('inferred');
    expect(source.guess.source).toBe('file-name');
  });

  for (const name of [
    '园区_gcj02转wgs84.geojson',
    'parks_amap2wgs.geojson',
    '边界_百度坐标已纠偏.geojson',
  ]) {
    it(`a name saying it was already converted (${name}) is WGS-84 and not converted again`, () => {
      const f = file(name, geoJson(identity));
      const source = read(f);
      expect(source.guess.crs?.id).toBe('wgs84');
      expect(source.guess.message.en).toMatch(/already converted/);
      expect(worstError(f)).toBeLessThan(0.1);
    });
  }

  it('a stated crs member beats the file name', () => {
    const f = file(
      'parks_gcj02.geojson',
      geoJson(identity, {
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      }),
    );
    const source = read(f);
    expect(source.guess.certainty).toBe('stated');
    expect(source.guess.crs?.id).toBe('wgs84');
    expect(source.guess.message.en).toMatch(
      /the file name suggests GCJ-02, but what the file states wins/,
    );
    expect(worstError(f)).toBeLessThan(0.1);
  });

  it('a stated .prj beats the file name', () => {
    const zip = zipLayer('parks', shapefile(identity, { encoding: 'utf-8' }), PRJ[4490]!, 'UTF-8');
    const source = read(file('amap_export.zip', zip));
    expect(source.guess.certainty).toBe('stated');
    expect(source.guess.crs?.id).toBe('cgcs2000');
  });

  it('Beijing 1954 Gauss–Krüger without .prj is not assumed CGCS2000: all three datums are offered', () => {
    const zip = zipLayer('parks', shapefile(projectTo(2437), { encoding: 'utf-8' }), null, null);
    const source = read(file('bj54.zip', zip));
    expect(source.guess.certainty).toBe('inferred');
    const ids = source.guess.candidates.map((c) => c.crs.id);
    expect(ids).toContain('EPSG:2437');
    expect(ids).toContain('EPSG:2385');
    const bj = source.guess.candidates.find((c) => c.crs.id === 'EPSG:2437')!;
    expect(bj.moveMetres).toBeGreaterThan(60);
    expect(worstError(file('bj54.zip', zip), 'EPSG:2437')).toBeLessThan(0.1);
  });
});

describe('datum shifts: the .prj’s own, the built-in, or the user’s', () => {
  // cs2cs +proj=longlat +datum=WGS84 +to +proj=tmerc +lon_0=120 +x_0=500000 +ellps=krass
  //   +towgs84=24,-123,-94,0.02,-0.25,-0.13,1.1: 119.4624 32.1528 → 449243.9045 3559003.3138.
  const bureau =
    'PROJCS["Beijing_1954_3_Degree_GK_CM_120E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3],TOWGS84[24,-123,-94,0.02,-0.25,-0.13,1.1]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

  it('honours a TOWGS84 in the .prj (a survey bureau’s parameters) and names it', () => {
    const result = readPrj(bureau);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.crs.shift.id).toBe('prj');
    expect(result.crs.shift.name.en).toContain('24, -123, -94 m');
    const [lon, lat] = converterFor(result.crs)([449243.9045, 3559003.3138]);
    expect(geodesicMetres([lon, lat], [119.4624, 32.1528])).toBeLessThan(0.01);
    // The built-in EPSG:15919 would put the same point tens of metres away.
    const builtIn = readPrj(PRJ[2437]!);
    if (!builtIn.ok) throw new Error('2437');
    const other = converterFor(builtIn.crs)([449243.9045, 3559003.3138]);
    expect(geodesicMetres(other, [119.4624, 32.1528])).toBeGreaterThan(20);
  });

  it('Beijing 1954 applies EPSG:15919 by default and names it; "none" moves Zhenjiang by about 68 m', () => {
    const crs = crsById('EPSG:2437')!;
    expect(crs.shift.id).toBe('epsg15919');
    expect(crs.shift.name.en).toMatch(/EPSG:15919/);
    const none = withShift(crs, shiftById('none')!);
    const p = [449219.8227, 3558962.0641];
    const moved = geodesicMetres(converterFor(crs)(p), converterFor(none)(p));
    expect(moved).toBeGreaterThan(60);
    expect(moved).toBeLessThan(75);
  });

  it('takes the user’s seven parameters', () => {
    const crs = withShift(
      crsById('EPSG:2437')!,
      shiftById('towgs84:24,-123,-94,0.02,-0.25,-0.13,1.1')!,
    );
    const [lon, lat] = converterFor(crs)([449243.9045, 3559003.3138]);
    expect(geodesicMetres([lon, lat], [119.4624, 32.1528])).toBeLessThan(0.01);
    expect(shiftById('towgs84:1,2')).toBeNull();
    expect(shiftById('epsg:9999')).toBeNull();
  });
});

describe('multi-layer and doubled zips', () => {
  const layerFiles = (
    name: string,
    code: number | 'wgs',
    prj: string | null,
  ): Record<string, Uint8Array> => {
    const parts = shapefile(code === 'wgs' ? identity : projectTo(code), { encoding: 'utf-8' });
    return {
      [`${name}.shp`]: parts.shp,
      [`${name}.shx`]: parts.shx,
      [`${name}.dbf`]: parts.dbf,
      ...(prj ? { [`${name}.prj`]: utf8(prj) } : {}),
    };
  };

  it('refuses layers in different systems plainly, naming each', () => {
    const zip = zipSync({
      ...layerFiles('a', 4549, PRJ[4549]!),
      ...layerFiles('b', 2437, PRJ[2437]!),
    });
    expect(() => read(file('two.zip', zip))).toThrow(
      /^two\.zip: the archive's 2 layers are in different coordinate systems \(a: EPSG:4549; b: EPSG:2437\): import one layer at a time/,
    );
  });

  it('reads one layer of them when asked', () => {
    const zip = zipSync({
      ...layerFiles('a', 4549, PRJ[4549]!),
      ...layerFiles('b', 2437, PRJ[2437]!),
    });
    const source = readImportFiles([file('two.zip', zip)], { layer: 'b' });
    expect(source.guess.crs?.id).toBe('EPSG:2437');
    expect(source.features).toHaveLength(KNOWN_BOUNDARIES.length);
  });

  it('the same layer under two names is read once', () => {
    const a = layerFiles('a', 4549, PRJ[4549]!);
    const b = layerFiles('b', 4549, PRJ[4549]!);
    const source = read(file('same.zip', zipSync({ ...a, ...b })));
    expect(source.features).toHaveLength(KNOWN_BOUNDARIES.length);
    expect(source.notes.map((n) => n.en).join('\n')).toMatch(
      /layer b\.shp is the same as a\.shp: read once/,
    );
  });

  it('a zip holding the same layer twice (a copy in a folder) does not double every park', () => {
    const a = layerFiles('parks', 4549, PRJ[4549]!);
    const copy = Object.fromEntries(Object.entries(a).map(([k, v]) => [`backup/${k}`, v]));
    const source = read(file('twice.zip', zipSync({ ...a, ...copy })));
    expect(source.features).toHaveLength(KNOWN_BOUNDARIES.length);
  });

  it('layers in one system are read together; features a second layer repeats exactly are read once', () => {
    const a = layerFiles('parks', 4549, PRJ[4549]!);
    // A second layer: the first park again (same shape, same attributes) and nothing else.
    const first = KNOWN_BOUNDARIES[0]!;
    const all = shapefile(projectTo(4549), { encoding: 'utf-8' });
    const one = writeShapefile({
      shapes: [
        {
          type: 'polygon',
          rings: first.geometry.coordinates.map((ring) => ring.map(projectTo(4549)).reverse()),
        },
      ],
      fields: ['名称', 'BH'],
      records: [{ 名称: first.name, BH: first.bh }],
      encoding: 'utf-8',
    });
    expect(one.shp.length).toBeLessThan(all.shp.length);
    const zip = zipSync({
      ...a,
      'extra.shp': one.shp,
      'extra.dbf': one.dbf,
      'extra.prj': utf8(PRJ[4549]!),
    });
    const source = read(file('layers.zip', zip));
    expect(source.features).toHaveLength(KNOWN_BOUNDARIES.length);
    const notes = source.notes.map((n) => n.en).join('\n');
    expect(notes).toMatch(/2 layers read \(extra, parks\), in the same coordinate system/);
    expect(notes).toMatch(/1 feature repeats an earlier one exactly/);
  });
});

describe('encodings and dialects', () => {
  it('decodes KML declared encoding="GB2312" as GBK', () => {
    const textKml = kml(kmlPolygons()).replace('encoding="UTF-8"', 'encoding="GB2312"');
    const source = read(file('gb.kml', encodeGbk(textKml)));
    expect(source.features[0]?.properties['name']).toBe(KNOWN_BOUNDARIES[0]!.name);
    expect(source.notes.map((n) => n.en)).toContain('decoded as gb2312, as the file declares');
  });

  it('reads kml:-prefixed KML', () => {
    const plain = kml(kmlPolygons());
    const prefixed = plain
      .replace(
        '<kml xmlns="http://www.opengis.net/kml/2.2">',
        '<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2">',
      )
      .replace(/<(\/?)(?!\?)(?!kml:)([A-Za-z])/g, '<$1kml:$2')
      .replace('</kml:kml:kml>', '</kml:kml>');
    expect(prefixed).toContain('<kml:Placemark>');
    const source = read(file('prefixed.kml', prefixed));
    expect(source.features).toHaveLength(KNOWN_BOUNDARIES.length);
    expect(source.features[0]?.properties['name']).toBe(KNOWN_BOUNDARIES[0]!.name);
  });

  it('detects GBK field names in a .dbf without .cpg whose records are ASCII', () => {
    const parts = writeShapefile({
      shapes: [
        {
          type: 'polygon',
          rings: [
            [
              [0, 0],
              [0, 1],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      ],
      fields: ['名称'],
      records: [{ 名称: 'gt' }],
      encoding: 'gbk',
    });
    expect(dbfEncoding(parts.dbf, null).label).toBe('gbk');
    expect(dbfEncoding(parts.dbf, null).how.en).toMatch(/field names are not UTF-8/);
  });
});

describe('GPX and TopoJSON', () => {
  it('GPX gets its own message: tracks are not polygons', () => {
    const gpx = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="32.15" lon="119.46"/></trkseg></trk><wpt lat="32.1" lon="119.4"/></gpx>`;
    expect(() => read(file('walk.gpx', gpx))).toThrow(
      'walk.gpx: a GPX file holds tracks, routes and waypoints (1 track, 0 routes, 1 waypoint), not polygons: export the park boundary as KML, GeoJSON or a Shapefile',
    );
  });

  const square = KNOWN_BOUNDARIES[0]!.geometry.coordinates[0]!;
  it('reads TopoJSON with topojson-client', () => {
    const topology = {
      type: 'Topology',
      objects: {
        parks: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]], properties: { 名称: KNOWN_BOUNDARIES[0]!.name } },
          ],
        },
      },
      arcs: [square],
    };
    const source = read(file('parks.topojson', JSON.stringify(topology)));
    expect(source.format).toBe('topojson');
    expect(source.features[0]?.properties['名称']).toBe(KNOWN_BOUNDARIES[0]!.name);
    expect(source.guess.certainty).toBe('inferred');
    expect(worstError(file('parks.topojson', JSON.stringify(topology)), 'wgs84')).toBe(0);
  });

  it('a quantized TopoJSON is decoded through its transform', () => {
    const topology = {
      type: 'Topology',
      transform: { scale: [0.001, 0.001], translate: [119, 32] },
      objects: { a: { type: 'Polygon', arcs: [[0]] } },
      arcs: [
        [
          [400, 100],
          [100, 0],
          [0, 100],
          [-100, 0],
          [0, -100],
        ],
      ],
    };
    const source = read(file('q.json', JSON.stringify(topology)));
    expect(source.features[0]?.geometry.coordinates[0]?.[0]).toEqual([119.4, 32.1]);
  });

  it('a TopoJSON naming arcs it does not have gets one line', () => {
    const topology = {
      type: 'Topology',
      objects: { a: { type: 'Polygon', arcs: [[3]] } },
      arcs: [],
    };
    expect(() => read(file('bad.topojson', JSON.stringify(topology)))).toThrow(
      'bad.topojson: TopoJSON object "a" refers to arcs that do not exist, or is malformed',
    );
  });
});

describe('a wrong system or axis order is diagnosed as such', () => {
  it('Gauss–Krüger metres read as WGS-84 degrees: one warning naming the systems that fit', () => {
    const source = read(file('parks.json', geoJson(projectTo(4549))));
    const converted = convertSource(source, crsById('wgs84')!);
    expect(converted.misplaced).toBe(true);
    expect(converted.warnings[0]?.en).toMatch(
      /^Read as WGS-84 .*, 100% of the positions do not land in Zhenjiang: the coordinate system or the axis order is wrong; systems that fit: EPSG:4549 = /,
    );
    expect(converted.warnings.map((w) => w.en).join('\n')).not.toMatch(/collapse/);
  });

  it('latitude-first degrees read as they are: swapping the axes fixes it', () => {
    const swapped = geoJson((p) => [p[1] ?? 0, p[0] ?? 0]);
    const converted = convertSource(read(file('latlon.geojson', swapped)), crsById('wgs84')!);
    expect(converted.misplaced).toBe(true);
    expect(converted.warnings[0]?.en).toMatch(
      /\(swapping the axes fixes it\); systems that fit: wgs84 \(axes swapped\)/,
    );
  });

  it('data in Zhenjiang is not misplaced, and the transformation applied is named', () => {
    const converted = convertSource(
      read(
        file(
          'p.zip',
          zipLayer('p', shapefile(projectTo(2437), { encoding: 'utf-8' }), PRJ[2437]!, null),
        ),
      ),
      crsById('EPSG:2437')!,
    );
    expect(converted.misplaced).toBe(false);
    expect(converted.transformation.en).toMatch(
      /^inverse projection, EPSG:15919 "Beijing 1954 to WGS 84 \(2\)"/,
    );
  });
});
