import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { unzipSync } from 'fflate';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { crsFromEpsg, WGS84 } from './crs';
import { extentOf, guessDegrees, inferFromCoordinates, type CrsGuess, type Extent } from './guess';
import { readPrj } from './prj';
import { ImportError, plural, text, type Text } from './text';

/**
 * Reads an official boundary file — GeoJSON, KML, KMZ or a zipped Shapefile (or its loose
 * .shp/.dbf/.prj/.cpg files) — into polygons with their attributes, in the file's own coordinates,
 * plus what the file says about its coordinate system. Nothing here converts coordinates.
 */

/** The formats the importer reads. */
export type ImportFormat = 'geojson' | 'kml' | 'kmz' | 'shapefile';

/** One polygon feature of the file, in the file's coordinates. */
export interface SourceFeature {
  /** Its position among the file's polygon features, 0-based: how the panel refers to it. */
  readonly index: number;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly geometry: Polygon | MultiPolygon;
}

/** A file read for import. */
export interface ImportSource {
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly features: readonly SourceFeature[];
  /** Attribute names, in file order (the match-field choices). */
  readonly fields: readonly string[];
  /** The coordinate system, as far as the file states or its numbers suggest. */
  readonly guess: CrsGuess;
  /** What else the reader noticed: ignored points and lines, encodings, layers. */
  readonly notes: readonly Text[];
}

/** A file handed to the importer: its name and bytes. */
export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Parses XML text into a DOM document: the browser's DOMParser, or jsdom's in Node. */
export type XmlParser = (xml: string) => Document;

/** Options of {@link readImportFiles}. */
export interface ReadOptions {
  /** How to parse KML; defaults to the global DOMParser (browsers). */
  readonly parseXml?: XmlParser;
}

const extension = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const baseName = (path: string): string => path.split(/[/\\]/).pop() ?? path;
const stem = (path: string): string => path.replace(/\.[^./\\]+$/, '');

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);

/** Counts of what is not a polygon, so that "no polygons found" can say what was there. */
interface Skipped {
  points: number;
  lines: number;
  empty: number;
}

function skippedText(skipped: Skipped): Text | null {
  const zh: string[] = [];
  const en: string[] = [];
  if (skipped.points) {
    zh.push(`${skipped.points} 个点`);
    en.push(plural(skipped.points, 'point'));
  }
  if (skipped.lines) {
    zh.push(`${skipped.lines} 条线`);
    en.push(plural(skipped.lines, 'line'));
  }
  if (skipped.empty) {
    zh.push(`${skipped.empty} 个空图形`);
    en.push(plural(skipped.empty, 'empty geometry'));
  }
  return zh.length ? text(`忽略了 ${zh.join('、')}`, `${en.join(', ')} ignored`) : null;
}

function closedRing(line: Position[]): boolean {
  const first = line[0];
  const last = line[line.length - 1];
  return line.length >= 4 && !!first && !!last && first[0] === last[0] && first[1] === last[1];
}

/**
 * The polygons of a geometry: polygons as they are, the members of collections, and closed lines
 * (survey KML often draws a boundary as a closed line). Everything else is counted as skipped;
 * unlike `polygonsOf` (src/geometry/polygons.ts), which takes a park geometry as it is.
 */
function collectPolygons(geometry: Geometry | null | undefined, skipped: Skipped): Position[][][] {
  if (!geometry) {
    skipped.empty++;
    return [];
  }
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.length ? [geometry.coordinates] : (skipped.empty++, []);
    case 'MultiPolygon':
      return geometry.coordinates.filter((rings) => rings.length > 0);
    case 'GeometryCollection':
      return geometry.geometries.flatMap((g) => collectPolygons(g, skipped));
    case 'LineString':
      if (closedRing(geometry.coordinates)) return [[geometry.coordinates]];
      skipped.lines++;
      return [];
    case 'MultiLineString': {
      const closed = geometry.coordinates.filter(closedRing);
      skipped.lines += geometry.coordinates.length - closed.length;
      return closed.map((line) => [line]);
    }
    case 'Point':
      skipped.points++;
      return [];
    case 'MultiPoint':
      skipped.points += geometry.coordinates.length;
      return [];
  }
}

function toAreal(polygons: Position[][][]): Polygon | MultiPolygon | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1 && polygons[0]) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

interface RawFeature {
  readonly properties: Record<string, unknown>;
  readonly geometry: Geometry | null;
}

