import type { Position } from 'geojson';
import { inZhenjiang } from '../geometry/coordinates';
import { BD09, GCJ02, WGS84, crsFromEpsg, gkCode, type CrsDef } from './crs';
import { nameHint } from './nameHint';
import type { DatumId } from './datum';
import { converterFor } from './transform';
import { text, type Text } from './text';

/**
 * What a file's numbers allow as its coordinate system when nothing in the file states one: every
 * system that puts the data in Zhenjiang (degrees as WGS-84, GCJ-02 or BD-09; Gauss–Krüger on
 * each datum, with or without the zone prefix, either axis order; Web Mercator), with how far
 * each would move the data. Nothing here decides: a guess is only ever a suggestion the user
 * confirms, because GCJ-02 degrees look exactly like WGS-84 ones and no number tells a datum.
 */

/** Where a file's coordinate system came from. */
export type CrsSource = 'prj' | 'geojson-crs' | 'format' | 'file-name' | 'coordinates' | 'none';

/** A system the file's numbers fit, and what choosing it would do. */
export interface CrsCandidate {
  readonly crs: CrsDef;
  /** The file holds [northing, easting] or [lat, lon]: swap before converting. */
  readonly swapAxes: boolean;
  /** Why it fits. */
  readonly why: Text;
  /**
   * The largest distance, in metres, between this reading of the file's vertices and the
   * reference reading ({@link CrsGuess.reference}): for degrees, the numbers as they are.
   */
  readonly moveMetres: number;
}

/** What the importer knows about a file's coordinate system. */
export interface CrsGuess {
  /** The system to use when stated, else the suggestion (the first candidate); null when none fits. */
  readonly crs: CrsDef | null;
  /** The file holds [northing, easting] or [lat, lon]: swap before converting. */
  readonly swapAxes: boolean;
  readonly source: CrsSource;
  /**
   * `stated`: the file says so (a .prj, a GeoJSON crs member), and it is used; `inferred`: the
   * numbers fit one or more systems, and the user must choose (the command line refuses without
   * --crs); `unknown`: nothing fits, the user must name the system.
   */
  readonly certainty: 'stated' | 'inferred' | 'unknown';
  /** What was found and what is still open, for the panel and the command line. */
  readonly message: Text;
  /** The systems that fit, the suggested one first; empty when the system is stated. */
  readonly candidates: readonly CrsCandidate[];
  /** What {@link CrsCandidate.moveMetres} is measured from. */
  readonly reference: Text;
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

/** At most this many vertices are converted per candidate to measure its move. */
const SAMPLE_SIZE = 64;

/** An even sample of the positions with finite numbers. */
export function samplePositions(positions: Iterable<Position>, size = SAMPLE_SIZE): Position[] {
  const all: Position[] = [];
  for (const p of positions) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) all.push(p);
  if (all.length <= size) return all;
  const step = all.length / size;
  return Array.from({ length: size }, (_, i) => all[Math.floor(i * step)] ?? [0, 0]);
}

