import { ImportError, text } from './text';
import {
  decodeUtf8,
  extension,
  isRecord,
  isZip,
  type ImportSource,
  type InputFile,
  type ReadOptions,
} from './read/common';
import { parseJson, readGeoJsonValue } from './read/geojson';
import { readKmlBytes, readKmz } from './read/kml';
import { readShapefile } from './read/shapefile';
import { readTopoJsonValue } from './read/topojson';
import { unzip } from './read/zip';

/**
 * Reads an official boundary file — GeoJSON, TopoJSON, KML, KMZ or a zipped Shapefile (or its
 * loose .shp/.dbf/.prj/.cpg files) — into polygons with their attributes, in the file's own
 * coordinates, plus what the file says about its coordinate system. Nothing here converts
 * coordinates. The readers live in read/, one per format; this picks the reader.
 */

export type {
  ImportFormat,
  ImportSource,
  InputFile,
  ReadOptions,
  SourceFeature,
  XmlParser,
} from './read/common';
export { dbfEncoding } from './read/dbf';

/** Reads JSON that is GeoJSON or TopoJSON. */
function readJson(name: string, bytes: Uint8Array): ImportSource {
  const source = decodeUtf8(bytes);
  const value = parseJson(name, source);
  if (isRecord(value) && value['type'] === 'Topology') return readTopoJsonValue(name, value);
  return readGeoJsonValue(name, value);
}

function dispatch(files: readonly InputFile[], options: ReadOptions): ImportSource {
  const first = files[0];
  if (!first) throw new ImportError('', text('没有选择文件', 'no file chosen'));
  const shp = files.find((f) => extension(f.name) === 'shp');
  if (files.length > 1 || shp) {
    const name = shp?.name ?? first.name;
    if (!shp) {
      const names = files.map((f) => f.name).join(', ');
      throw new ImportError(
        name,
        text(
          `选择的文件（${names}）中没有 .shp：Shapefile 的图形在 .shp 中，请一并选择`,
          `no .shp among the chosen files (${names}): a Shapefile's shapes are in its .shp, choose it too`,
        ),
      );
    }
    return readShapefile(name, Object.fromEntries(files.map((f) => [f.name, f.bytes])), options);
  }
  const { name, bytes } = first;
  if (bytes.length === 0) throw new ImportError(name, text('文件是空的', 'the file is empty'));
  const ext = extension(name);
  if (ext === 'kmz' || (isZip(bytes) && ext !== 'zip' && ext !== 'shp')) {
    const entries = ext === 'kmz' ? null : unzip(name, bytes);
    if (ext === 'kmz' || Object.keys(entries ?? {}).some((n) => extension(n) === 'kml')) {
      return readKmz(name, bytes, options);
    }
    return readShapefile(name, entries ?? {}, options);
  }
  if (ext === 'zip') return readShapefile(name, unzip(name, bytes), options);
  const head = decodeUtf8(bytes.subarray(0, 512)).trimStart();
  if (
    ['kml', 'gpx', 'xml'].includes(ext) ||
    (!['json', 'geojson', 'topojson'].includes(ext) && head.startsWith('<'))
  ) {
    return readKmlBytes(name, bytes, options);
  }
  if (
    ['json', 'geojson', 'topojson'].includes(ext) ||
    head.startsWith('{') ||
    head.startsWith('[')
  ) {
    return readJson(name, bytes);
  }
  throw new ImportError(
    name,
    text(
      '无法识别的文件格式：请选择 GeoJSON、TopoJSON、KML、KMZ 或 Shapefile 压缩包（.zip）',
      'unrecognised format: choose a GeoJSON, TopoJSON, KML, KMZ or zipped Shapefile (.zip)',
    ),
  );
}

/**
 * Reads the file(s) a user chose: one GeoJSON, TopoJSON, KML, KMZ or zipped Shapefile, or the
 * loose files of one Shapefile (.shp with its .dbf, .prj, .cpg). Throws an {@link ImportError}
 * naming the file and the problem when it cannot be imported — also for anything a reader did not
 * foresee, so that no raw JavaScript error text reaches a user.
 */
export function readImportFiles(
  files: readonly InputFile[],
  options: ReadOptions = {},
): ImportSource {
  try {
    return dispatch(files, options);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const name = files.find((f) => extension(f.name) === 'shp')?.name ?? files[0]?.name ?? '';
    throw new ImportError(
      name,
      text(
        '文件无法读取：格式不符合预期（可能已损坏）',
        'the file cannot be read: it is not laid out as its format requires (it may be damaged)',
      ),
    );
  }
}
