import { formatFeatureCollection } from '../data/parksFile';
import type { ParkFeature, Project, Source } from '../data/schema';
import {
  boundaryLabel,
  districtLabel,
  kindLabel,
  levelLabel,
  nameIn,
  statusLabel,
  t,
  textIn,
  type Lang,
  type I18nKey,
} from './i18n';
import { parkChainRecords, type RegistryIndex } from './membership';
import type { ComputedArea } from './stats';

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (and Chinese text correctly). */
export const BOM = '\uFEFF';

/** CSV line end (RFC 4180). */
export const CRLF = '\r\n';

/** A CSV cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

// Spreadsheets run a cell that starts with one of these as a formula ("CSV injection").
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe (which
 * Excel shows as plain text); text with a comma, quote or line break is quoted, inner quotes
 * doubled (RFC 4180). Numbers are written as numbers, so that they stay numbers in the sheet.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: BOM, CRLF after every record (the header row included). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

/** A column: a stable machine key, the key of its label, and how to read the cell. */
interface Column<T> {
  readonly key: string;
  readonly label: I18nKey;
  readonly cell: (row: T) => CsvCell;
}

/** Header cells read "名称 (name_zh)" or "Name (name_zh)": the label for people, the key for scripts. */
function headerRow<T>(columns: readonly Column<T>[], lang: Lang): string[] {
  return columns.map((column) => `${t(column.label, lang)} (${column.key})`);
}

function toCsvTable<T>(columns: readonly Column<T>[], rows: readonly T[], lang: Lang): string {
  return toCsv([headerRow(columns, lang), ...rows.map((row) => columns.map((c) => c.cell(row)))]);
}

const LIST_SEPARATOR = '; ';

function sourcesCell(sources: readonly Source[]): string {
  return sources
    .map((source) => (source.url === undefined ? source.title : `${source.title} <${source.url}>`))
    .join(LIST_SEPARATOR);
}

/** Two decimals: a polygon's area is not known to the square metre. */
function roundArea(km2: number): number {
  return Math.round(km2 * 100) / 100;
}

/**
 * The parks as CSV, in the given order (the list's order, from `visibleParks`), with labels in
 * `lang`. `computedArea` measures each drawn polygon (src/geometry/measure.ts).
 */
export function parksCsv(
  parks: readonly ParkFeature[],
  index: RegistryIndex,
  lang: Lang,
  computedArea: ComputedArea,
): string {
  const columns: readonly Column<ParkFeature>[] = [
    { key: 'id', label: 'export.id', cell: (f) => f.properties.id },
    { key: 'name_zh', label: 'export.nameZh', cell: (f) => f.properties.name.zh },
    {
      key: 'name_en',
      label: 'export.nameEn',
      cell: (f) => f.properties.name.en ?? null,
    },
    {
      key: 'kind',
      label: 'kind',
      cell: (f) => kindLabel(f.properties.kind, lang),
    },
    {
      key: 'zone',
      label: 'zone',
      cell: (f) => {
        const zone = f.properties.zone === null ? undefined : index.parkById.get(f.properties.zone);
        return zone ? nameIn(zone.properties.name, lang) : f.properties.zone;
      },
    },
    {
      key: 'level',
      label: 'level',
      cell: (f) => levelLabel(f.properties.level, lang),
    },
    {
      key: 'district',
      label: 'district',
      cell: (f) => districtLabel(f.properties.district, lang),
    },
    {
      key: 'lead',
      label: 'lead',
      cell: (f) =>
        parkChainRecords(index, f.properties)
          .map((chain) => textIn(chain.name, lang))
          .join(LIST_SEPARATOR),
    },
    {
      key: 'industries',
      label: 'industries',
      cell: (f) => f.properties.industries.map((i) => textIn(i, lang)).join(LIST_SEPARATOR),
    },
    { key: 'area_km2', label: 'export.areaKm2', cell: (f) => f.properties.area_km2 },
    {
      key: 'area_basis',
      label: 'export.areaBasis',
      cell: (f) =>
        f.properties.area_basis === null ? null : t(`areaBasis.${f.properties.area_basis}`, lang),
    },
    { key: 'area_year', label: 'export.areaYear', cell: (f) => f.properties.area_year },
    {
      key: 'computed_area_km2',
      label: 'export.computedAreaKm2',
      cell: (f) => roundArea(computedArea(f)),
    },
    { key: 'established', label: 'established', cell: (f) => f.properties.established },
    {
      key: 'boundary',
      label: 'boundary',
      cell: (f) => boundaryLabel(f.properties.boundary, lang),
    },
    {
      key: 'confidence',
      label: 'confidence',
      cell: (f) => t(`confidence.${f.properties.confidence}`, lang),
    },
    {
      key: 'project_count',
      label: 'export.projectCount',
      cell: (f) => index.projectsByPark.get(f.properties.id)?.length ?? 0,
    },
    { key: 'sources', label: 'sources', cell: (f) => sourcesCell(f.properties.sources) },
  ];
  return toCsvTable(columns, parks, lang);
}