/** Great-circle distance in metres (spherical: plenty for "moves it by 550 m"). */
export function metresBetween(p: readonly number[], q: readonly number[]): number {
  const rad = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = p;
  const [lon2 = 0, lat2 = 0] = q;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The sample converted by a system; null when a position fails or leaves Zhenjiang. */
function readAs(crs: CrsDef, sample: readonly Position[], swap: boolean): Position[] | null {
  const convert = converterFor(crs);
  const out: Position[] = [];
  for (const p of sample) {
    let q: Position;
    try {
      q = convert(swap ? [p[1] ?? 0, p[0] ?? 0] : p);
    } catch {
      return null;
    }
    if (!inZhenjiang(q[0] ?? Number.NaN, q[1] ?? Number.NaN)) return null;
    out.push(q);
  }
  return out;
}

/** The largest distance between two readings of the same sample. */
function largestMove(a: readonly Position[], b: readonly Position[]): number {
  let max = 0;
  a.forEach((p, i) => {
    max = Math.max(max, metresBetween(p, b[i] ?? p));
  });
  return max;
}

const digits = (n: number): number => String(Math.floor(Math.abs(n))).length;
const DATUM_ORDER: readonly DatumId[] = ['cgcs2000', 'xian1980', 'beijing1954'];

interface Option {
  readonly crs: CrsDef;
  readonly swap: boolean;
  readonly why: Text;
}

function swappedText(swap: boolean): Text {
  return swap
    ? text(
        '（文件中北坐标/纬度在前，需交换）',
        ' (northing or latitude first in the file: swapped)',
      )
    : text('', '');
}

function gkOptions(eastings: number, swap: boolean): Option[] {
  const out: Option[] = [];
  const swapped = swappedText(swap);
  const add = (width: 3 | 6, meridian: number, prefixed: boolean, why: Text): void => {
    for (const datum of DATUM_ORDER) {
      const code = gkCode(datum, width, meridian, prefixed);
      const crs = code === null ? null : crsFromEpsg(code);
      if (crs) out.push({ crs, swap, why });
    }
  };
  if (digits(eastings) === 6) {
    for (const meridian of [120, 117, 123]) {
      add(
        3,
        meridian,
        false,
        text(
          `东坐标为 6 位数（无带号），按中央经线 ${meridian}°E 落在镇江${swapped.zh}；基准面无法从数值得知`,
          `6-digit eastings (no zone number) land in Zhenjiang with central meridian ${meridian}° E${swapped.en}; no number tells the datum`,
        ),
      );
    }
  }
  if (digits(eastings) === 8) {
    const zone = Math.floor(eastings / 1_000_000);
    const width = zone >= 24 ? 3 : 6;
    const meridian = width === 3 ? zone * 3 : zone * 6 - 3;
    add(
      width,
      meridian,
      true,
      text(
        `东坐标为 8 位数，前两位带号 ${zone}（${width}度带，中央经线 ${meridian}°E）${swapped.zh}；基准面无法从数值得知`,
        `8-digit eastings carry zone number ${zone} (${width}° zone, central meridian ${meridian}° E)${swapped.en}; no number tells the datum`,
      ),
    );
  }
  return out;
}

function degreeOptions(swap: boolean, first: CrsDef | null): Option[] {
  const swapped = swappedText(swap);
  const options: Option[] = [
    {
      crs: WGS84,
      swap,
      why: text(`经纬度按原样（WGS-84）${swapped.zh}`, `degrees as they are (WGS-84)${swapped.en}`),
    },
    {
      crs: GCJ02,
      swap,
      why: text(
        `在高德、腾讯地图上描绘或从其导出${swapped.zh}`,
        `traced on or exported from AMap or Tencent${swapped.en}`,
      ),
    },
    {
      crs: BD09,
      swap,
      why: text(
        `在百度地图上描绘或从其导出${swapped.zh}`,
        `traced on or exported from Baidu${swapped.en}`,
      ),
    },
  ];
  return first
    ? [...options.filter((o) => o.crs === first), ...options.filter((o) => o.crs !== first)]
    : options;
}

/** A guess for a file whose system is stated: used as it is, whatever the file name says. */
export function statedGuess(
  fileName: string,
  crs: CrsDef,
  source: 'prj' | 'geojson-crs',
  message: Text,
): CrsGuess {
  const hint = nameHint(fileName);
  const overruled =
    hint && hint.crs.id !== crs.id
      ? text(
          `（${hint.message.zh}，但以文件自身的声明为准）`,
          ` (${hint.message.en}, but what the file states wins)`,
        )
      : text('', '');
  return {
    crs,
    swapAxes: false,
    source,
    certainty: 'stated',
    message: text(`${message.zh}${overruled.zh}`, `${message.en}${overruled.en}`),
    candidates: [],
    reference: text('', ''),
  };
}

/**
 * The systems a file's numbers fit, when the file states none: `context` says what the format
 * implies ("GeoJSON is WGS-84 by RFC 7946, but …"). The suggestion is a file-name hint if the
 * numbers allow it, else the first fit (WGS-84 for degrees, CGCS2000 for Gauss–Krüger).
 */
export function inferCrs(
  fileName: string,
  positions: Iterable<Position>,
  context: Text | null,
  source: CrsSource = 'coordinates',
): CrsGuess {
  const sample = samplePositions(positions);
  const extent = extentOf(sample);
  if (!extent) {
    return {
      crs: null,
      swapAxes: false,
      source: 'none',
      certainty: 'unknown',
      message: text('文件中没有可用的坐标。', 'The file has no usable coordinates.'),
      candidates: [],
      reference: text('', ''),
    };
  }
  const hint = nameHint(fileName);
  const degrees = Math.max(Math.abs(extent.minX), Math.abs(extent.maxX)) <= 180;
  const options = degrees
    ? [...degreeOptions(false, hint?.crs ?? null), ...degreeOptions(true, hint?.crs ?? null)]
    : [
        ...gkOptions(extent.minX, false),
        ...gkOptions(extent.minY, true),
        {
          crs: crsFromEpsg(3857) as CrsDef,
          swap: false,
          why: text('坐标量级符合 Web 墨卡托', 'coordinate magnitudes fit Web Mercator'),
        },
      ];
  const fits = options.flatMap((o) => {
    const read = readAs(o.crs, sample, o.swap);
    return read ? [{ ...o, read }] : [];
  });
  const prefix = context ? text(`${context.zh}`, `${context.en} `) : text('', '');
  const first = fits[0];
  if (!first) {
    return {
      crs: null,
      swapAxes: false,
      source,
      certainty: 'unknown',
      message: text(
        `${prefix.zh}无法从坐标数值（x ${Math.round(extent.minX)}…${Math.round(extent.maxX)}，y ${Math.round(extent.minY)}…${Math.round(extent.maxY)}）推断坐标系：任何已知坐标系都不能把它放在镇江；请选择坐标系。`,
        `${prefix.en}No known coordinate system puts the coordinates (x ${Math.round(extent.minX)}…${Math.round(extent.maxX)}, y ${Math.round(extent.minY)}…${Math.round(extent.maxY)}) in Zhenjiang: choose the coordinate system.`,
      ),
      candidates: [],
      reference: text('', ''),
    };
  }
  // Degrees move from the numbers as they are; projections from the first (CGCS2000) reading.
  const base = degrees ? sample.map((p) => (first.swap ? [p[1] ?? 0, p[0] ?? 0] : p)) : first.read;
  const candidates: CrsCandidate[] = fits.map((f) => ({
    crs: f.crs,
    swapAxes: f.swap,
    why: f.why,
    moveMetres: largestMove(f.read, base),
  }));
  const suggested = (hint && candidates.find((c) => c.crs.id === hint.crs.id)) ?? candidates[0];
  if (!suggested) throw new Error('unreachable: fits without candidates');
  const hinted = hint && suggested.crs.id === hint.crs.id ? hint.message : null;
  return {
    crs: suggested.crs,
    swapAxes: suggested.swapAxes,
    source: hinted ? 'file-name' : source,
    certainty: 'inferred',
    message: text(
      `${prefix.zh}文件未声明坐标系，${candidates.length} 种坐标系都能把它放在镇江，请选择${hinted ? `；${hinted.zh}` : ''}。`,
      `${prefix.en}The file states no coordinate system, and ${candidates.length} systems put it in Zhenjiang: choose one${hinted ? `; ${hinted.en}` : ''}.`,
    ),
    candidates,
    reference: degrees
      ? text('按原样的经纬度', 'the degrees as they are')
      : text(`按 ${first.crs.name.zh} 的读法`, `reading it as ${first.crs.name.en}`),
  };
}

/** "WGS-84 … (0 m), GCJ-02 … (moves it 553 m)": the candidates in one line, for the command line. */
export function candidatesLine(guess: CrsGuess, lang: 'zh' | 'en' = 'en'): string {
  return guess.candidates
    .map((c) => {
      const id = c.swapAxes ? `${c.crs.id} (axes swapped)` : c.crs.id;
      const metres = Math.round(c.moveMetres).toLocaleString('en');
      return lang === 'zh'
        ? `${c.crs.name.zh}（${id}，相对${guess.reference.zh}移动 ${metres} 米）`
        : `${id} = ${c.crs.name.en} (moves it ${metres} m from ${guess.reference.en})`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}
