import type { Geometry } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { inferCrs, statedGuess, type CrsGuess } from '../guess';
import { readPrj } from '../prj';
import { ImportError, text, type Text } from '../text';
import {
  baseName,
  decodeUtf8,
  extension,
  polygonFeatures,
  positionsOf,
  stem,
  type ImportSource,
  type RawFeature,
  type ReadOptions,
} from './common';
import { dbfEncoding } from './dbf';

/**
 * A Shapefile from its parts (a zip's entries, or loose files): every layer with its own .dbf,
 * .prj and .cpg. Layers in different coordinate systems are refused plainly rather than
 * converted with one layer's .prj; a layer held twice (the same bytes under two names, or the
 * same features again) is read once.
 */

const SHAPE_TYPES: Readonly<Record<number, 'point' | 'line' | 'polygon'>> = {
  1: 'point',
  8: 'point',
  11: 'point',
  18: 'point',
  21: 'point',
  28: 'point',
  3: 'line',
  13: 'line',
  23: 'line',
  5: 'polygon',
  15: 'polygon',
  25: 'polygon',
};

/** Checks a .shp header: the file code, the length it claims, and the shape type. */
function checkShp(fileName: string, layer: string, shp: Uint8Array): void {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100 || view.getInt32(0) !== 9994) {
    throw new ImportError(
      fileName,
      text(
        `${layer}.shp 不是 Shapefile（文件头无效）`,
        `${layer}.shp is not a shapefile (bad header)`,
      ),
    );
  }
  const claimed = view.getInt32(24) * 2;
  if (claimed > shp.byteLength) {
    throw new ImportError(
      fileName,
      text(
        `${layer}.shp 不完整：文件头记录 ${claimed} 字节，实际只有 ${shp.byteLength} 字节`,
        `${layer}.shp is truncated: its header says ${claimed} bytes, the file has ${shp.byteLength}`,
      ),
    );
  }
  const shapeType = view.getInt32(32, true);
  if (!(shapeType in SHAPE_TYPES) && shapeType !== 0) {
    throw new ImportError(
      fileName,
      text(
        `${layer}.shp 的图形类型 ${shapeType} 无法读取`,
        `${layer}.shp has shape type ${shapeType}, which cannot be read`,
      ),
    );
  }
}

interface LayerParts {
  readonly shp: Uint8Array;
  readonly dbf?: Uint8Array;
  readonly prj?: string;
  readonly cpg?: string;
}

/** Reads one Shapefile layer from its parts. */
function readLayer(
  fileName: string,
  layer: string,
  parts: LayerParts,
  notes: Text[],
): RawFeature[] {
  checkShp(fileName, layer, parts.shp);
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(parts.shp);
  } catch {
    throw new ImportError(
      fileName,
      text(
        `${layer}.shp 无法读取：图形记录已损坏`,
        `${layer}.shp cannot be read: a shape record is damaged`,
      ),
    );
  }
  let records: Record<string, unknown>[] = [];
  if (parts.dbf) {
    const encoding = dbfEncoding(parts.dbf, parts.cpg ?? null);
    try {
      records = parseDbf(parts.dbf, encoding.label);
    } catch {
      throw new ImportError(
        fileName,
        text(
          `${layer}.dbf 无法读取：文件已损坏`,
          `${layer}.dbf cannot be read: the file is damaged`,
        ),
      );
    }
    notes.push(encoding.how);
    if (records.length !== geometries.length) {
      notes.push(
        text(
          `${layer}.dbf 有 ${records.length} 条记录，.shp 有 ${geometries.length} 个图形：多余的部分无属性`,
          `${layer}.dbf has ${records.length} records and the .shp ${geometries.length} shapes: the extra ones have no attributes`,
        ),
      );
    }
  } else {
    notes.push(
      text(
        `没有 ${layer}.dbf：要素没有属性，只能手动对应园区`,
        `no ${layer}.dbf: the features have no attributes, so match them to parks by hand`,
      ),
    );
  }
  return geometries.map((geometry, i) => ({ geometry, properties: { ...(records[i] ?? {}) } }));
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a === b || (!!a && !!b && a.length === b.length && a.every((byte, i) => byte === b[i]));

/** A layer's coordinate system as its .prj states it, or what is missing. */
interface LayerCrs {
  readonly layer: string;
  /** Equal keys mean the same system. */
  readonly key: string;
  readonly label: string;
  readonly guess: CrsGuess | null;
}

function layerCrs(fileName: string, layer: string, prj: string | undefined): LayerCrs {
  if (prj === undefined) return { layer, key: 'none', label: 'no .prj', guess: null };
  const read = readPrj(prj);
  if (!read.ok) {
    return {
      layer,
      key: `unknown:${prj.trim()}`,
      label: read.name,
      guess: {
        crs: null,
        swapAxes: false,
        source: 'prj',
        certainty: 'unknown',
        message: text(
          `${fileName}：.prj 中的投影无法识别：${read.name}（${read.reason}）；请选择坐标系`,
          `${fileName}: unknown projection in .prj: ${read.name} (${read.reason}); choose the coordinate system`,
        ),
        candidates: [],
        reference: text('', ''),
      },
    };
  }
  return {
    layer,
    key: `${read.crs.id}|${read.crs.proj4 ?? ''}`,
    label: read.crs.id === 'custom' ? read.name : read.crs.id,
    guess: statedGuess(
      fileName,
      read.crs,
      'prj',
      text(`.prj 声明为 ${read.crs.name.zh}。`, `The .prj states ${read.crs.name.en}.`),
    ),
  };
}