/** A park's full record with its projects' (data/parkRecords.ts's `ParkRecord`). */
export interface FullParkRecord {
  readonly park: ParkFeature;
  readonly projects: readonly Project[];
}

/**
 * The full records of the projects of the parks whose records are given, in the order of
 * filter.ts's `projectsOfParks` (park by park in the records' order, each park's in the list's
 * order), for the projects CSV. The order comes from the index, so a tiled registry's export lists
 * exactly what a registry loaded whole would. Throws, naming both, when a park's record lacks one of
 * the projects the index gives it.
 */
export function fullProjectsOf(
  index: RegistryIndex,
  records: readonly FullParkRecord[],
): Project[] {
  return records.flatMap((record) => {
    const id = record.park.properties.id;
    const byId = new Map(record.projects.map((project) => [project.id, project]));
    return (index.projectsByPark.get(id) ?? []).map((summary) => {
      const project = byId.get(summary.id);
      if (!project) throw new Error(`the record of park ${id} has no project ${summary.id}`);
      return project;
    });
  });
}

/** The projects as CSV, in the given order, with labels in `lang`. */
export function projectsCsv(
  projects: readonly Project[],
  index: RegistryIndex,
  lang: Lang,
): string {
  const columns: readonly Column<Project>[] = [
    { key: 'id', label: 'export.id', cell: (p) => p.id },
    { key: 'name_zh', label: 'export.nameZh', cell: (p) => p.name.zh },
    { key: 'name_en', label: 'export.nameEn', cell: (p) => p.name.en ?? null },
    { key: 'park_id', label: 'export.parkId', cell: (p) => p.park },
    {
      key: 'park',
      label: 'export.park',
      cell: (p) => {
        const park = p.park === null ? undefined : index.parkById.get(p.park);
        return park ? nameIn(park.properties.name, lang) : null;
      },
    },
    {
      key: 'park_basis',
      label: 'export.parkBasis',
      cell: (p) => (p.park_basis === null ? null : t(`basis.${p.park_basis}`, lang)),
    },
    {
      key: 'chain',
      label: 'chain',
      cell: (p) => {
        const chain = index.chainById.get(p.chain);
        return chain ? textIn(chain.name, lang) : p.chain;
      },
    },
    {
      key: 'chain_basis',
      label: 'export.chainBasis',
      cell: (p) => t(`basis.${p.chain_basis}`, lang),
    },
    { key: 'status', label: 'status', cell: (p) => statusLabel(p.status, lang) },
    { key: 'year', label: 'year', cell: (p) => p.year },
    {
      key: 'investment_cny_100m',
      label: 'investment',
      cell: (p) => p.investment_cny_100m,
    },
    { key: 'lon', label: 'export.lon', cell: (p) => p.location?.[0] ?? null },
    { key: 'lat', label: 'export.lat', cell: (p) => p.location?.[1] ?? null },
    {
      key: 'confidence',
      label: 'confidence',
      cell: (p) => t(`confidence.${p.confidence}`, lang),
    },
    { key: 'sources', label: 'sources', cell: (p) => sourcesCell(p.sources) },
  ];
  return toCsvTable(columns, projects, lang);
}

/**
 * The parks as an RFC 7946 FeatureCollection (WGS-84 lon/lat, no `crs` member), as JSON text. The
 * features are rebuilt member by member, so nothing but `type`, `properties` and `geometry` leaks
 * into the file; written one feature per line as geo/parks.geojson is, so an export diffs and
 * commits like the registry's own file.
 */
export function parksGeoJson(parks: readonly ParkFeature[]): string {
  return formatFeatureCollection(
    parks.map((park) => ({
      type: 'Feature',
      properties: park.properties,
      geometry: park.geometry,
    })),
  );
}
