import type { Position } from 'geojson';
import { BD09, GCJ02, WGS84, converterFor, crsFromEpsg, gkCode, type CrsDef } from './crs';
import { inZhenjiang } from '../geometry/coordinates';
import { text, type Text } from './text';

/**
 * Guesses a file's coordinate system when nothing states it, from what can be inferred: the
 * magnitudes of its coordinates (degrees, 6-digit Gauss–Krüger eastings, 8-digit eastings with the
 * zone number in front) and the hint in a file name ("amap", "高德" …). What cannot be inferred
 * (the datum of a projection, GCJ-02 versus WGS-84 degrees) is said, so the panel can ask.
 */

/** Where a file's coordinate system came from. */
export type CrsSource = 'prj' | 'geojson-crs' | 'format' | 'file-name' | 'coordinates' | 'none';

/** What the importer believes about a file's coordinate system. */
export interface CrsGuess {
  /** The system to use, or null when it must be chosen. */
  readonly crs: CrsDef | null;
  /** The file holds [northing, easting] or [lat, lon]: swap before converting. */
  readonly swapAxes: boolean;
  readonly source: CrsSource;
  /** `stated`: the file says so; `inferred`: a guess to confirm; `unknown`: the user must choose. */
  readonly certainty: 'stated' | 'inferred' | 'unknown';
  /** What was found and what is still open, for the panel and the command line. */
  readonly message: Text;
}

/** The x and y ranges of a set of positions. */
export interface Extent {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The extent of positions; null when there are none with finite numbers. */
export function extentOf(positions: Iterable<Position>): Extent | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = Number.NaN, y = Number.NaN] of positions) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return minX === Infinity ? null : { minX, minY, maxX, maxY };
}

/** Whether a system puts the extent's corners in Zhenjiang. */
function landsInZhenjiang(crs: CrsDef, extent: Extent, swap: boolean): boolean {
  const convert = converterFor(crs);
  const corners: Position[] = [
    [extent.minX, extent.minY],
    [extent.maxX, extent.maxY],
    [extent.minX, extent.maxY],
    [extent.maxX, extent.minY],
  ];
  return corners.every((c) => {
    try {
      const [lon, lat] = convert(swap ? [c[1] ?? 0, c[0] ?? 0] : c);
      return inZhenjiang(lon, lat);
    } catch {
      return false;
    }
  });
}

const digits = (n: number): number => String(Math.floor(Math.abs(n))).length;

interface Candidate {
  readonly crs: CrsDef;
  readonly swap: boolean;
  readonly why: Text;
}

function gkCandidates(eastings: Extent['minX'], swap: boolean): Candidate[] {
  const out: Candidate[] = [];
  const swapped = swap
    ? text('（坐标为北坐标在前，已交换）', ' (northing first in the file: swapped)')
    : text('', '');
  if (digits(eastings) === 6) {
    // Without a zone prefix the meridian is unknown: try those that could hold Zhenjiang.
    for (const meridian of [120, 117, 123]) {
      const code = gkCode('cgcs2000', 3, meridian, false);
      const crs = code === null ? null : crsFromEpsg(code);
      if (crs)
        out.push({
          crs,
          swap,
          why: text(
            `东坐标为 6 位数（无带号），按中央经线 ${meridian}°E 可落在镇江${swapped.zh}；基准面无法从数值推断，按 CGCS2000 处理——如是 1980西安或 1954北京坐标系请选择`,
            `6-digit eastings (no zone number) land in Zhenjiang with central meridian ${meridian}° E${swapped.en}; the datum cannot be inferred from the numbers, so CGCS2000 is assumed — choose Xian 1980 or Beijing 1954 if the file uses them`,
          ),
        });
    }
  }
  if (digits(eastings) === 8) {
    const zone = Math.floor(eastings / 1_000_000);
    const width = zone >= 24 ? 3 : 6;
    const meridian = width === 3 ? zone * 3 : zone * 6 - 3;
    const code = gkCode('cgcs2000', width, meridian, true);
    const crs = code === null ? null : crsFromEpsg(code);
    if (crs)
      out.push({
        crs,
        swap,
        why: text(
          `东坐标为 8 位数，前两位带号 ${zone}（${width}度带，中央经线 ${meridian}°E）${swapped.zh}；基准面无法从数值推断，按 CGCS2000 处理——如是 1980西安或 1954北京坐标系请选择`,
          `8-digit eastings carry zone number ${zone} (${width}° zone, central meridian ${meridian}° E)${swapped.en}; the datum cannot be inferred from the numbers, so CGCS2000 is assumed — choose Xian 1980 or Beijing 1954 if the file uses them`,
        ),
      });
  }
  return out;
}

