import {
  CGCS2000,
  WGS84,
  crsFromEpsg,
  tmercFromParameters,
  withShift,
  type CrsDef,
  type DatumId,
} from './crs';
import { prjShift } from './datum';

/**
 * Reads the coordinate system of a Shapefile's .prj (WKT 1 as ArcGIS and GDAL write it, and the
 * common WKT 2 keywords): geographic systems, transverse Mercator / Gauss–Krüger on any ellipsoid,
 * and Web Mercator. Anything else is reported as unknown, so the user is asked rather than shown
 * a silently wrong map.
 */

/** A WKT node: `KEYWORD[value, value, …]`. */
export interface WktNode {
  readonly keyword: string;
  readonly values: readonly WktValue[];
}

/** A value inside a WKT node. */
export type WktValue = string | number | WktNode;

/** Parses WKT text into its node tree; throws on text that is not WKT. */
export function parseWkt(source: string): WktNode {
  let i = 0;
  const s = source.trim();
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${i + 1}`);
  };
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i] ?? '')) i++;
  };
  const node = (): WktNode => {
    skipSpace();
    const start = i;
    while (i < s.length && /[A-Za-z0-9_]/.test(s[i] ?? '')) i++;
    const keyword = s.slice(start, i).toUpperCase();
    if (!keyword) fail('expected a keyword');
    skipSpace();
    const open = s[i];
    if (open !== '[' && open !== '(') fail(`expected [ after ${keyword}`);
    const close = open === '[' ? ']' : ')';
    i++;
    const values: WktValue[] = [];
    for (;;) {
      skipSpace();
      const c = s[i];
      if (c === undefined) fail(`unclosed ${keyword}`);
      if (c === close) {
        i++;
        return { keyword, values };
      }
      if (c === ',') {
        i++;
        continue;
      }
      if (c === '"') {
        let end = i + 1;
        let value = '';
        // A doubled quote inside a WKT string is one quote.
        for (;;) {
          const q = s.indexOf('"', end);
          if (q < 0) fail('unclosed string');
          value += s.slice(end, q);
          if (s[q + 1] === '"') {
            value += '"';
            end = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        values.push(value);
        continue;
      }
      const numberMatch = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
      if (numberMatch) {
        values.push(Number(numberMatch[0]));
        i += numberMatch[0].length;
        continue;
      }
      // A bare word followed by a bracket is a child node; alone it is an enum (AXIS["E",EAST]).
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))?.[0];
      if (!word) fail(`unexpected ${JSON.stringify(c)}`);
      const after = s.slice(i + (word?.length ?? 0)).trimStart()[0];
      if (after === '[' || after === '(') values.push(node());
      else {
        values.push(word ?? '');
        i += word?.length ?? 0;
      }
    }
  };
  const root = node();
  skipSpace();
  if (i < s.length) fail('text after the end of the WKT');
  return root;
}

const children = (n: WktNode, ...keywords: string[]): WktNode[] =>
  n.values.filter((v): v is WktNode => typeof v === 'object' && keywords.includes(v.keyword));
const child = (n: WktNode, ...keywords: string[]): WktNode | undefined =>
  children(n, ...keywords)[0];
const nameOf = (n: WktNode | undefined): string =>
  typeof n?.values[0] === 'string' ? n.values[0] : '';
const numberAt = (n: WktNode | undefined, index: number): number | undefined => {
  const value = n?.values[index];
  return typeof value === 'number' ? value : undefined;
};

/** Lower-case letters and digits only: "GCS_China_Geodetic_Coordinate_System_2000" → "gcschinageodeticcoordinatesystem2000". */
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The datum a WKT names, by datum, geographic system or ellipsoid name. */
export function datumFromNames(names: readonly string[]): DatumId | null {
  const all = names.map(squash).join('|');
  if (/cgcs2000|china2000|chinageodeticcoordinatesystem2000/.test(all)) return 'cgcs2000';
  if (/xian1980|xian80|iag1975|iau1976/.test(all)) return 'xian1980';
  if (/newbeijing/.test(all)) return null;
  if (/beijing1954|beijing54|krasovsky|krassowsky/.test(all)) return 'beijing1954';
  if (/wgs1984|wgs84/.test(all)) return 'wgs84';
  return null;
}

/** The `AUTHORITY["EPSG","4549"]` (WKT 1) or `ID["EPSG",4549]` (WKT 2) of a node, if any. */
function epsgOf(n: WktNode): number | null {
  const id = child(n, 'AUTHORITY', 'ID');
  if (!id || squash(String(id.values[0] ?? '')) !== 'epsg') return null;
  const code = Number(id.values[1]);
  return Number.isInteger(code) ? code : null;
}

/** A parameter by any of its WKT 1 / WKT 2 spellings. */
function parameter(projected: WktNode, ...names: string[]): number | undefined {
  const wanted = names.map(squash);
  for (const p of children(projected, 'PARAMETER', 'PARAMETERFILE')) {
    if (wanted.includes(squash(nameOf(p)))) return numberAt(p, 1);
  }
  // WKT 2 nests parameters inside CONVERSION.
  const conversion = child(projected, 'CONVERSION');
  return conversion ? parameter(conversion, ...names) : undefined;
}

/** What a .prj says, read as far as the importer understands it. */
export type PrjResult =
  | { readonly ok: true; readonly crs: CrsDef; readonly name: string }
  | { readonly ok: false; readonly name: string; readonly reason: string };

function unknown(name: string, reason: string): PrjResult {
  return { ok: false, name, reason };
}

/**
 * The datum shift a WKT 1 `DATUM[…, TOWGS84[dx,dy,dz,rx,ry,rz,ds]]` states: a survey bureau's
 * parameters, which beat any built-in shift. Null when there is none, or when it is all zeros on
 * a datum that needs no shift anyway.
 */
function towgs84Of(root: WktNode, datum: DatumId | null): readonly number[] | null {
  const geographic =
    root.keyword === 'PROJCS' || root.keyword === 'PROJCRS'
      ? child(root, 'GEOGCS', 'GEOGCRS', 'BASEGEOGCRS', 'BASEGEODCRS')
      : root;
  const node = geographic ? child(child(geographic, 'DATUM') ?? geographic, 'TOWGS84') : undefined;
  if (!node) return null;
  const values = node.values.filter((v): v is number => typeof v === 'number');
  if (values.length !== 3 && values.length !== 7) return null;
  const seven = values.length === 3 ? [...values, 0, 0, 0, 0] : values;
  if ((datum === 'wgs84' || datum === 'cgcs2000') && seven.every((v) => v === 0)) return null;
  return seven;
}

/** Reads a .prj (WKT) into a coordinate system the importer can convert, or says why it cannot. */
export function readPrj(wkt: string): PrjResult {
  const result = readPrjSystem(wkt);
  if (!result.ok) return result;
  let root: WktNode;
  try {
    root = parseWkt(wkt);
  } catch {
    return result;
  }
  const towgs84 = towgs84Of(root, result.crs.datum);
  return towgs84 ? { ...result, crs: withShift(result.crs, prjShift(towgs84)) } : result;
}

function readPrjSystem(wkt: string): PrjResult {
  let root: WktNode;
  try {
    root = parseWkt(wkt);
  } catch (error) {
    const excerpt = wkt.trim().slice(0, 60);
    return unknown(excerpt, `not WKT (${error instanceof Error ? error.message : String(error)})`);
  }
  const name = `${root.keyword}["${nameOf(root)}"]`;
  const code = epsgOf(root);
  if (code !== null) {
    const known = crsFromEpsg(code);
    if (known) return { ok: true, crs: known, name };
  }
  const geographicNode =
    root.keyword === 'PROJCS' || root.keyword === 'PROJCRS'
      ? child(root, 'GEOGCS', 'GEOGCRS', 'BASEGEOGCRS', 'BASEGEODCRS')
      : root;
  if (!geographicNode) return unknown(name, 'no geographic system inside the projection');
  const datumNode = child(geographicNode, 'DATUM');
  const ellipsoidNode = datumNode ? child(datumNode, 'SPHEROID', 'ELLIPSOID') : undefined;
  const datum = datumFromNames([nameOf(geographicNode), nameOf(datumNode), nameOf(ellipsoidNode)]);

  if (['GEOGCS', 'GEOGCRS', 'GEODCRS'].includes(root.keyword)) {
    if (datum === 'cgcs2000') return { ok: true, crs: CGCS2000, name };
    if (datum === 'wgs84') return { ok: true, crs: WGS84, name };
    if (datum === 'xian1980') return { ok: true, crs: crsFromEpsg(4610) as CrsDef, name };
    if (datum === 'beijing1954') return { ok: true, crs: crsFromEpsg(4214) as CrsDef, name };
    return unknown(name, `unknown datum "${nameOf(datumNode)}"`);
  }
  if (root.keyword !== 'PROJCS' && root.keyword !== 'PROJCRS') {
    return unknown(name, `${root.keyword} is not a geographic or projected system`);
  }
  const method = squash(
    nameOf(child(root, 'PROJECTION')) || nameOf(child(child(root, 'CONVERSION') ?? root, 'METHOD')),
  );
  if (/mercatorauxiliarysphere|pseudomercator|popularvisualisation|webmercator/.test(method)) {
    return { ok: true, crs: crsFromEpsg(3857) as CrsDef, name };
  }
  if (!/transversemercator|gausskruger|gaussian/.test(method)) {
    return unknown(
      name,
      `projection "${method || 'none'}" is not Gauss–Krüger / transverse Mercator`,
    );
  }
  const a = numberAt(ellipsoidNode, 1);
  const rf = numberAt(ellipsoidNode, 2);
  const centralMeridian = parameter(
    root,
    'central_meridian',
    'longitude_of_center',
    'Longitude of natural origin',
  );
  if (a === undefined || rf === undefined || centralMeridian === undefined) {
    return unknown(name, 'the ellipsoid or the central meridian is missing');
  }
  // The last UNIT of a PROJCS is the unit of its coordinates (a GEOGCS has its own, nested).
  const units = children(root, 'UNIT', 'LENGTHUNIT');
  const unit = numberAt(units[units.length - 1], 1) ?? 1;
  const crs = tmercFromParameters({
    datum,
    a,
    rf,
    centralMeridian,
    latitudeOfOrigin: parameter(root, 'latitude_of_origin', 'Latitude of natural origin') ?? 0,
    scaleFactor: parameter(root, 'scale_factor', 'Scale factor at natural origin') ?? 1,
    falseEasting: parameter(root, 'false_easting', 'False easting') ?? 0,
    falseNorthing: parameter(root, 'false_northing', 'False northing') ?? 0,
    unit,
    name: nameOf(root),
  });
  return { ok: true, crs, name };
}
