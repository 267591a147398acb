import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { CrsGuess } from '../guess';
import { ImportError, plural, text, type Text } from '../text';

/**
 * What every reader shares: the shapes of a file read for import, and the step that keeps its
 * polygons (closed lines included) and says what else was there.
 */

/** The formats the importer reads. */
export type ImportFormat = 'geojson' | 'topojson' | 'kml' | 'kmz' | 'shapefile';

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

/** Options of the readers. */
export interface ReadOptions {
  /** How to parse KML; defaults to the global DOMParser (browsers). */
  readonly parseXml?: XmlParser;
  /** Of an archive with several Shapefile layers, read only this one (by name). */
  readonly layer?: string;
}

/** A feature as a format gives it, before only the polygons are kept. */
export interface RawFeature {
  readonly properties: Record<string, unknown>;
  readonly geometry: Geometry | null;
}

/** The lower-case extension of a file name, without the dot. */
export const extension = (name: string): string =>
  /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
/** The last part of a path. */
export const baseName = (path: string): string => path.split(/[/\\]/).pop() ?? path;
/** A path without its extension. */
export const stem = (path: string): string => path.replace(/\.[^./\\]+$/, '');

/** Whether the bytes start like a zip archive. */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 text without a byte-order mark. */
export const decodeUtf8 = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');

/** Counts of what is not a polygon, so that "no polygons found" can say what was there. */
interface Skipped {
  points: number;
  lines: number;
  empty: number;
  /** Geometries whose coordinates are not arrays of numbers. */
  malformed: number;
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
  if (skipped.malformed) {
    zh.push(`${skipped.malformed} 个坐标格式错误的图形`);
    en.push(plural(skipped.malformed, 'malformed geometry'));
  }
  return zh.length ? text(`忽略了 ${zh.join('、')}`, `${en.join(', ')} ignored`) : null;
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));
const isLine = (value: unknown): value is Position[] =>
  Array.isArray(value) && value.every(isPosition);
const isRings = (value: unknown): value is Position[][] =>
  Array.isArray(value) && value.every(isLine);

function closedRing(line: Position[]): boolean {
  const first = line[0];
  const last = line[line.length - 1];
  return line.length >= 4 && !!first && !!last && first[0] === last[0] && first[1] === last[1];
}

/**
 * The polygons of a geometry: polygons as they are, the members of collections, and closed lines
 * (survey KML often draws a boundary as a closed line). Everything else is counted as skipped;
 * so is a geometry whose coordinates are not nested arrays of numbers (a hand-edited file), since
 * the readers take geometry from files nobody here wrote and must not trust its shape. Unlike
 * `polygonsOf` (src/geometry/polygons.ts), which takes a park geometry as it is.
 */
function collectPolygons(geometry: unknown, skipped: Skipped, depth = 0): Position[][][] {
  if (geometry === null || geometry === undefined) {
    skipped.empty++;
    return [];
  }
  if (!isRecord(geometry) || depth > 8) {
    skipped.malformed++;
    return [];
  }
  const coordinates = geometry['coordinates'];
  switch (geometry['type']) {
    case 'Polygon':
      if (!isRings(coordinates)) break;
      return coordinates.length ? [coordinates] : (skipped.empty++, []);
    case 'MultiPolygon':
      if (!Array.isArray(coordinates) || !coordinates.every(isRings)) break;
      if (coordinates.every((rings) => rings.length === 0)) skipped.empty++;
      return coordinates.filter((rings) => rings.length > 0);
    case 'GeometryCollection': {
      const members = geometry['geometries'];
      if (!Array.isArray(members)) break;
      return members.flatMap((g) => collectPolygons(g, skipped, depth + 1));
    }
    case 'LineString':
      if (!isLine(coordinates)) break;
      if (closedRing(coordinates)) return [[coordinates]];
      skipped.lines++;
      return [];
    case 'MultiLineString': {
      if (!isRings(coordinates)) break;
      const closed = coordinates.filter(closedRing);
      skipped.lines += coordinates.length - closed.length;
      return closed.map((line) => [line]);
    }
    case 'Point':
      if (!isPosition(coordinates)) break;
      skipped.points++;
      return [];
    case 'MultiPoint':
      if (!isLine(coordinates)) break;
      skipped.points += coordinates.length;
      return [];
  }
  skipped.malformed++;
  return [];
}

function toAreal(polygons: Position[][][]): Polygon | MultiPolygon | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1 && polygons[0]) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Keeps the polygon features, or says there are none and what was there instead. */
export function polygonFeatures(
  fileName: string,
  raw: readonly RawFeature[],
): { features: SourceFeature[]; fields: string[]; skipped: Text | null } {
  const skipped: Skipped = { points: 0, lines: 0, empty: 0, malformed: 0 };
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

/** Every position of the features, for the extent and the distances a system would move them. */
export function* positionsOf(features: readonly SourceFeature[]): Generator<Position> {
  for (const f of features) {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) yield* ring;
  }
}

/**
 * Where a JSON syntax error is, as "line 3, column 14", from the position the engine reports;
 * the engine's own wording (which quotes the text and varies by version) is not shown to users.
 */
export function jsonErrorPlace(source: string, error: unknown): string | null {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (!match) return /end of JSON input|Unterminated/i.test(message) ? 'end' : null;
  const at = Math.min(Number(match[1]), source.length);
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/** "not valid JSON (line 3, column 14)", in both languages. */
export function notJson(source: string, error: unknown, what = 'JSON'): Text {
  const place = jsonErrorPlace(source, error);
  if (place === 'end')
    return text(
      `不是有效的 ${what}（文件在中途结束）`,
      `not valid ${what} (the file ends too early)`,
    );
  if (!place) return text(`不是有效的 ${what}`, `not valid ${what}`);
  const [line, column] = place.split(':');
  return text(
    `不是有效的 ${what}（第 ${line} 行第 ${column} 列）`,
    `not valid ${what} (line ${line}, column ${column})`,
  );
}
