import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BD09, GCJ02, crsById, crsFromEpsg, gkCode } from '../../src/import/crs';
import { inferCrs } from '../../src/import/guess';
import { gcoordInverse, invertNearIdentity } from '../../src/import/offset';
import { converterFor } from '../../src/import/transform';
import { FIXTURES, geodesicMetres } from './import-helpers';

/** Four WGS-84 points in Zhenjiang: the railway station, 官塘, the south-west and north-east corners. */
const POINTS: readonly Position[] = [
  [119.4245, 32.2065],
  [119.465, 32.15],
  [119.05, 31.75],
  [119.98, 32.28],
];

/**
 * The same points in each system, computed independently with PROJ 9.1.1:
 * `cs2cs -f %.4f +proj=longlat +datum=WGS84 +to EPSG:NNNN` (northing, easting as PROJ prints them).
 * PROJ chose no datum shift for CGCS2000 and Xian 1980 (its "ballpark"). For Beijing 1954 it uses
 * EPSG:15919 (`projinfo -s EPSG:4326 -t EPSG:2437 --spatial-test intersects`) where that
 * transformation's area reaches, and something else west of about 119.3° E; so the Beijing rows
 * come from cs2cs with that one transformation spelled out for all four points
 * (`+ellps=krass +towgs84=15.53,-113.82,-41.38,0,0,0.814,-0.38`).
 */
const CS2CS: Readonly<Record<number, readonly (readonly [northing: number, easting: number])[]>> = {
  4549: [
    [3564896.171, 445741.0329],
    [3558611.0477, 449528.3241],
    [3514523.9802, 409986.9427],
    [3572901.6035, 498115.9029],
  ],
  4528: [
    [3564896.171, 40445741.0329],
    [3558611.0477, 40449528.3241],
    [3514523.9802, 40409986.9427],
    [3572901.6035, 40498115.9029],
  ],
  2385: [
    [3564897.8326, 445741.0073],
    [3558612.7063, 449528.3004],
    [3514525.6182, 409986.9003],
    [3572903.2688, 498115.902],
  ],
  2364: [
    [3564897.8326, 40445741.0073],
    [3558612.7063, 40449528.3004],
    [3514525.6182, 40409986.9003],
    [3572903.2688, 40498115.902],
  ],
  2437: [
    [3564935.4736, 445676.2812],
    [3558650.3455, 449463.5576],
    [3514563.3808, 409922.1053],
    [3572940.7927, 498051.1421],
  ],
  2416: [
    [3564935.4736, 40445676.2812],
    [3558650.3455, 40449463.5576],
    [3514563.3808, 40409922.1053],
    [3572940.7927, 40498051.1421],
  ],
  // CGCS2000 6-degree zone 20 (central meridian 117° E), with the zone prefix.
  4498: [
    [3567329.8368, 20728613.3622],
    [3561148.9497, 20732576.9414],
    [3515960.4162, 20694253.3351],
    [3576803.2374, 20780785.2491],
  ],
};

