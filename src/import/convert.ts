import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inZhenjiang } from '../geometry/coordinates';
import { polygonsOf } from '../geometry/polygons';
import { roundRing, wind } from '../geometry/rings';
import { transformationOf, type CrsDef } from './crs';
import { candidatesLine, inferCrs } from './guess';
import { converterFor, type Converter } from './transform';
import type { ImportSource, SourceFeature } from './parse';
import { text, type Text } from './text';

/**
 * Brings a file's polygons to what parks.geojson holds: WGS-84 [lon, lat], 6 decimals (about
 * 0.1 m), RFC 7946 winding (outer rings counterclockwise, holes clockwise), closed rings without
 * repeated positions, no third ordinate.
 */

/** Decimals of a park coordinate in geo/parks.geojson. */
export const DECIMALS = 6;

/** A polygon feature converted to WGS-84. */
export interface ConvertedFeature {
  readonly index: number;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly geometry: Polygon | MultiPolygon;
}

/** The file's polygons in WGS-84, and what the conversion noticed. */
export interface ConvertedSource {
  readonly crs: CrsDef;
  readonly features: readonly ConvertedFeature[];
  /** Problems worth a look before applying: coordinates outside Zhenjiang, dropped rings. */
  readonly warnings: readonly Text[];
  /**
   * Most of the data does not land in Zhenjiang: the system (or the axis order) is wrong, and
   * matching or validating the result would only report the symptoms. The first warning says so.
   */
  readonly misplaced: boolean;
  /** The transformation applied, named for the output ("inverse projection, EPSG:15919 …"). */
  readonly transformation: Text;
}

/** Converts, rounds and closes a ring, dropping positions that rounding made repeat. */
function convertRing(ring: readonly Position[], convert: Converter, swap: boolean): Position[] {
  const converted = ring.map((position) =>
    convert(swap ? [position[1] ?? Number.NaN, position[0] ?? Number.NaN] : position),
  );
  return roundRing(converted, DECIMALS);
}

function convertGeometry(
  geometry: Polygon | MultiPolygon,
  convert: Converter,
  swap: boolean,
  dropped: { rings: number },
): Polygon | MultiPolygon | null {
  const polygons = polygonsOf(geometry);
  const out: Position[][][] = [];
  for (const rings of polygons) {
    const converted: Position[][] = [];
    rings.forEach((ring, i) => {
      const next = convertRing(ring, convert, swap);
      if (next.length < 4) {
        // A ring that collapses at 0.1 m is a digitising artefact, not a boundary.
        dropped.rings++;
        if (i === 0) converted.length = 0;
        return;
      }
      if (i > 0 && converted.length === 0) return;
      converted.push(wind(next, i === 0));
    });
    if (converted.length > 0) out.push(converted);
  }
  if (out.length === 0) return null;
  return out.length === 1 && out[0]
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
}

/** Every position of a geometry. */
export function* positionsOf(geometry: Polygon | MultiPolygon): Generator<Position> {
  const polygons = polygonsOf(geometry);
  for (const rings of polygons) for (const ring of rings) yield* ring;
}

/**
 * Converts a file's polygons from `crs` (with axes swapped when the file holds northing or
 * latitude first) to WGS-84 as parks.geojson holds them. Warns when the result is not in
 * Zhenjiang: the usual sign of a wrong coordinate system.
 */
export function convertSource(
  source: ImportSource,
  crs: CrsDef,
  swapAxes = false,
): ConvertedSource {
  const convert = converterFor(crs);
  const dropped = { rings: 0 };
  const features: ConvertedFeature[] = [];
  let outside = 0;
  let total = 0;
  let invalid = 0;
  for (const feature of source.features as readonly SourceFeature[]) {
    const geometry = convertGeometry(feature.geometry, convert, swapAxes, dropped);
    if (!geometry) continue;
    for (const position of positionsOf(geometry)) {
      total++;
      if (!Number.isFinite(position[0]) || !Number.isFinite(position[1])) invalid++;
      else if (!inZhenjiang(position[0] ?? Number.NaN, position[1] ?? Number.NaN)) outside++;
    }
    features.push({ index: feature.index, properties: feature.properties, geometry });
  }
  const warnings: Text[] = [];
  const misplaced = features.length === 0 || invalid + outside > total / 2;
  if (misplaced) {
    warnings.push(
      misplacedText(source, crs, swapAxes, total === 0 ? 0 : (invalid + outside) / total),
    );
  } else {
    if (invalid > 0) {
      warnings.push(
        text(
          `按 ${crs.name.zh} 转换后有 ${invalid} 个坐标无效：坐标系很可能选错了。`,
          `${invalid} positions are not valid after conversion from ${crs.name.en}: the coordinate system is most likely wrong.`,
        ),
      );
    }
    if (outside > 0) {
      warnings.push(
        text(
          `按 ${crs.name.zh} 转换后，${total} 个坐标中有 ${outside} 个不在镇江：请检查坐标系。`,
          `After conversion from ${crs.name.en}, ${outside} of ${total} positions are not in Zhenjiang: check the coordinate system.`,
        ),
      );
    }
    if (dropped.rings > 0) {
      warnings.push(
        text(
          `${dropped.rings} 个环在 0.1 米精度下退化，已舍弃。`,
          `${dropped.rings} rings collapse at 0.1 m precision and were dropped.`,
        ),
      );
    }
  }
  if (crs.caveat) warnings.push(crs.caveat);
  return { crs, features, warnings, misplaced, transformation: transformationOf(crs) };
}

/**
 * Why the data is not in Zhenjiang, said as a wrong system or axis order rather than by its
 * symptoms (collapsed rings, then "no feature matched"): what the systems that do fit are.
 */
function misplacedText(source: ImportSource, crs: CrsDef, swapAxes: boolean, share: number): Text {
  const percent = Math.round(share * 100);
  const head = text(
    `按 ${crs.name.zh}${swapAxes ? '（交换坐标轴）' : ''}读取，${percent}% 的坐标不在镇江：坐标系或坐标轴顺序不对`,
    `Read as ${crs.name.en}${swapAxes ? ' with axes swapped' : ''}, ${percent}% of the positions do not land in Zhenjiang: the coordinate system or the axis order is wrong`,
  );
  const positions = source.features.flatMap((f) => [...positionsOf(f.geometry)]);
  const fits = inferCrs(source.fileName, positions, null);
  const others = {
    ...fits,
    candidates: fits.candidates.filter((c) => c.crs.id !== crs.id || c.swapAxes !== swapAxes),
  };
  if (others.candidates.length === 0) {
    return text(
      `${head.zh}；没有已知坐标系能把它放在镇江。`,
      `${head.en}; no known system puts it in Zhenjiang.`,
    );
  }
  const swapOnly = others.candidates.some((c) => c.crs.id === crs.id && c.swapAxes !== swapAxes);
  return text(
    `${head.zh}${swapOnly ? '（交换坐标轴即可）' : ''}；能放在镇江的坐标系：${candidatesLine(others, 'zh')}。`,
    `${head.en}${swapOnly ? ' (swapping the axes fixes it)' : ''}; systems that fit: ${candidatesLine(others)}.`,
  );
}
