/**
 * Types for the parts of shpjs 6 the importer uses: its .shp and .dbf readers. The importer
 * unzips and picks the files itself, so that it can name what is missing and choose the
 * coordinate system and the text encoding instead of letting shpjs guess.
 */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';

  /** Reads a .shp without reprojecting (no .prj given): one geometry, or null, per record. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array): (Geometry | null)[];

  /** Reads a .dbf with the given encoding label (e.g. "gbk", "utf-8"): one record per row. */
  export function parseDbf(
    dbf: DataView | ArrayBuffer | Uint8Array,
    encoding?: string,
  ): Record<string, unknown>[];
}