/** Keeps the polygon features, or says there are none and what was there instead. */
function polygonFeatures(
  fileName: string,
  raw: readonly RawFeature[],
): { features: SourceFeature[]; fields: string[]; skipped: Text | null } {
  const skipped: Skipped = { points: 0, lines: 0, empty: 0 };
  const features: SourceFeature[] = [];
  const fields = new Set<string>();
  for (const feature of raw) {
    const geometry = toAreal(collectPolygons(feature.geometry, skipped));
    if (!geometry) continue;
    for (const key of Object.keys(feature.properties)) fields.add(key);
    features.push({ index: features.length, properties: feature.properties, geometry });
  }
  const note = skippedText(skipped);
  if (features.length === 0) {
    throw new ImportError(
      fileName,
      raw.length === 0
        ? text('文件中没有任何要素', 'no features in the file')
        : text(
            `没有找到面（${note?.zh ?? '无可用图形'}）`,
            `no polygons found (${note?.en ?? 'no usable geometry'})`,
          ),
    );
  }
  return { features, fields: [...fields], skipped: note };
}

function* positionsOf(features: readonly SourceFeature[]): Generator<Position> {
  for (const f of features) {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) yield* ring;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const decodeUtf8 = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');

/** The EPSG code a legacy GeoJSON `crs` member names: "EPSG:4549", "urn:ogc:def:crs:EPSG::4549", CRS84. */
function geoJsonCrs(fileName: string, value: unknown): CrsGuess | null {
  if (!isRecord(value)) return null;
  const properties = isRecord(value['properties']) ? value['properties'] : {};
  const name = String(properties['name'] ?? '');
  if (/crs84$/i.test(name)) {
    return {
      crs: WGS84,
      swapAxes: false,
      source: 'geojson-crs',
      certainty: 'stated',
      message: text(
        '文件的 crs 成员声明为 WGS-84（CRS84）。',
        "The file's crs member states WGS-84 (CRS84).",
      ),
    };
  }
  const code = /epsg:{1,2}(\d+)$/i.exec(name)?.[1];
  const crs = code ? crsFromEpsg(Number(code)) : null;
  if (!crs) {
    throw new ImportError(
      fileName,
      text(
        `crs 成员中的坐标系无法识别：${name || JSON.stringify(value)}；请选择坐标系`,
        `unknown coordinate system in the crs member: ${name || JSON.stringify(value)}; choose the coordinate system`,
      ),
    );
  }
  return {
    crs,
    swapAxes: false,
    source: 'geojson-crs',
    certainty: 'stated',
    message: text(
      `文件的 crs 成员声明为 ${crs.name.zh}。`,
      `The file's crs member states ${crs.name.en}.`,
    ),
  };
}

/** Reads GeoJSON: a FeatureCollection, a Feature or a bare geometry. */
export function readGeoJson(fileName: string, source: string): ImportSource {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new ImportError(
      fileName,
      text(
        `不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`,
        `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      ),
    );
  }
  if (!isRecord(value) || typeof value['type'] !== 'string') {
    throw new ImportError(
      fileName,
      text('不是 GeoJSON（缺少 type）', 'not GeoJSON (no type member)'),
    );
  }
  const raw: RawFeature[] = [];
  const asFeature = (item: unknown): RawFeature | null =>
    isRecord(item) && item['type'] === 'Feature'
      ? {
          properties: isRecord(item['properties']) ? item['properties'] : {},
          geometry: isRecord(item['geometry']) ? (item['geometry'] as unknown as Geometry) : null,
        }
      : null;
  if (value['type'] === 'FeatureCollection' && Array.isArray(value['features'])) {
    for (const item of value['features']) {
      const feature = asFeature(item);
      if (feature) raw.push(feature);
    }
  } else if (value['type'] === 'Feature') {
    const feature = asFeature(value);
    if (feature) raw.push(feature);
  } else {
    raw.push({ properties: {}, geometry: value as unknown as Geometry });
  }
  // The crs member first: a file in an unknown system is refused for that, whatever it holds.
  const stated = 'crs' in value ? geoJsonCrs(fileName, value['crs']) : null;
  const { features, fields, skipped } = polygonFeatures(fileName, raw);
  return {
    fileName,
    format: 'geojson',
    features,
    fields,
    guess: guessFrom(fileName, extentOf(positionsOf(features)), stated),
    notes: skipped ? [skipped] : [],
  };
}

function defaultXmlParser(): XmlParser {
  if (typeof DOMParser === 'undefined') {
    throw new Error('no DOMParser here: pass options.parseXml to read KML');
  }
  const parser = new DOMParser();
  return (xml) => parser.parseFromString(xml, 'application/xml');
}

/** Reads KML (always WGS-84 lon/lat by the standard, though a trace on AMap may be GCJ-02). */
export function readKml(
  fileName: string,
  source: string,
  options: ReadOptions = {},
  format: 'kml' | 'kmz' = 'kml',
): ImportSource {
  const parseXml = options.parseXml ?? defaultXmlParser();
  const doc = parseXml(source);
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error || !doc.documentElement) {
    throw new ImportError(
      fileName,
      text(
        `不是有效的 KML/XML（${error?.textContent?.trim().split('\n')[0] ?? '无法解析'}）`,
        `not valid KML/XML (${error?.textContent?.trim().split('\n')[0] ?? 'cannot be parsed'})`,
      ),
    );
  }
  if (doc.getElementsByTagName('Placemark').length === 0) {
    throw new ImportError(
      fileName,
      text('KML 中没有地标（Placemark）', 'the KML has no placemarks'),
    );
  }
  const collection = kmlToGeoJson(doc);
  const raw: RawFeature[] = collection.features.map((feature) => ({
    properties: isRecord(feature.properties) ? stripStyle(feature.properties) : {},
    geometry: feature.geometry,
  }));
  const { features, fields, skipped } = polygonFeatures(fileName, raw);
  const extent = extentOf(positionsOf(features));
  const stated: CrsGuess = {
    crs: WGS84,
    swapAxes: false,
    source: 'format',
    certainty: 'stated',
    message: text(
      'KML 按标准为 WGS-84 经纬度；如是在高德、百度地图上描绘的，请选 GCJ-02 或 BD-09。',
      'KML is WGS-84 by the standard; if it was traced on AMap or Baidu, choose GCJ-02 or BD-09.',
    ),
  };
  return {
    fileName,
    format,
    features,
    fields,
    guess: guessDegrees(fileName, extent, stated),
    notes: skipped ? [skipped] : [],
  };
}

/** togeojson copies KML styles into properties; they are not attributes anyone matches on. */
function stripStyle(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (
      /^(styleUrl|styleHash|styleMap|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|label-scale|icon-scale|visibility)$/.test(
        key,
      )
    )
      continue;
    out[key] = value;
  }
  return out;
}

function unzip(fileName: string, bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    const entries = unzipSync(bytes);
    // macOS adds __MACOSX/._name resource forks beside each file: they are not the data.
    return Object.fromEntries(
      Object.entries(entries).filter(
        ([name]) => !name.startsWith('__MACOSX/') && !baseName(name).startsWith('._'),
      ),
    );
  } catch (error) {
    throw new ImportError(
      fileName,
      text(
        `压缩包无法读取，可能已损坏或不完整（${error instanceof Error ? error.message : String(error)}）`,
        `the archive cannot be read: it is damaged or truncated (${error instanceof Error ? error.message : String(error)})`,
      ),
    );
  }
}

/** Reads a KMZ: the zipped KML (doc.kml, or the first .kml inside). */
export function readKmz(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): ImportSource {
  const entries = unzip(fileName, bytes);
  const names = Object.keys(entries).filter((name) => extension(name) === 'kml');
  const main = names.find((name) => baseName(name).toLowerCase() === 'doc.kml') ?? names[0];
  const content = main ? entries[main] : undefined;
  if (!main || !content) {
    throw new ImportError(fileName, text('KMZ 中没有 .kml 文件', 'no .kml file in the KMZ'));
  }
  return readKml(fileName, decodeUtf8(content), options, 'kmz');
}

/** The .dbf text encoding: from the .cpg, then the .dbf's language-driver byte, then by trying UTF-8. */
export function dbfEncoding(dbf: Uint8Array, cpg: string | null): { label: string; how: Text } {
  if (cpg !== null) {
    const page = cpg
      .trim()
      .toLowerCase()
      .replace(/^ansi\s*/, '');
    const label = /^(936|cp936|gbk|gb2312|gb_2312|x-gbk|chinese)$/.test(page)
      ? 'gbk'
      : /^(54936|gb18030)$/.test(page)
        ? 'gb18030'
        : /^(65001|utf-?8)$/.test(page)
          ? 'utf-8'
          : /^\d+$/.test(page)
            ? `windows-${page}`
            : page;
    try {
      new TextDecoder(label);
      return {
        label,
        how: text(`属性编码 ${label}（.cpg）`, `attributes decoded as ${label} (.cpg)`),
      };
    } catch {
      // An unknown .cpg label falls through to the other clues.
    }
  }
  // dBASE language-driver id: 0x4D and 0x7A are code page 936, what Chinese ArcGIS writes.
  const driver = dbf[29];
  if (driver === 0x4d || driver === 0x7a) {
    return {
      label: 'gbk',
      how: text(
        '属性编码 GBK（.dbf 语言驱动标记）',
        'attributes decoded as GBK (the .dbf language driver)',
      ),
    };
  }
  // Only the records: the header holds binary lengths that are not text in any encoding.
  const headerLength = (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      dbf.subarray(Math.min(headerLength, dbf.length)),
    );
    return { label: 'utf-8', how: text('属性编码 UTF-8', 'attributes decoded as UTF-8') };
  } catch {
    // Not UTF-8: in a Chinese shapefile without .cpg, GBK is by far the likeliest.
    return {
      label: 'gbk',
      how: text(
        '属性不是 UTF-8 且无 .cpg，按 GBK 解码',
        'attributes are not UTF-8 and there is no .cpg: decoded as GBK',
      ),
    };
  }
}

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
}

/** Reads one Shapefile layer from its parts. */
function readLayer(
  fileName: string,
  layer: string,
  parts: { shp: Uint8Array; dbf?: Uint8Array; prj?: string; cpg?: string },
  notes: Text[],
): RawFeature[] {
  checkShp(fileName, layer, parts.shp);
  const shapeType = new DataView(parts.shp.buffer, parts.shp.byteOffset).getInt32(32, true);
  if (!(shapeType in SHAPE_TYPES) && shapeType !== 0) {
    throw new ImportError(
      fileName,
      text(
        `${layer}.shp 的图形类型 ${shapeType} 无法读取`,
        `${layer}.shp has shape type ${shapeType}, which cannot be read`,
      ),
    );
  }
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(parts.shp);
  } catch (error) {
    throw new ImportError(
      fileName,
      text(
        `${layer}.shp 无法读取（${String(error)}）`,
        `${layer}.shp cannot be read (${error instanceof Error ? error.message : String(error)})`,
      ),
    );
  }
  let records: Record<string, unknown>[] = [];
  if (parts.dbf) {
    const encoding = dbfEncoding(parts.dbf, parts.cpg ?? null);
    try {
      records = parseDbf(parts.dbf, encoding.label);
    } catch (error) {
      throw new ImportError(
        fileName,
        text(
          `${layer}.dbf 无法读取（${String(error)}）`,
          `${layer}.dbf cannot be read (${error instanceof Error ? error.message : String(error)})`,
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

/** Reads a Shapefile from its parts by file name (from a zip, or chosen as loose files). */
export function readShapefile(
  fileName: string,
  files: Readonly<Record<string, Uint8Array>>,
): ImportSource {
  const byExt = (layerPath: string, ext: string): Uint8Array | undefined => {
    const wanted = `${stem(layerPath)}.${ext}`.toLowerCase();
    const key = Object.keys(files).find((name) => name.toLowerCase() === wanted);
    return key ? files[key] : undefined;
  };
  const layers = Object.keys(files).filter((name) => extension(name) === 'shp');
  if (layers.length === 0) {
    const found = Object.keys(files).map(baseName).join(', ') || 'nothing';
    throw new ImportError(
      fileName,
      text(
        `压缩包中没有 .shp 文件（只有 ${found}）`,
        `no .shp file in the archive (found ${found})`,
      ),
    );
  }
  const notes: Text[] = [];
  const raw: RawFeature[] = [];
  const prjs: { layer: string; text: string }[] = [];
  for (const layerPath of layers.sort()) {
    const layer = baseName(stem(layerPath));
    const shp = files[layerPath];
    if (!shp) continue;
    const dbf = byExt(layerPath, 'dbf');
    const prj = byExt(layerPath, 'prj');
    const cpg = byExt(layerPath, 'cpg');
    raw.push(
      ...readLayer(
        fileName,
        layer,
        {
          shp,
          ...(dbf ? { dbf } : {}),
          ...(prj ? { prj: decodeUtf8(prj) } : {}),
          ...(cpg ? { cpg: decodeUtf8(cpg) } : {}),
        },
        notes,
      ),
    );
    if (prj) prjs.push({ layer, text: decodeUtf8(prj) });
  }
  if (layers.length > 1) {
    notes.push(text(`读取了 ${layers.length} 个图层`, `${layers.length} layers read`));
  }
  const { features, fields, skipped } = polygonFeatures(fileName, raw);
  if (skipped) notes.push(skipped);
  return {
    fileName,
    format: 'shapefile',
    features,
    fields,
    guess: shapefileGuess(fileName, prjs, extentOf(positionsOf(features))),
    notes,
  };
}

/**
 * The guess for a file that may state its system: a stated projection stands; stated or inferred
 * degrees give way to a file-name hint (a GCJ-02 trace is degrees too); otherwise the numbers decide.
 */
function guessFrom(fileName: string, extent: Extent | null, stated: CrsGuess | null): CrsGuess {
  if (stated && stated.crs?.kind !== 'geographic') return stated;
  const guess = stated ?? inferFromCoordinates(extent);
  return guess.crs?.kind === 'geographic' ? guessDegrees(fileName, extent, guess) : guess;
}

function shapefileGuess(
  fileName: string,
  prjs: readonly { layer: string; text: string }[],
  extent: Extent | null,
): CrsGuess {
  const first = prjs[0];
  if (!first) return guessFrom(fileName, extent, null);
  const read = readPrj(first.text);
  if (!read.ok) {
    return {
      crs: null,
      swapAxes: false,
      source: 'prj',
      certainty: 'unknown',
      message: text(
        `${fileName}：.prj 中的投影无法识别：${read.name}（${read.reason}）；请选择坐标系`,
        `${fileName}: unknown projection in .prj: ${read.name} (${read.reason}); choose the coordinate system`,
      ),
    };
  }
  const others = prjs.slice(1).filter((p) => p.text.trim() !== first.text.trim());
  const differ = others.length
    ? text(
        `（注意：图层 ${others.map((p) => p.layer).join('、')} 的 .prj 不同）`,
        ` (note: the .prj of ${others.map((p) => p.layer).join(', ')} differs)`,
      )
    : text('', '');
  return {
    crs: read.crs,
    swapAxes: false,
    source: 'prj',
    certainty: 'stated',
    message: text(
      `.prj 声明为 ${read.crs.name.zh}${differ.zh}。`,
      `The .prj states ${read.crs.name.en}${differ.en}.`,
    ),
  };
}

/**
 * Reads the file(s) a user chose: one GeoJSON, KML, KMZ or zipped Shapefile, or the loose files
 * of one Shapefile (.shp with its .dbf, .prj, .cpg). Throws an {@link ImportError} naming the
 * file and the problem when it cannot be imported.
 */
export function readImportFiles(
  files: readonly InputFile[],
  options: ReadOptions = {},
): ImportSource {
  const first = files[0];
  if (!first) throw new ImportError('-', text('没有选择文件', 'no file chosen'));
  const shp = files.find((f) => extension(f.name) === 'shp');
  if (files.length > 1 || shp) {
    const name = shp?.name ?? first.name;
    if (!shp) {
      throw new ImportError(
        name,
        text('选择的多个文件中没有 .shp', 'no .shp among the chosen files'),
      );
    }
    return readShapefile(name, Object.fromEntries(files.map((f) => [f.name, f.bytes])));
  }
  const { name, bytes } = first;
  if (bytes.length === 0) throw new ImportError(name, text('文件是空的', 'the file is empty'));
  const ext = extension(name);
  if (ext === 'kmz' || (isZip(bytes) && ext !== 'zip' && ext !== 'shp')) {
    const entries = ext === 'kmz' ? null : unzip(name, bytes);
    if (ext === 'kmz' || Object.keys(entries ?? {}).some((n) => extension(n) === 'kml')) {
      return readKmz(name, bytes, options);
    }
    return readShapefile(name, entries ?? {});
  }
  if (ext === 'zip') return readShapefile(name, unzip(name, bytes));
  const source = decodeUtf8(bytes);
  const start = source.trimStart()[0];
  if (ext === 'kml' || (ext !== 'json' && ext !== 'geojson' && start === '<')) {
    return readKml(name, source, options);
  }
  if (ext === 'json' || ext === 'geojson' || start === '{') return readGeoJson(name, source);
  throw new ImportError(
    name,
    text(
      '无法识别的文件格式：请选择 GeoJSON、KML、KMZ 或 Shapefile 压缩包（.zip）',
      'unrecognised format: choose a GeoJSON, KML, KMZ or zipped Shapefile (.zip)',
    ),
  );
}