describe('Gauss–Krüger systems built from parameters agree with PROJ', () => {
  for (const [code, expected] of Object.entries(CS2CS)) {
    it(`EPSG:${code}: PROJ's eastings/northings come back to the WGS-84 points within 1 mm`, () => {
      const crs = crsFromEpsg(Number(code));
      expect(crs).not.toBeNull();
      const convert = converterFor(crs!);
      expected.forEach(([northing, easting], i) => {
        const back = convert([easting, northing]);
        expect(geodesicMetres(back, POINTS[i]!)).toBeLessThan(0.001);
      });
    });
  }

  it('the proj4 definitions match `projinfo -o PROJ` for the Zhenjiang systems', () => {
    const projinfo: Record<number, string> = {
      4549: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
      4528: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
      // Beijing 1954 with the datum shift PROJ applies at Zhenjiang (EPSG:15919).
      2437: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=krass +towgs84=15.53,-113.82,-41.38,0,0,0.814,-0.38 +units=m +no_defs',
      21413:
        '+proj=tmerc +lat_0=0 +lon_0=75 +k=1 +x_0=13500000 +y_0=0 +ellps=krass +towgs84=15.53,-113.82,-41.38,0,0,0.814,-0.38 +units=m +no_defs',
      4509: '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    };
    for (const [code, definition] of Object.entries(projinfo)) {
      expect(crsFromEpsg(Number(code))?.proj4).toBe(definition);
    }
    // Xian 1980 is PROJ's IAU76 ellipsoid, spelled out.
    expect(crsFromEpsg(2385)?.proj4).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +a=6378140 +rf=298.257 +units=m +no_defs',
    );
  });

  it('knows the EPSG code ranges of every Gauss–Krüger family and rejects others', () => {
    expect(gkCode('cgcs2000', 3, 120, false)).toBe(4549);
    expect(gkCode('cgcs2000', 3, 120, true)).toBe(4528);
    expect(gkCode('xian1980', 3, 120, false)).toBe(2385);
    expect(gkCode('xian1980', 3, 120, true)).toBe(2364);
    expect(gkCode('beijing1954', 3, 120, false)).toBe(2437);
    expect(gkCode('beijing1954', 3, 120, true)).toBe(2416);
    expect(gkCode('cgcs2000', 6, 117, true)).toBe(4498);
    expect(gkCode('beijing1954', 6, 117, false)).toBe(21460);
    expect(gkCode('cgcs2000', 3, 121, false)).toBeNull();
    expect(crsFromEpsg(4554)?.name.en).toContain('CM 135E');
    expect(crsFromEpsg(4555)).toBeNull();
    expect(crsFromEpsg(9999)).toBeNull();
  });

  it('reads the names the command line accepts', () => {
    expect(crsById('wgs84')?.id).toBe('wgs84');
    expect(crsById('CGCS2000')?.id).toBe('cgcs2000');
    expect(crsById('gcj02')?.kind).toBe('offset');
    expect(crsById('bd09')?.id).toBe('bd09');
    expect(crsById('EPSG:4549')?.id).toBe('EPSG:4549');
    expect(crsById('epsg:4490')?.id).toBe('cgcs2000');
    expect(crsById('2385')?.datum).toBe('xian1980');
    expect(crsById('EPSG:1234')).toBeNull();
    expect(crsById('utm')).toBeNull();
  });

  it('says how uncertain the Xian 1980 and Beijing 1954 datum shifts are', () => {
    expect(crsFromEpsg(2385)?.caveat?.en).toMatch(/no datum shift/i);
    expect(crsFromEpsg(2416)?.caveat?.en).toMatch(/EPSG:15919/);
    expect(crsFromEpsg(4549)?.caveat).toBeUndefined();
  });
});

/** A grid of 21 × 21 points over the Zhenjiang box. */
function grid(): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= 20; i++)
    for (let j = 0; j <= 20; j++) points.push([118.8 + (1.5 * i) / 20, 31.5 + (1.1 * j) / 20]);
  return points;
}

describe('GCJ-02 and BD-09 inverses', () => {
  const cases = [
    { name: 'GCJ-02', crs: GCJ02, to: gcoord.GCJ02, key: 'gcj02' as const },
    { name: 'BD-09', crs: BD09, to: gcoord.BD09, key: 'bd09' as const },
  ];
  for (const { name, crs, to, key } of cases) {
    it(`${name}: gcoord's one-step inverse is off by up to 0.11–0.13 m over Zhenjiang; the refined inverse by < 1 µm`, () => {
      const plain = gcoordInverse(key);
      const refined = converterFor(crs);
      let worstPlain = 0;
      let worstRefined = 0;
      for (const point of grid()) {
        const offset = gcoord.transform([...point] as [number, number], gcoord.WGS84, to);
        worstPlain = Math.max(worstPlain, geodesicMetres(plain(offset), point));
        worstRefined = Math.max(worstRefined, geodesicMetres(refined(offset), point));
      }
      // Measured: GCJ-02 0.107 m, BD-09 0.126 m for gcoord alone; refined < 1e-7 m for both.
      expect(worstPlain).toBeGreaterThan(0.05);
      expect(worstPlain).toBeLessThan(0.15);
      expect(worstRefined).toBeLessThan(1e-6);
    });
  }

  it('the offsets are the size the basemap notes measured at the railway station (GCJ-02 ≈ 513 m E, 209 m S)', () => {
    const [lon, lat] = [119.4245, 32.2065];
    const [gLon = 0, gLat = 0] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
    const east = geodesicMetres([lon, lat], [gLon, lat]) * Math.sign(gLon - lon);
    const north = geodesicMetres([lon, lat], [lon, gLat]) * Math.sign(gLat - lat);
    expect(east).toBeGreaterThan(400);
    expect(east).toBeLessThan(600);
    expect(north).toBeLessThan(-150);
    expect(north).toBeGreaterThan(-300);
    const back = converterFor(GCJ02)([gLon, gLat]);
    expect(geodesicMetres(back, [lon, lat])).toBeLessThan(1e-6);
  });

  it('a real GCJ-02 sample (扬中市 from AMap) converts onto its WGS-84 twin within its 6-decimal rounding', () => {
    const twin = JSON.parse(readFileSync(resolve(FIXTURES, 'yangzhong-twin.json'), 'utf8')) as {
      gcj02: Position[];
      wgs84: Position[];
    };
    const convert = converterFor(GCJ02);
    let worst = 0;
    for (const position of twin.gcj02) {
      const converted = convert(position);
      // The twins list their vertices from different starting points: pair each with its nearest.
      const nearest = Math.min(...twin.wgs84.map((w) => geodesicMetres(converted, w)));
      worst = Math.max(worst, nearest);
    }
    expect(twin.gcj02.length).toBe(273);
    // 6 decimals are at most 0.05 m east and 0.056 m north apart at 32° N.
    expect(worst).toBeLessThan(0.08);
  });

  it('fixed-point inversion stops on a transform close to the identity', () => {
    const shift = ([x, y]: [number, number]): [number, number] => [
      x + 0.001 * Math.sin(y),
      y + 0.002,
    ];
    const target: [number, number] = [119.5, 32.1];
    const [x, y] = invertNearIdentity(shift, target, target);
    const [fx, fy] = shift([x, y]);
    expect(Math.abs(fx - target[0])).toBeLessThan(1e-9);
    expect(Math.abs(fy - target[1])).toBeLessThan(1e-9);
  });
});

