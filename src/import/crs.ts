import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { text, type Text } from './text';

/**
 * The coordinate systems official boundary files of Zhenjiang arrive in, and their conversion to
 * WGS-84 longitude/latitude:
 *
 * - WGS-84 and CGCS2000 geographic (EPSG:4326, 4490) are used as they are: CGCS2000 and WGS-84
 *   (G1762) agree to a few centimetres, far below a park boundary's precision.
 * - GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are undone with gcoord, then refined by iterating
 *   gcoord's own forward transform, so the result reproduces the file's coordinates to < 1 mm.
 * - Gauss–Krüger projections (3° and 6° zones, with and without the zone-number prefix on the
 *   easting) on CGCS2000, Xian 1980 and Beijing 1954, built from their parameters and inverted by
 *   proj4. No datum shift is published for Zhenjiang itself, so the importer does what PROJ 9 does
 *   there: Beijing 1954 gets EPSG:15919 "Beijing 1954 to WGS 84 (2)" (defined for the Yellow Sea
 *   off Jiangsu, stated accuracy 15 m; it moves Zhenjiang by about 60 m), Xian 1980 no shift
 *   (PROJ's "ballpark"). Either may be off by metres to tens of metres, which the preview over
 *   the basemap shows.
 * - Web Mercator (EPSG:3857), which some web tools export.
 */

/** Geodetic datums the importer knows by name. */
export type DatumId = 'wgs84' | 'cgcs2000' | 'xian1980' | 'beijing1954';

/** What kind of coordinates a system has. */
export type CrsKind = 'geographic' | 'offset' | 'projected';

/** A coordinate system the importer can convert from. */
export interface CrsDef {
  /** `wgs84`, `cgcs2000`, `gcj02`, `bd09`, `EPSG:NNNN`, or `custom` for a .prj matching no code. */
  readonly id: string;
  readonly name: Text;
  readonly kind: CrsKind;
  /** The datum, or null when it is not one the importer knows (then no shift is applied). */
  readonly datum: DatumId | null;
  /** proj4 definition of a projected system. */
  readonly proj4?: string;
  /** Why the result may be off, when the conversion is not exact (no published datum shift). */
  readonly caveat?: Text;
}

interface DatumInfo {
  readonly name: Text;
  /** proj4 ellipsoid parameters, and the datum shift to WGS-84 where one is applied. */
  readonly ellipsoid: string;
  readonly a: number;
  readonly rf: number;
}

const DATUMS: Readonly<Record<DatumId, DatumInfo>> = {
  wgs84: {
    name: text('WGS-84', 'WGS-84'),
    ellipsoid: '+ellps=WGS84',
    a: 6378137,
    rf: 298.257223563,
  },
  cgcs2000: {
    name: text('2000国家大地坐标系（CGCS2000）', 'CGCS2000'),
    ellipsoid: '+ellps=GRS80',
    a: 6378137,
    rf: 298.257222101,
  },
  xian1980: {
    name: text('1980西安坐标系', 'Xian 1980'),
    ellipsoid: '+a=6378140 +rf=298.257',
    a: 6378140,
    rf: 298.257,
  },
  beijing1954: {
    name: text('1954北京坐标系', 'Beijing 1954'),
    ellipsoid: '+ellps=krass +towgs84=15.53,-113.82,-41.38,0,0,0.814,-0.38',
    a: 6378245,
    rf: 298.3,
  },
};

const BALLPARK_CAVEAT = (datum: DatumId): Text | undefined => {
  if (datum === 'xian1980') {
    return text(
      '1980西安坐标系到 WGS-84 的转换参数没有公开，未做基准转换：位置可能偏差数米至数十米，请对照底图检查预览。',
      'No datum shift from Xian 1980 to WGS-84 is published, so none is applied: positions may be off by metres to tens of metres; check the preview against the basemap.',
    );
  }
  if (datum === 'beijing1954') {
    return text(
      '1954北京坐标系按 EPSG:15919（黄海海域参数，标称精度 15 米，PROJ 在镇江默认采用）转换；镇江没有公开的参数，位置可能偏差数米至数十米，请对照底图检查预览。',
      'Beijing 1954 is shifted by EPSG:15919 (defined for the Yellow Sea, stated accuracy 15 m; what PROJ uses at Zhenjiang); none is published for Zhenjiang itself, so positions may be off by metres to tens of metres; check the preview against the basemap.',
    );
  }
  return undefined;
};

/** A family of Gauss–Krüger EPSG codes: one datum, one zone width, prefixed or not. */
interface GkFamily {
  readonly datum: DatumId;
  readonly width: 3 | 6;
  /** First code of the zone-prefixed series, and its zone numbers. */
  readonly zoned: number;
  readonly firstZone: number;
  readonly lastZone: number;
  /** First code of the "CM" series (no prefix), which starts at 75° E. */
  readonly cm: number;
}

