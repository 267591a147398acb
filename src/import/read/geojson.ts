import { WGS84, crsFromEpsg } from '../crs';
import { inferCrs, statedGuess, type CrsGuess } from '../guess';
import { ImportError, text, type Text } from '../text';
import {
  isRecord,
  notJson,
  polygonFeatures,
  positionsOf,
  type ImportSource,
  type RawFeature,
} from './common';

/** GeoJSON: a FeatureCollection, a Feature or a bare geometry, with its legacy `crs` member. */

/** What RFC 7946 implies, and why it is still only a guess here. */
export const GEOJSON_CONTEXT: Text = text(
  'GeoJSON 按 RFC 7946 为 WGS-84，但国内平台发布的 GeoJSON 常为 GCJ-02。',
  'GeoJSON is WGS-84 by RFC 7946, yet Chinese platforms publish GCJ-02 in it.',
);

/** The system a legacy GeoJSON `crs` member names: "EPSG:4549", "urn:ogc:def:crs:EPSG::4549", CRS84. */
function geoJsonCrs(fileName: string, value: unknown): CrsGuess | null {
  if (value === null) return null;
  const properties = isRecord(value) && isRecord(value['properties']) ? value['properties'] : {};
  const name = typeof properties['name'] === 'string' ? properties['name'] : '';
  if (/crs84$/i.test(name)) {
    return statedGuess(
      fileName,
      WGS84,
      'geojson-crs',
      text(
        '文件的 crs 成员声明为 WGS-84（CRS84）。',
        "The file's crs member states WGS-84 (CRS84).",
      ),
    );
  }
  const code = /epsg:{1,2}(\d+)$/i.exec(name)?.[1];
  const crs = code ? crsFromEpsg(Number(code)) : null;
  if (!crs) {
    throw new ImportError(
      fileName,
      name
        ? text(
            `crs 成员中的坐标系无法识别：${name.slice(0, 80)}；请选择坐标系`,
            `unknown coordinate system in the crs member: ${name.slice(0, 80)}; choose the coordinate system`,
          )
        : text(
            'crs 成员没有给出坐标系名称（properties.name）；请删除它或选择坐标系',
            'the crs member names no coordinate system (properties.name): remove it or choose the coordinate system',
          ),
    );
  }
  return statedGuess(
    fileName,
    crs,
    'geojson-crs',
    text(`文件的 crs 成员声明为 ${crs.name.zh}。`, `The file's crs member states ${crs.name.en}.`),
  );
}

const asFeature = (item: unknown): RawFeature | null =>
  isRecord(item) && item['type'] === 'Feature'
    ? {
        properties: isRecord(item['properties']) ? item['properties'] : {},
        geometry: isRecord(item['geometry']) ? (item['geometry'] as never) : null,
      }
    : null;

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

/** The raw features of a parsed GeoJSON value, or a message saying why it is not GeoJSON. */
function rawFeatures(fileName: string, value: Record<string, unknown>): RawFeature[] {
  const type = value['type'];
  if (type === 'FeatureCollection') {
    const features = value['features'];
    if (!Array.isArray(features)) {
      throw new ImportError(
        fileName,
        text('FeatureCollection 缺少 features 数组', 'the FeatureCollection has no features array'),
      );
    }
    const raw: RawFeature[] = [];
    for (const item of features) {
      const feature = asFeature(item);
      if (feature) raw.push(feature);
    }
    if (raw.length === 0 && features.length > 0) {
      throw new ImportError(
        fileName,
        text(
          `features 中的 ${features.length} 项都不是 Feature`,
          `none of the ${features.length} items in features is a Feature`,
        ),
      );
    }
    return raw;
  }
  if (type === 'Feature') return [asFeature(value) ?? { properties: {}, geometry: null }];
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) {
    return [{ properties: {}, geometry: value as never }];
  }
  throw new ImportError(
    fileName,
    typeof type === 'string'
      ? text(
          `不是 GeoJSON（type 为“${type.slice(0, 40)}”）`,
          `not GeoJSON (type "${type.slice(0, 40)}")`,
        )
      : text('不是 GeoJSON（缺少 type）', 'not GeoJSON (no type member)'),
  );
}

/** Reads GeoJSON already parsed from JSON. */
export function readGeoJsonValue(fileName: string, value: unknown): ImportSource {
  if (!isRecord(value)) {
    throw new ImportError(
      fileName,
      text('不是 GeoJSON（不是 JSON 对象）', 'not GeoJSON (not a JSON object)'),
    );
  }
  const raw = rawFeatures(fileName, value);
  // The crs member first: a file in an unknown system is refused for that, whatever it holds.
  const stated = 'crs' in value ? geoJsonCrs(fileName, value['crs']) : null;
  const { features, fields, skipped } = polygonFeatures(fileName, raw);
  return {
    fileName,
    format: 'geojson',
    features,
    fields,
    guess: stated ?? inferCrs(fileName, positionsOf(features), GEOJSON_CONTEXT),
    notes: skipped ? [skipped] : [],
  };
}

/** Parses JSON text, or says where it is broken. */
export function parseJson(fileName: string, source: string, what = 'JSON'): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new ImportError(fileName, notJson(source, error, what));
  }
}
