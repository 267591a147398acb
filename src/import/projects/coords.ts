import type { Registry } from '../../data/registry';
import { pointInGeometry } from '../../geometry/overlaps';
import { systemHint } from '../nameHint';
import { offsetConverter } from '../offset';
import { text, type Text } from '../text';
import type { ColumnMapping } from './columns';
import type { Cells } from './record';
import { cleanText, isBlank, readLocation } from './values';

/**
 * The coordinate system of a ledger's locations. Offices copy coordinates from AMap (高德,
 * GCJ-02), Tencent (GCJ-02) or Baidu (百度, BD-09) as often as from a GPS or 天地图 (WGS-84 /
 * CGCS2000), and the numbers do not tell which: in Zhenjiang GCJ-02 is some 500 m off WGS-84 and
 * BD-09 over 1 km. So the system is never guessed: it is stated by a header ("坐标（高德）",
 * "经度(BD09)") or by a 坐标系 column, or else asked once per file. Offsets are undone with the
 * boundary importer's gcoord conversion (offset.ts).
 */

/** The systems a ledger's coordinates may be in. */
export const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;

/** One of {@link COORD_SYSTEMS}. */
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

/** Each system's name, as the question and the provenance note show it. */
export const COORD_SYSTEM_NAMES: Readonly<Record<CoordSystem, Text>> = {
  wgs84: text('WGS-84 / CGCS2000（GPS、天地图）', 'WGS-84 / CGCS2000 (GPS, Tianditu)'),
  gcj02: text('GCJ-02（高德、腾讯）', 'GCJ-02 (AMap, Tencent)'),
  bd09: text('BD-09（百度）', 'BD-09 (Baidu)'),
};

/** Words naming WGS-84 or CGCS2000, which need no conversion. */
const WGS_WORDS = /wgs-?84|cgcs-?2000|4326|4490|国家\s*2000|2000\s*国家|天地图|tianditu|gps/i;

/**
 * The system a header or a cell names ("坐标（高德）", "经度(BD09)", "WGS84", "百度", "高德转
 * WGS84"), or null when it names none. A text that says it was converted from an offset system
 * names WGS-84, so converted coordinates are not converted again.
 */
export function coordSystemIn(words: string): CoordSystem | null {
  const clean = cleanText(words);
  const hint = systemHint(clean);
  if (hint) return hint.crs.id === 'bd09' ? 'bd09' : hint.crs.id === 'gcj02' ? 'gcj02' : 'wgs84';
  return WGS_WORDS.test(clean) ? 'wgs84' : null;
}

/** The system the coordinate columns' headers, or a line above the header, state. */
export interface StatedSystem {
  readonly system: CoordSystem;
  /** The headers that state it, or the line above the header that does. */
  readonly headers: readonly string[];
  /** Where it is stated: the coordinate headers, or a title/unit line above the header row. */
  readonly where: 'header' | 'title';
}

/** What a ledger's coordinate columns say: their headers, and the system they state, if one. */
export interface CoordColumns {
  /** The headers of the columns holding coordinates ("经度 / 纬度"), for the question. */
  readonly label: string;
  /** The system the headers state; null when none does, or when two disagree. */
  readonly stated: StatedSystem | null;
}

const COORD_FIELDS = new Set(['lon', 'lat', 'location']);

/**
 * The coordinate columns of a mapping and the system their headers state; failing that, a line
 * above the header that speaks of coordinates and names one system ("坐标系：CGCS2000",
 * "坐标均取自高德地图"), as offices write in a ledger's unit line.
 */
export function coordColumns(
  mapping: readonly ColumnMapping[],
  titles: readonly string[] = [],
): CoordColumns {
  const columns = mapping.filter((column) => column.field && COORD_FIELDS.has(column.field));
  const named = columns.flatMap((column) => {
    const system = coordSystemIn(column.header);
    return system ? [{ system, header: column.header }] : [];
  });
  const systems = new Set(named.map((entry) => entry.system));
  const [system] = systems;
  const label = columns.map((column) => column.header).join(' / ');
  if (named.length > 0) {
    const headers = named.map((entry) => entry.header);
    const stated =
      system && systems.size === 1 ? { system, headers, where: 'header' as const } : null;
    return { label, stated };
  }
  const lines = titles.flatMap((line) => {
    const said = /坐标|经纬度|coordinate/i.test(line) ? coordSystemIn(line) : null;
    return said ? [{ system: said, line }] : [];
  });
  const said = new Set(lines.map((entry) => entry.system));
  const [first] = lines;
  return {
    label,
    stated:
      first && said.size === 1
        ? { system: first.system, headers: [first.line], where: 'title' }
        : null,
  };
}

