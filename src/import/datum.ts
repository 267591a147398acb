import { text, type Text } from './text';

/**
 * Geodetic datums of Zhenjiang's official files and the shifts that take each to WGS-84.
 *
 * No datum shift is published for Zhenjiang itself, so where several are plausible the importer
 * names the one it applied and lets the user choose another:
 *
 * - Beijing 1954: EPSG:15919 "Beijing 1954 to WGS 84 (2)" (defined for the Yellow Sea off Jiangsu,
 *   stated accuracy 15 m) is what PROJ 9.1's `cs2cs` and GDAL 3.6's `ogr2ogr` apply per point at
 *   Zhenjiang; asked for the operation between the systems as a whole (`projinfo`), PROJ offers
 *   only its "ballpark" (no shift). The two put Zhenjiang 68 m apart. The default is EPSG:15919.
 * - Xian 1980: no transformation is published at all; the ballpark (no shift) is applied.
 * - A `.prj` carrying its own `TOWGS84` (a survey bureau's parameters) is applied as it stands,
 *   and a user may give seven parameters of their own.
 */

/** Geodetic datums the importer knows by name. */
export type DatumId = 'wgs84' | 'cgcs2000' | 'xian1980' | 'beijing1954';

/** How a datum is taken to WGS-84. */
export interface DatumShift {
  /** `none` (ballpark), `epsg15919`, `prj` (the file's TOWGS84), `towgs84` (the user's). */
  readonly id: 'none' | 'epsg15919' | 'prj' | 'towgs84';
  /** Seven Helmert parameters (position-vector convention, as WKT 1 and proj4 read them), or null for none. */
  readonly towgs84: readonly number[] | null;
  /** What is applied, for the output: the transformation's name and parameters. */
  readonly name: Text;
}

/** A datum's ellipsoid and name. */
export interface DatumInfo {
  readonly name: Text;
  /** proj4 ellipsoid parameters. */
  readonly ellipsoid: string;
  readonly a: number;
  readonly rf: number;
}

/** The datums by id. */
export const DATUMS: Readonly<Record<DatumId, DatumInfo>> = {
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
    ellipsoid: '+ellps=krass',
    a: 6378245,
    rf: 298.3,
  },
};

const EPSG_15919 = [15.53, -113.82, -41.38, 0, 0, 0.814, -0.38] as const;

/** "dx, dy, dz m; rx, ry, rz″; ds ppm" of seven parameters. */
export function formatTowgs84(p: readonly number[]): string {
  const [dx = 0, dy = 0, dz = 0, rx = 0, ry = 0, rz = 0, ds = 0] = p;
  return `${dx}, ${dy}, ${dz} m; ${rx}, ${ry}, ${rz}″; ${ds} ppm`;
}

/** No datum shift: the ellipsoid's latitude and longitude read as WGS-84 (PROJ's "ballpark"). */
export function noShift(datum: DatumId | null): DatumShift {
  const exact = datum === 'wgs84' || datum === 'cgcs2000';
  return {
    id: 'none',
    towgs84: null,
    name: exact
      ? text(
          '无需基准转换（CGCS2000 与 WGS-84 相差仅数厘米）',
          'no datum shift needed (CGCS2000 and WGS-84 agree to a few centimetres)',
        )
      : text(
          '不做基准转换（PROJ 的“ballpark”近似）',
          'no datum shift (PROJ\'s "ballpark" approximation)',
        ),
  };
}

/** EPSG:15919, the Beijing 1954 shift PROJ applies at Zhenjiang. */
export const SHIFT_15919: DatumShift = {
  id: 'epsg15919',
  towgs84: EPSG_15919,
  name: text(
    `EPSG:15919“Beijing 1954 to WGS 84 (2)”（黄海海域参数，标称精度 15 米：${formatTowgs84(EPSG_15919)}）`,
    `EPSG:15919 "Beijing 1954 to WGS 84 (2)" (Yellow Sea, stated accuracy 15 m: ${formatTowgs84(EPSG_15919)})`,
  ),
};

/** The shift a file's own TOWGS84 states. */
export function prjShift(towgs84: readonly number[]): DatumShift {
  return {
    id: 'prj',
    towgs84,
    name: text(
      `.prj 自带的 TOWGS84 参数（${formatTowgs84(towgs84)}）`,
      `the .prj's own TOWGS84 (${formatTowgs84(towgs84)})`,
    ),
  };
}

/** The shift a user gives as seven parameters. */
export function userShift(towgs84: readonly number[]): DatumShift {
  return {
    id: 'towgs84',
    towgs84,
    name: text(
      `用户给定的 TOWGS84 参数（${formatTowgs84(towgs84)}）`,
      `the TOWGS84 parameters given (${formatTowgs84(towgs84)})`,
    ),
  };
}

/** The shift applied when neither the file nor the user names one. */
export function defaultShift(datum: DatumId | null): DatumShift {
  return datum === 'beijing1954' ? SHIFT_15919 : noShift(datum);
}

/**
 * The built-in shifts worth offering for a datum, default first: both for Beijing 1954 (they
 * differ by 68 m at Zhenjiang), none to choose between otherwise.
 */
export function builtInShifts(datum: DatumId | null): readonly DatumShift[] {
  return datum === 'beijing1954' ? [SHIFT_15919, noShift(datum)] : [noShift(datum)];
}

/**
 * A shift from what the command line or the panel names: `none`, `epsg:15919`, or seven numbers
 * (`towgs84:dx,dy,dz,rx,ry,rz,ds`; three are enough for a translation). Null when not understood.
 */
export function shiftById(id: string): DatumShift | null {
  const key = id.trim().toLowerCase();
  if (key === 'none' || key === 'ballpark') return noShift(null);
  if (key === 'epsg:15919' || key === '15919' || key === 'epsg15919') return SHIFT_15919;
  const numbers = /^(?:towgs84[:=])?\s*([-+\d.eE,\s]+)$/.exec(key)?.[1];
  if (!numbers) return null;
  const values = numbers.split(',').map((s) => Number(s.trim()));
  if ((values.length !== 3 && values.length !== 7) || !values.every(Number.isFinite)) return null;
  return userShift(values.length === 3 ? [...values, 0, 0, 0, 0] : values);
}

/** The proj4 `+towgs84=` term of a shift, or '' for none. */
export function towgs84Term(shift: DatumShift): string {
  return shift.towgs84 ? ` +towgs84=${shift.towgs84.join(',')}` : '';
}

/** Why a converted position may be off, for datums whose shift to WGS-84 is not exact. */
export function shiftCaveat(datum: DatumId | null, shift: DatumShift): Text | undefined {
  if (shift.id === 'prj' || shift.id === 'towgs84') return undefined;
  if (datum === 'xian1980') {
    return text(
      '1980西安坐标系到 WGS-84 的转换参数没有公开，未做基准转换：位置可能偏差数米至数十米，请对照底图检查预览；有测绘部门的参数时可另行给定。',
      "No datum shift from Xian 1980 to WGS-84 is published, so none is applied: positions may be off by metres to tens of metres; check the preview against the basemap, or give a survey bureau's parameters.",
    );
  }
  if (datum === 'beijing1954') {
    return text(
      `1954北京坐标系按${shift.name.zh}转换；镇江没有公开的参数，EPSG:15919 与不做转换在镇江相差约 68 米，请对照底图检查预览，或另选转换。`,
      `Beijing 1954 is shifted by ${shift.name.en}; none is published for Zhenjiang, and EPSG:15919 and no shift put Zhenjiang about 68 m apart: check the preview against the basemap, or choose another shift.`,
    );
  }
  return undefined;
}