/** Drops features that repeat an earlier one exactly (geometry and attributes). */
function withoutRepeats(raw: readonly RawFeature[]): { kept: RawFeature[]; repeats: number } {
  const seen = new Set<string>();
  const kept: RawFeature[] = [];
  for (const feature of raw) {
    const key = JSON.stringify([feature.geometry, feature.properties]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(feature);
  }
  return { kept, repeats: raw.length - kept.length };
}

/** Reads a Shapefile from its parts by file name (from a zip, or chosen as loose files). */
export function readShapefile(
  fileName: string,
  files: Readonly<Record<string, Uint8Array>>,
  options: ReadOptions = {},
): ImportSource {
  const byExt = (layerPath: string, ext: string): Uint8Array | undefined => {
    const wanted = `${stem(layerPath)}.${ext}`.toLowerCase();
    const key = Object.keys(files).find((name) => name.toLowerCase() === wanted);
    return key ? files[key] : undefined;
  };
  const all = Object.keys(files)
    .filter((name) => extension(name) === 'shp')
    .sort();
  const found = Object.keys(files).map(baseName).join(', ') || 'nothing';
  if (all.length === 0) {
    throw new ImportError(
      fileName,
      text(
        `压缩包中没有 .shp 文件（只有 ${found}）`,
        `no .shp file in the archive (found ${found})`,
      ),
    );
  }
  const layerName = (path: string): string => baseName(stem(path));
  const wanted = options.layer?.toLowerCase();
  const chosen = wanted
    ? all.filter((p) => layerName(p).toLowerCase() === wanted || p.toLowerCase() === wanted)
    : all;
  if (chosen.length === 0) {
    throw new ImportError(
      fileName,
      text(
        `没有名为 ${options.layer ?? ''} 的图层（有 ${all.map(layerName).join('、')}）`,
        `no layer named ${options.layer ?? ''} (layers: ${all.map(layerName).join(', ')})`,
      ),
    );
  }
  const notes: Text[] = [];
  // The same layer twice (a copy in another folder, or under another name): read it once.
  const layers: string[] = [];
  for (const path of chosen) {
    const twin = layers.find(
      (other) =>
        sameBytes(files[other], files[path]) && sameBytes(byExt(other, 'dbf'), byExt(path, 'dbf')),
    );
    if (twin) {
      notes.push(
        text(
          `图层 ${path} 与 ${twin} 完全相同：只读取一次`,
          `layer ${path} is the same as ${twin}: read once`,
        ),
      );
    } else layers.push(path);
  }
  const systems = layers.map((path) => {
    const prj = byExt(path, 'prj');
    return layerCrs(fileName, layerName(path), prj ? decodeUtf8(prj) : undefined);
  });
  const keys = new Set(systems.map((s) => s.key));
  if (keys.size > 1) {
    throw new ImportError(
      fileName,
      text(
        `压缩包中的 ${layers.length} 个图层坐标系不同（${systems.map((s) => `${s.layer}：${s.label}`).join('；')}）：请逐个图层导入（单独压缩一个图层，或在命令行用 --layer 图层名）`,
        `the archive's ${layers.length} layers are in different coordinate systems (${systems.map((s) => `${s.layer}: ${s.label}`).join('; ')}): import one layer at a time (zip it alone, or --layer NAME on the command line)`,
      ),
    );
  }
  const raw: RawFeature[] = [];
  for (const path of layers) {
    const layer = layerName(path);
    const shp = files[path];
    if (!shp) continue;
    const dbf = byExt(path, 'dbf');
    const cpg = byExt(path, 'cpg');
    const parts: LayerParts = {
      shp,
      ...(dbf ? { dbf } : {}),
      ...(cpg ? { cpg: decodeUtf8(cpg) } : {}),
    };
    raw.push(...readLayer(fileName, layer, parts, notes));
  }
  if (layers.length > 1) {
    notes.push(
      text(
        `读取了 ${layers.length} 个图层（${layers.map(layerName).join('、')}），坐标系相同`,
        `${layers.length} layers read (${layers.map(layerName).join(', ')}), in the same coordinate system`,
      ),
    );
  }
  const { kept, repeats } = withoutRepeats(raw);
  if (repeats > 0) {
    notes.push(
      text(
        `${repeats} 个要素与前面的要素完全相同（图形和属性），已去重`,
        repeats === 1
          ? '1 feature repeats an earlier one exactly (geometry and attributes): read once'
          : `${repeats} features repeat earlier ones exactly (geometry and attributes): read once`,
      ),
    );
  }
  const { features, fields, skipped } = polygonFeatures(fileName, kept);
  if (skipped) notes.push(skipped);
  const stated = systems[0]?.guess ?? null;
  return {
    fileName,
    format: 'shapefile',
    features,
    fields,
    guess: stated ?? inferCrs(fileName, positionsOf(features), null),
    notes,
  };
}