/** Where a row's location stands: none given, waiting for the system, refused, or placed. */
export type Placement =
  | { readonly kind: 'none' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'refused'; readonly problem: Text }
  | {
      readonly kind: 'placed';
      readonly location: readonly [number, number];
      readonly remarks: readonly Text[];
    };

/** Degrees kept: 6 decimals are 0.1 m, far finer than a ledger's coordinates are known. */
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** A location of `system` in WGS-84 [lon, lat]. */
export function toWgs84(
  location: readonly [number, number],
  system: CoordSystem,
): readonly [number, number] {
  if (system === 'wgs84') return location;
  const [lon, lat] = offsetConverter(system)(location);
  return [round6(lon), round6(lat)];
}

/** How a system was known, for the remark: the headers or line stating it, the row's 坐标系 cell, or an answer. */
function how(by: 'header' | 'title' | 'column' | 'answer', what: readonly string[] = []): Text {
  if (by === 'title')
    return text(`表头上方注明「${what[0]}」`, `stated above the header: "${what[0]}"`);
  if (by === 'header') {
    return text(
      `表头${what.map((h) => `「${h}」`).join('')}注明`,
      `stated by the header ${what.map((h) => `"${h}"`).join(', ')}`,
    );
  }
  if (by === 'column')
    return text(`坐标系列注明「${what[0]}」`, `the 坐标系 column says "${what[0]}"`);
  return text('导入时选择', 'chosen at import');
}

/** The provenance remark: which system the location was read in, and how that was known. */
function systemRemark(system: CoordSystem, because: Text): Text {
  const name = COORD_SYSTEM_NAMES[system];
  return system === 'wgs84'
    ? text(
        `坐标按 ${name.zh} 读取，未转换（${because.zh}）`,
        `location read as ${name.en}, not converted (${because.en})`,
      )
    : text(
        `坐标由 ${name.zh} 转换为 WGS-84（${because.zh}）`,
        `location converted from ${name.en} to WGS-84 (${because.en})`,
      );
}

/**
 * Reads a row's location and brings it to WGS-84. Its system is the row's 坐标系 cell, else the
 * system the headers state, else the file's answer (`chosen`, which asks the question once per
 * file and returns undefined until it is answered).
 */
export function placeRow(
  cells: Cells,
  columns: CoordColumns,
  chosen: (location: readonly [number, number]) => CoordSystem | undefined,
): Placement {
  const hasLonLat = !isBlank(cells.lon ?? null) && !isBlank(cells.lat ?? null);
  if (!hasLonLat && isBlank(cells.location ?? null)) return { kind: 'none' };
  const read = hasLonLat
    ? readLocation(cells.lon ?? null, cells.lat ?? null)
    : readLocation(cells.location ?? null);
  if (!read.ok) return { kind: 'refused', problem: read.problem };
  const remarks = read.remark ? [read.remark] : [];
  const cell = cleanText(cells.crs ?? null);
  let system: CoordSystem | undefined;
  let because: Text;
  if (!isBlank(cells.crs ?? null)) {
    const named = coordSystemIn(cell);
    if (!named) {
      return {
        kind: 'refused',
        problem: text(
          `坐标系「${cell}」无法识别：应为 WGS-84、GCJ-02（高德/腾讯）或 BD-09（百度）`,
          `coordinate system "${cell}" is not one the importer knows: use WGS-84, GCJ-02 (AMap/Tencent) or BD-09 (Baidu)`,
        ),
      };
    }
    system = named;
    because = how('column', [cell]);
  } else if (columns.stated) {
    system = columns.stated.system;
    because = how(columns.stated.where, columns.stated.headers);
  } else {
    system = chosen(read.value);
    because = how('answer');
  }
  if (!system) return { kind: 'waiting' };
  return {
    kind: 'placed',
    location: toWgs84(read.value, system),
    remarks: [...remarks, systemRemark(system, because)],
  };
}

/** How many of the waiting rows each system would put inside their own park. */
export interface SystemFit {
  readonly system: CoordSystem;
  readonly inside: number;
  /** The rows measured: those with a location and a park. */
  readonly of: number;
}

/**
 * For the question, not instead of it: how many rows each system would put inside the park the
 * row names. A ledger copied from AMap lands inside its parks as GCJ-02 and mostly outside as
 * WGS-84, which helps a person answer; the answer is still theirs, because parks are large
 * enough that two systems can both fit.
 */
export function systemFits(
  samples: readonly { readonly location: readonly [number, number]; readonly park: string }[],
  registry: Registry,
): SystemFit[] {
  const parks = new Map(registry.parks.map((park) => [park.properties.id, park.geometry]));
  return COORD_SYSTEMS.map((system) => ({
    system,
    inside: samples.filter((sample) => {
      const geometry = parks.get(sample.park);
      return (
        geometry !== undefined && pointInGeometry([...toWgs84(sample.location, system)], geometry)
      );
    }).length,
    of: samples.length,
  }));
}
