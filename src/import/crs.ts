import { text, type Text } from './text';
import {
  DATUMS,
  defaultShift,
  noShift,
  shiftCaveat,
  towgs84Term,
  type DatumId,
  type DatumShift,
} from './datum';

/**
 * The coordinate systems official boundary files of Zhenjiang arrive in:
 *
 * - WGS-84 and CGCS2000 geographic (EPSG:4326, 4490) are used as they are: CGCS2000 and WGS-84
 *   (G1762) agree to a few centimetres, far below a park boundary's precision.
 * - GCJ-02 (AMap, Tencent) and BD-09 (Baidu), undone in transform.ts.
 * - Gauss–Krüger projections (3° and 6° zones, with and without the zone-number prefix on the
 *   easting) on CGCS2000, Xian 1980 and Beijing 1954, built from their parameters, with the datum
 *   shift of datum.ts (which names the one applied and offers the others).
 * - Web Mercator (EPSG:3857), which some web tools export.
 */

export type { DatumId } from './datum';

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
  /** proj4 definition of a projected system, or of a geographic one on another datum; its +towgs84 is {@link shift}. */
  readonly proj4?: string;
  /** The datum shift to WGS-84 applied. */
  readonly shift: DatumShift;
  /** Why the result may be off, when the conversion is not exact (no published datum shift). */
  readonly caveat?: Text;
}

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
  const shift = defaultShift(datum);
  const zoneZh = prefixed ? `第${zone}带（带号前缀）` : `中央经线 ${meridian}°E`;
  const zoneEn = prefixed ? `zone ${zone}` : `CM ${meridian}E`;
  const codeText = code === null ? '' : ` (EPSG:${code})`;
  const caveat = shiftCaveat(datum, shift);
  return {
    id: code === null ? 'custom' : `EPSG:${code}`,
    name: text(
      `${d.name.zh} ${width}度带高斯-克吕格投影 ${zoneZh}${codeText}`,
      `${d.name.en} / ${width === 3 ? '3-degree ' : ''}Gauss-Kruger ${zoneEn}${codeText}`,
    ),
    kind: 'projected',
    datum,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=${falseEasting} +y_0=0 ${d.ellipsoid}${towgs84Term(shift)} +units=m +no_defs`,
    shift,
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
  shift: noShift('wgs84'),
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
  shift: noShift('cgcs2000'),
};

/** GCJ-02, the offset system of AMap (高德), Tencent and Google China. */
export const GCJ02: CrsDef = {
  id: 'gcj02',
  name: text('GCJ-02 火星坐标（高德、腾讯）', 'GCJ-02 (AMap, Tencent)'),
  kind: 'offset',
  datum: 'wgs84',
  shift: noShift('wgs84'),
};

/** BD-09, Baidu's offset system on top of GCJ-02. */
export const BD09: CrsDef = {
  id: 'bd09',
  name: text('BD-09 百度坐标', 'BD-09 (Baidu)'),
  kind: 'offset',
  datum: 'wgs84',
  shift: noShift('wgs84'),
};

const WEB_MERCATOR: CrsDef = {
  id: 'EPSG:3857',
  name: text('Web 墨卡托（EPSG:3857）', 'Web Mercator (EPSG:3857)'),
  kind: 'projected',
  datum: 'wgs84',
  shift: noShift('wgs84'),
  proj4:
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

function geographicOf(code: number, datum: DatumId): CrsDef {
  const shift = defaultShift(datum);
  const caveat = shiftCaveat(datum, shift);
  return {
    proj4: `+proj=longlat ${DATUMS[datum].ellipsoid}${towgs84Term(shift)} +no_defs`,
    shift,
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
  const shift = defaultShift(p.datum);
  const caveat = shiftCaveat(p.datum, shift);
  return {
    id: 'custom',
    name: text(
      `${p.name}（.prj 中的横轴墨卡托参数）`,
      `${p.name} (transverse Mercator from the .prj)`,
    ),
    kind: 'projected',
    datum: p.datum,
    proj4: `+proj=tmerc +lat_0=${p.latitudeOfOrigin} +lon_0=${p.centralMeridian} +k=${p.scaleFactor} +x_0=${p.falseEasting} +y_0=${p.falseNorthing} ${p.datum ? DATUMS[p.datum].ellipsoid : `+a=${p.a} +rf=${p.rf}`}${towgs84Term(shift)} +to_meter=${p.unit} +no_defs`,
    shift,
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

/**
 * The system with another datum shift: its proj4 definition rebuilt with the shift's parameters.
 * Systems without a datum to shift (WGS-84, CGCS2000 degrees, the offsets) come back as they are.
 */
export function withShift(crs: CrsDef, shift: DatumShift): CrsDef {
  if (!crs.proj4 || crs.id === 'EPSG:3857') return crs;
  const proj4 = `${crs.proj4.replace(/\s\+towgs84=\S+/g, '').replace(/\s\+no_defs$/, '')}${towgs84Term(shift)} +no_defs`;
  const caveat = shiftCaveat(crs.datum, shift);
  const next: CrsDef = {
    id: crs.id,
    name: crs.name,
    kind: crs.kind,
    datum: crs.datum,
    proj4,
    shift,
  };
  return caveat ? { ...next, caveat } : next;
}

/** What the conversion of a system to WGS-84 does, named for the command line and the panel. */
export function transformationOf(crs: CrsDef): Text {
  if (crs.kind === 'offset') {
    return crs.id === 'bd09'
      ? text(
          '撤销 BD-09 偏移（gcoord，迭代至 1 微米内）',
          'BD-09 offset undone (gcoord, refined to < 1 µm)',
        )
      : text(
          '撤销 GCJ-02 偏移（gcoord，迭代至 1 微米内）',
          'GCJ-02 offset undone (gcoord, refined to < 1 µm)',
        );
  }
  if (crs.kind === 'projected') {
    return text(`反投影，${crs.shift.name.zh}`, `inverse projection, ${crs.shift.name.en}`);
  }
  return crs.shift.name;
}