describe('inferring the system from coordinate magnitudes', () => {
  /** The guess for a file named `data.json` holding these positions. */
  const infer = (points: readonly (readonly [number, number])[]) =>
    inferCrs(
      'data.json',
      points.map(([x, y]) => [x, y]),
      null,
    );
  const gk = CS2CS[4549]!.map(([n, e]) => [e, n] as const);
  const prefixed = CS2CS[4528]!.map(([n, e]) => [e, n] as const);

  it('degrees in Zhenjiang are WGS-84 (inferred, with a word on GCJ-02)', () => {
    const guess = infer(POINTS.map((p) => [p[0]!, p[1]!] as const));
    expect(guess.crs?.id).toBe('wgs84');
    expect(guess.swapAxes).toBe(false);
    expect(guess.certainty).toBe('inferred');
    // Degrees are a guess: GCJ-02 and BD-09 fit too, and each says how far it would move them.
    expect(guess.candidates.map((c) => c.crs.id)).toEqual(['wgs84', 'gcj02', 'bd09']);
    const [asIs, gcj, bd] = guess.candidates.map((c) => c.moveMetres);
    expect(asIs).toBe(0);
    expect(gcj).toBeGreaterThan(450);
    expect(gcj).toBeLessThan(650);
    expect(bd).toBeGreaterThan(1000);
    expect(bd).toBeLessThan(1400);
  });

  it('latitude-first degrees are swapped', () => {
    const guess = infer(POINTS.map((p) => [p[1]!, p[0]!] as const));
    expect(guess.crs?.id).toBe('wgs84');
    expect(guess.swapAxes).toBe(true);
  });

  it('6-digit eastings are Gauss–Krüger central meridian 120° E without a prefix (EPSG:4549)', () => {
    const guess = infer(gk);
    expect(guess.crs?.id).toBe('EPSG:4549');
    expect(guess.message.en).toMatch(/3 systems put it in Zhenjiang/);
    // No number tells the datum: CGCS2000, Xian 1980 and Beijing 1954 all fit, metres apart.
    const moves = Object.fromEntries(guess.candidates.map((c) => [c.crs.id, c.moveMetres]));
    expect(Object.keys(moves)).toEqual(['EPSG:4549', 'EPSG:2385', 'EPSG:2437']);
    expect(moves['EPSG:4549']).toBe(0);
    expect(moves['EPSG:2437']).toBeGreaterThan(60);
    expect(moves['EPSG:2437']).toBeLessThan(90);
  });

  it('8-digit eastings starting 40 are zone 40 (EPSG:4528); 20 is the 6° zone 20 (EPSG:4498)', () => {
    expect(infer(prefixed).crs?.id).toBe('EPSG:4528');
    const sixDegree = CS2CS[4498]!.map(([n, e]) => [e, n] as const);
    expect(infer(sixDegree).crs?.id).toBe('EPSG:4498');
  });

  it('northing-first Gauss–Krüger is swapped', () => {
    const guess = infer(CS2CS[4549]!.map(([n, e]) => [n, e] as const));
    expect(guess.crs?.id).toBe('EPSG:4549');
    expect(guess.swapAxes).toBe(true);
  });

  it('Web Mercator metres are recognised', () => {
    const guess = infer([
      [13294500, 3790600],
      [13299000, 3794000],
    ]);
    expect(guess.crs?.id).toBe('EPSG:3857');
  });

  it('numbers that fit nothing ask for the system', () => {
    const guess = infer([
      [1234.5, 987.6],
      [1300, 1100],
    ]);
    expect(guess.crs).toBeNull();
    expect(guess.certainty).toBe('unknown');
    expect(guess.message.en).toMatch(/choose the coordinate system/);
  });
});