// Code ranges as in the EPSG registry (checked against PROJ 9.1's database).
const GK_FAMILIES: readonly GkFamily[] = [
  { datum: 'cgcs2000', width: 3, zoned: 4513, firstZone: 25, lastZone: 45, cm: 4534 },
  { datum: 'cgcs2000', width: 6, zoned: 4491, firstZone: 13, lastZone: 23, cm: 4502 },
  { datum: 'xian1980', width: 3, zoned: 2349, firstZone: 25, lastZone: 45, cm: 2370 },
  { datum: 'xian1980', width: 6, zoned: 2327, firstZone: 13, lastZone: 23, cm: 2338 },
  { datum: 'beijing1954', width: 3, zoned: 2401, firstZone: 25, lastZone: 45, cm: 2422 },
  { datum: 'beijing1954', width: 6, zoned: 21413, firstZone: 13, lastZone: 23, cm: 21453 },
];

/** The central meridian of a zone. */
function zoneMeridian(width: 3 | 6, zone: number): number {
  return width === 3 ? 3 * zone : 6 * zone - 3;
}

/** The zone of a central meridian, or null when the meridian is not one of that width. */
function meridianZone(width: 3 | 6, meridian: number): number | null {
  const zone = width === 3 ? meridian / 3 : (meridian + 3) / 6;
  return Number.isInteger(zone) ? zone : null;
}