/**
 * Infers a system from coordinate magnitudes alone: degrees, Gauss–Krüger with or without the
 * zone prefix (either axis order), or Web Mercator; the first candidate that puts the data in
 * Zhenjiang wins. Degrees are taken as WGS-84, since GCJ-02 degrees look the same.
 */
export function inferFromCoordinates(extent: Extent | null): CrsGuess {
  if (!extent) {
    return {
      crs: null,
      swapAxes: false,
      source: 'none',
      certainty: 'unknown',
      message: text('文件中没有可用的坐标。', 'The file has no usable coordinates.'),
    };
  }
  const candidates: Candidate[] = [];
  const degrees = Math.max(Math.abs(extent.minX), Math.abs(extent.maxX)) <= 180;
  if (degrees) {
    const why = text(
      '坐标为经纬度，按 WGS-84 处理——如在高德、腾讯地图上描绘请选 GCJ-02，在百度地图上描绘请选 BD-09',
      'coordinates are degrees, taken as WGS-84 — choose GCJ-02 if traced on AMap or Tencent, BD-09 if traced on Baidu',
    );
    candidates.push({ crs: WGS84, swap: false, why });
    candidates.push({
      crs: WGS84,
      swap: true,
      why: text(
        `${why.zh}（文件中纬度在前，已交换）`,
        `${why.en} (latitude first in the file: swapped)`,
      ),
    });
  } else {
    candidates.push(...gkCandidates(extent.minX, false), ...gkCandidates(extent.minY, true));
    candidates.push({
      crs: crsFromEpsg(3857) as CrsDef,
      swap: false,
      why: text('坐标量级符合 Web 墨卡托', 'coordinate magnitudes fit Web Mercator'),
    });
  }
  const fit = candidates.find((c) => landsInZhenjiang(c.crs, extent, c.swap));
  if (!fit) {
    return {
      crs: null,
      swapAxes: false,
      source: 'coordinates',
      certainty: 'unknown',
      message: text(
        `无法从坐标数值（x ${Math.round(extent.minX)}…${Math.round(extent.maxX)}，y ${Math.round(extent.minY)}…${Math.round(extent.maxY)}）推断坐标系：请选择坐标系。`,
        `cannot infer the coordinate system from the coordinates (x ${Math.round(extent.minX)}…${Math.round(extent.maxX)}, y ${Math.round(extent.minY)}…${Math.round(extent.maxY)}): choose the coordinate system.`,
      ),
    };
  }
  return {
    crs: fit.crs,
    swapAxes: fit.swap,
    source: 'coordinates',
    certainty: 'inferred',
    message: text(`推断：${fit.why.zh}。`, `Inferred: ${fit.why.en}.`),
  };
}

/** A coordinate system named by a file name: "…_gcj02.geojson", "高德描边.kml", "baidu.json". */
export function crsFromFileName(fileName: string): CrsDef | null {
  const name = fileName.toLowerCase();
  if (/gcj|amap|gaode|高德|火星|腾讯|tencent/.test(name)) return GCJ02;
  if (/bd-?09|baidu|百度/.test(name)) return BD09;
  return null;
}

/** A geographic guess from a file name hint, or the coordinates, for formats that carry degrees. */
export function guessDegrees(
  fileName: string,
  extent: Extent | null,
  stated: CrsGuess | null,
): CrsGuess {
  const hinted = crsFromFileName(fileName);
  if (hinted) {
    return {
      crs: hinted,
      swapAxes: false,
      source: 'file-name',
      certainty: 'inferred',
      message: text(
        `按文件名推断为 ${hinted.name.zh}，请确认。`,
        `The file name suggests ${hinted.name.en}; confirm it.`,
      ),
    };
  }
  return stated ?? inferFromCoordinates(extent);
}
