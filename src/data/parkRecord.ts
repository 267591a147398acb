import type { ParkFeature, Project } from './schema';
import type { TilesOrigin } from './tiledRegistry';

/*
 * A park's full record, apart from parkRecords.ts (where it is kept) and parkFile.ts (how a
 * tiled registry's is read), which both name it: the reader loads lazily, so the two must not
 * import each other.
 */

/**
 * A park's full record and its projects': what the park's detail and the exports show beyond the
 * summaries a tiled registry's index carries (sources, notes, bases, free-text industries). For a
 * registry loaded whole it is in memory; for a tiled one it is in the park's file
 * (`park-records/ID.geojson`, tilesIndex.ts's `ParkFile`), read when a view needs it.
 */
export interface ParkRecord {
  readonly park: ParkFeature;
  /** The park's projects, whole, in registry order. */
  readonly projects: readonly Project[];
}

/** A park's record, or the one-line reason it could not be read (naming the file). */
export type ParkRecordRead =
  | { readonly ok: true; readonly value: ParkRecord }
  | { readonly ok: false; readonly message: string };

/** A tiled registry's park file as messages name it: `reg/park-records/ID.geojson`. */
export function parkFileName(origin: TilesOrigin, parkId: string): string {
  return `${origin.parkFilesName}${parkId}.geojson`;
}