/** A Gauss–Krüger system: its proj4 definition and names. */
function gkDef(
  code: number | null,
  datum: DatumId,
  width: 3 | 6,
  meridian: number,
  prefixed: boolean,
): CrsDef {
  const zone = meridianZone(width, meridian) ?? 0;
  const falseEasting = prefixed ? zone * 1_000_000 + 500_000 : 500_000;
  const d = DATUMS[datum];
  const zoneZh = prefixed ? `第${zone}带（带号前缀）` : `中央经线 ${meridian}°E`;
  const zoneEn = prefixed ? `zone ${zone}` : `CM ${meridian}E`;
  const codeText = code === null ? '' : ` (EPSG:${code})`;
  const caveat = BALLPARK_CAVEAT(datum);
  return {
    id: code === null ? 'custom' : `EPSG:${code}`,
    name: text(
      `${d.name.zh} ${width}度带高斯-克吕格投影 ${zoneZh}${codeText}`,
      `${d.name.en} / ${width === 3 ? '3-degree ' : ''}Gauss-Kruger ${zoneEn}${codeText}`,
    ),
    kind: 'projected',
    datum,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=${falseEasting} +y_0=0 ${d.ellipsoid} +units=m +no_defs`,
    ...(caveat ? { caveat } : {}),
  };
}

/** The EPSG code of a Gauss–Krüger system, when it has one. */
export function gkCode(
  datum: DatumId,
  width: 3 | 6,
  meridian: number,
  prefixed: boolean,
): number | null {
  const family = GK_FAMILIES.find((f) => f.datum === datum && f.width === width);
  const zone = meridianZone(width, meridian);
  if (!family || zone === null) return null;
  if (prefixed) {
    return zone >= family.firstZone && zone <= family.lastZone
      ? family.zoned + zone - family.firstZone
      : null;
  }
  const step = (meridian - 75) / width;
  return meridian >= 75 && meridian <= 135 && Number.isInteger(step) ? family.cm + step : null;
}

function gkFromCode(code: number): CrsDef | null {
  for (const f of GK_FAMILIES) {
    const zoneCount = f.lastZone - f.firstZone + 1;
    if (code >= f.zoned && code < f.zoned + zoneCount) {
      return gkDef(
        code,
        f.datum,
        f.width,
        zoneMeridian(f.width, f.firstZone + code - f.zoned),
        true,
      );
    }
    const cmCount = 60 / f.width + 1;
    if (code >= f.cm && code < f.cm + cmCount) {
      return gkDef(code, f.datum, f.width, 75 + (code - f.cm) * f.width, false);
    }
  }
  return null;
}

/** WGS-84 longitude/latitude. */
export const WGS84: CrsDef = {
  id: 'wgs84',
  name: text('WGS-84 经纬度（EPSG:4326）', 'WGS-84 longitude/latitude (EPSG:4326)'),
  kind: 'geographic',
  datum: 'wgs84',
};

/** CGCS2000 longitude/latitude: the same numbers as WGS-84 to a few centimetres. */
export const CGCS2000: CrsDef = {
  id: 'cgcs2000',
  name: text(
    'CGCS2000 经纬度（EPSG:4490，天地图）',
    'CGCS2000 longitude/latitude (EPSG:4490, Tianditu)',
  ),
  kind: 'geographic',
  datum: 'cgcs2000',
};

/** GCJ-02, the offset system of AMap (高德), Tencent and Google China. */
export const GCJ02: CrsDef = {
  id: 'gcj02',
  name: text('GCJ-02 火星坐标（高德、腾讯）', 'GCJ-02 (AMap, Tencent)'),
  kind: 'offset',
  datum: 'wgs84',
};

/** BD-09, Baidu's offset system on top of GCJ-02. */
export const BD09: CrsDef = {
  id: 'bd09',
  name: text('BD-09 百度坐标', 'BD-09 (Baidu)'),
  kind: 'offset',
  datum: 'wgs84',
};

const WEB_MERCATOR: CrsDef = {
  id: 'EPSG:3857',
  name: text('Web 墨卡托（EPSG:3857）', 'Web Mercator (EPSG:3857)'),
  kind: 'projected',
  datum: 'wgs84',
  proj4:
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

function geographicOf(code: number, datum: DatumId): CrsDef {
  const caveat = BALLPARK_CAVEAT(datum);
  const shifted = DATUMS[datum].ellipsoid.includes('+towgs84');
  return {
    ...(shifted ? { proj4: `+proj=longlat ${DATUMS[datum].ellipsoid} +no_defs` } : {}),
    id: `EPSG:${code}`,
    name: text(
      `${DATUMS[datum].name.zh} 经纬度（EPSG:${code}）`,
      `${DATUMS[datum].name.en} longitude/latitude (EPSG:${code})`,
    ),
    kind: 'geographic',
    datum,
    ...(caveat ? { caveat } : {}),
  };
}

/** A coordinate system by EPSG code, or null when the importer does not know the code. */
export function crsFromEpsg(code: number): CrsDef | null {
  switch (code) {
    case 4326:
      return WGS84;
    case 4490:
      return CGCS2000;
    case 4214:
      return geographicOf(4214, 'beijing1954');
    case 4610:
      return geographicOf(4610, 'xian1980');
    case 3857:
    case 900913:
    case 102100:
      return WEB_MERCATOR;
    default:
      return gkFromCode(code);
  }
}

/**
 * A coordinate system from what a user or the command line names: `wgs84`, `cgcs2000`, `gcj02`,
 * `bd09`, `EPSG:NNNN` (or just the number). Null when it is not one the importer knows.
 */
export function crsById(id: string): CrsDef | null {
  const key = id.trim().toLowerCase();
  if (key === 'wgs84' || key === 'wgs-84') return WGS84;
  if (key === 'cgcs2000') return CGCS2000;
  if (key === 'gcj02' || key === 'gcj-02') return GCJ02;
  if (key === 'bd09' || key === 'bd-09') return BD09;
  const match = /^(?:epsg:)?(\d{4,6})$/.exec(key);
  return match ? crsFromEpsg(Number(match[1])) : null;
}

/** The systems offered in the panel's selector, most likely first for Zhenjiang. */
export const COMMON_CRS: readonly CrsDef[] = [
  WGS84,
  CGCS2000,
  GCJ02,
  BD09,
  ...[4549, 4528, 2385, 2364, 2437, 2416, 4509, 4498].map((code) => crsFromEpsg(code) as CrsDef),
  WEB_MERCATOR,
];

/** Builds a transverse-Mercator system from a .prj's parameters, named by its EPSG code when one matches. */
export function tmercFromParameters(p: {
  readonly datum: DatumId | null;
  readonly a: number;
  readonly rf: number;
  readonly centralMeridian: number;
  readonly latitudeOfOrigin: number;
  readonly scaleFactor: number;
  readonly falseEasting: number;
  readonly falseNorthing: number;
  /** Metres per unit of the projected coordinates. */
  readonly unit: number;
  readonly name: string;
}): CrsDef {
  if (
    p.datum &&
    p.latitudeOfOrigin === 0 &&
    p.scaleFactor === 1 &&
    p.falseNorthing === 0 &&
    p.unit === 1
  ) {
    for (const width of [3, 6] as const) {
      const zone = meridianZone(width, p.centralMeridian);
      if (zone === null) continue;
      const prefixed = p.falseEasting === zone * 1_000_000 + 500_000;
      if (!prefixed && p.falseEasting !== 500_000) continue;
      const code = gkCode(p.datum, width, p.centralMeridian, prefixed);
      // A .prj with a zone prefix names its zone width; without one, 3° and 6° are the same projection.
      if (code !== null) return gkDef(code, p.datum, width, p.centralMeridian, prefixed);
    }
  }
  const caveat = p.datum ? BALLPARK_CAVEAT(p.datum) : undefined;
  return {
    id: 'custom',
    name: text(
      `${p.name}（.prj 中的横轴墨卡托参数）`,
      `${p.name} (transverse Mercator from the .prj)`,
    ),
    kind: 'projected',
    datum: p.datum,
    proj4: `+proj=tmerc +lat_0=${p.latitudeOfOrigin} +lon_0=${p.centralMeridian} +k=${p.scaleFactor} +x_0=${p.falseEasting} +y_0=${p.falseNorthing} ${p.datum ? DATUMS[p.datum].ellipsoid : `+a=${p.a} +rf=${p.rf}`} +to_meter=${p.unit} +no_defs`,
    ...(caveat
      ? { caveat }
      : p.datum === null
        ? {
            caveat: text(
              '.prj 中的基准面无法识别，未做基准转换：请对照底图检查预览。',
              'The datum in the .prj is not one the importer knows, so no datum shift is applied: check the preview against the basemap.',
            ),
          }
        : {}),
  };
}

/** Converts one position of a system to WGS-84 [lon, lat]. */
export type Converter = (position: Position) => [number, number];

/** Largest step, in degrees, at which the offset inverse counts as converged (~0.01 mm). */
const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_STEPS = 30;

/**
 * Inverts a forward transform close to the identity (WGS-84 → GCJ-02 / BD-09) by fixed-point
 * iteration from a first guess: each step moves by the forward image's miss. gcoord's own
 * GCJ-02 inverse stops at 1e-6° (~0.1 m) and its BD-09 → GCJ-02 step is a closed-form
 * approximation, so refining against the forward transform makes the round trip exact.
 */
export function invertNearIdentity(
  forward: (p: [number, number]) => [number, number],
  target: [number, number],
  start: [number, number],
): [number, number] {
  let [lon, lat] = start;
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const [fx, fy] = forward([lon, lat]);
    const dx = fx - target[0];
    const dy = fy - target[1];
    lon -= dx;
    lat -= dy;
    if (Math.abs(dx) < INVERSE_TOLERANCE_DEG && Math.abs(dy) < INVERSE_TOLERANCE_DEG) break;
  }
  return [lon, lat];
}

type GcoordCrs = Parameters<typeof gcoord.transform>[1];

function gcoordPair(from: GcoordCrs, to: GcoordCrs): (p: [number, number]) => [number, number] {
  return ([lon, lat]) => {
    const out = gcoord.transform([lon, lat], from, to);
    return [out[0] ?? Number.NaN, out[1] ?? Number.NaN];
  };
}

/** gcoord's one-shot inverse of an offset system, without refinement: for measuring it. */
export function gcoordInverse(crs: 'gcj02' | 'bd09'): (p: [number, number]) => [number, number] {
  return gcoordPair(crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
}

function offsetConverter(crs: 'gcj02' | 'bd09'): Converter {
  const forward = gcoordPair(gcoord.WGS84, crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09);
  const first = gcoordInverse(crs);
  return (position) => {
    const target: [number, number] = [position[0] ?? Number.NaN, position[1] ?? Number.NaN];
    return invertNearIdentity(forward, target, first(target));
  };
}

/**
 * Where proj4 should take a definition's coordinates: WGS-84 when the definition carries a datum
 * shift; otherwise longitude/latitude on its own ellipsoid, read as WGS-84 without a shift (PROJ's
 * "ballpark"), because proj4 would otherwise change ellipsoids through geocentric coordinates and
 * move latitudes as if that were a datum shift.
 */
function geographicTarget(definition: string): string {
  if (definition.includes('+towgs84')) return 'WGS84';
  const ellipsoid =
    /\+(?:ellps=\S+|a=\S+ \+rf=\S+|a=\S+ \+b=\S+)/.exec(definition)?.[0] ?? '+ellps=WGS84';
  return `+proj=longlat ${ellipsoid} +no_defs`;
}

/** The function that brings a system's positions to WGS-84 [lon, lat] (any third ordinate is dropped). */
export function converterFor(crs: CrsDef): Converter {
  if (crs.kind === 'offset') return offsetConverter(crs.id === 'bd09' ? 'bd09' : 'gcj02');
  if (!crs.proj4) return (position) => [position[0] ?? Number.NaN, position[1] ?? Number.NaN];
  const transform = proj4(crs.proj4, geographicTarget(crs.proj4));
  return (position) => {
    const out = transform.forward([position[0] ?? Number.NaN, position[1] ?? Number.NaN]);
    return [out[0] ?? Number.NaN, out[1] ?? Number.NaN];
  };
}
