import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { inferCrs } from '../guess';
import { ImportError, plural, text, type Text } from '../text';
import {
  baseName,
  extension,
  isRecord,
  polygonFeatures,
  positionsOf,
  type ImportSource,
  type RawFeature,
  type ReadOptions,
  type XmlParser,
} from './common';
import { decodeXml, unprefixKml, xmlErrorPlace } from './xmlText';
import { unzip } from './zip';

/** KML and KMZ, and GPX (which is XML too, and holds no polygons). */

/** What the KML standard implies, and why it is still only a guess here. */
export const KML_CONTEXT: Text = text(
  'KML 按标准为 WGS-84，但高德、百度等地图应用导出的 KML 常为 GCJ-02 或 BD-09。',
  'KML is WGS-84 by its standard, yet map apps (AMap, Baidu) export GCJ-02 or BD-09 in it.',
);

function defaultXmlParser(): XmlParser {
  if (typeof DOMParser === 'undefined') {
    throw new Error('no DOMParser here: pass options.parseXml to read KML');
  }
  const parser = new DOMParser();
  return (xml) => parser.parseFromString(xml, 'application/xml');
}

/** Parses XML, or says where it is broken. */
function parse(fileName: string, source: string, options: ReadOptions, what: string): Document {
  const parseXml = options.parseXml ?? defaultXmlParser();
  let doc: Document;
  try {
    doc = parseXml(source);
  } catch {
    throw new ImportError(fileName, text(`不是有效的 ${what}`, `not valid ${what}`));
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error || !doc.documentElement) {
    const place = xmlErrorPlace(error?.textContent ?? '');
    throw new ImportError(
      fileName,
      place
        ? text(`不是有效的 ${what}（${place.zh}）`, `not valid ${what} (${place.en})`)
        : text(`不是有效的 ${what}`, `not valid ${what}`),
    );
  }
  return doc;
}

/** GPX holds tracks, routes and waypoints: say what is there and why it cannot be a boundary. */
function refuseGpx(fileName: string, doc: Document): never {
  const count = (tag: string): number => doc.getElementsByTagName(tag).length;
  const [tracks, routes, points] = [count('trk'), count('rte'), count('wpt')];
  throw new ImportError(
    fileName,
    text(
      `GPX 文件只有轨迹、路线和航点（${tracks} 条轨迹、${routes} 条路线、${points} 个航点），没有面：请把园区边界导出为 KML、GeoJSON 或 Shapefile`,
      `a GPX file holds tracks, routes and waypoints (${plural(tracks, 'track')}, ${plural(routes, 'route')}, ${plural(points, 'waypoint')}), not polygons: export the park boundary as KML, GeoJSON or a Shapefile`,
    ),
  );
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

/** Reads KML (or GPX, to refuse it plainly) from its bytes. */
export function readKmlBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  format: 'kml' | 'kmz' = 'kml',
): ImportSource {
  const decoded = decodeXml(bytes);
  const source = readKml(fileName, decoded.text, options, format);
  return decoded.note ? { ...source, notes: [decoded.note, ...source.notes] } : source;
}

/** Reads KML text (WGS-84 by the standard, though a trace on AMap may be GCJ-02: the user confirms). */
export function readKml(
  fileName: string,
  source: string,
  options: ReadOptions = {},
  format: 'kml' | 'kmz' = 'kml',
): ImportSource {
  const doc = parse(fileName, unprefixKml(source), options, 'KML/XML');
  const root = doc.documentElement.localName.toLowerCase();
  if (root === 'gpx') refuseGpx(fileName, doc);
  if (doc.getElementsByTagName('Placemark').length === 0) {
    throw new ImportError(
      fileName,
      root === 'kml'
        ? text('KML 中没有地标（Placemark）', 'the KML has no placemarks')
        : text(
            `不是 KML（根元素为 <${root.slice(0, 40)}>）`,
            `not KML (the root element is <${root.slice(0, 40)}>)`,
          ),
    );
  }
  let collection: { features: { properties: unknown; geometry: unknown }[] };
  try {
    collection = kmlToGeoJson(doc);
  } catch {
    throw new ImportError(
      fileName,
      text('KML 的地标无法读取（格式错误）', 'the KML placemarks cannot be read (malformed)'),
    );
  }
  const raw: RawFeature[] = collection.features.map((feature) => ({
    properties: isRecord(feature.properties) ? stripStyle(feature.properties) : {},
    geometry: isRecord(feature.geometry) ? (feature.geometry as never) : null,
  }));
  const { features, fields, skipped } = polygonFeatures(fileName, raw);
  return {
    fileName,
    format,
    features,
    fields,
    guess: inferCrs(fileName, positionsOf(features), KML_CONTEXT, 'format'),
    notes: skipped ? [skipped] : [],
  };
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
  return readKmlBytes(fileName, content, options, 'kmz');
}
