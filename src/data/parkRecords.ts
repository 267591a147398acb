import { parkFileName, type ParkRecord, type ParkRecordRead } from './parkRecord';
import type { Project } from './schema';
import type { Registry } from './registry';
import type { TilesOrigin } from './tiledRegistry';

/** Where the explorer gets parks' full records from. */
export interface ParkRecords {
  /**
   * The record at once when it is in memory (always for a registry loaded whole; a recently read
   * park of a tiled one), else undefined: the detail then shows the summary while it is read.
   */
  now(parkId: string): ParkRecord | undefined;
  /**
   * Reads the record; never rejects. `keep` false (an export of many parks) reads around the
   * cache, so that an export does not push out the parks the user just opened.
   */
  read(parkId: string, keep?: boolean): Promise<ParkRecordRead>;
  /** The file a tiled registry's record is read from, as messages name it; null when in memory. */
  fileOf(parkId: string): string | null;
}

/** The records of a registry loaded whole: every park and project is in memory. */
export function wholeParkRecords(registry: Registry): ParkRecords {
  let byPark: Map<string, ParkRecord> | undefined;
  // Built on first use: a session that never opens a park or exports does not pay for it.
  const records = (): Map<string, ParkRecord> => {
    if (byPark) return byPark;
    const projects = new Map<string, Project[]>();
    for (const project of registry.projects) {
      if (project.park === null) continue;
      const list = projects.get(project.park);
      if (list) list.push(project);
      else projects.set(project.park, [project]);
    }
    byPark = new Map(
      registry.parks.map((park) => [
        park.properties.id,
        { park, projects: projects.get(park.properties.id) ?? [] },
      ]),
    );
    return byPark;
  };
  return {
    now: (parkId) => records().get(parkId),
    read: (parkId) => {
      const record = records().get(parkId);
      return Promise.resolve(
        record ? { ok: true, value: record } : { ok: false, message: `no park ${parkId}` },
      );
    },
    fileOf: () => null,
  };
}

/** How many parks' records a tiled registry keeps: the last few dozen opened. */
export const PARK_RECORDS_KEPT = 32;

/**
 * The records of a tiled registry, read from the parks' files through `load` (by default
 * parkFile.ts's reader, which loads with the first park opened). The last `kept` records read are
 * kept, so that reopening a park is instant while the heap stays bounded however many parks a
 * session opens; a failed read is not kept, so a retry reads the file again. Two reads of one park
 * at once share one request.
 */
export function tiledParkRecords(
  origin: TilesOrigin,
  load: (parkId: string) => Promise<ParkRecordRead> = async (parkId) =>
    (await import('./parkFile')).loadParkFile(origin, parkId),
  kept = PARK_RECORDS_KEPT,
): ParkRecords {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const cache = new Map<string, ParkRecord>();
  const pending = new Map<string, Promise<ParkRecordRead>>();
  const keep = (parkId: string, record: ParkRecord): void => {
    cache.delete(parkId);
    cache.set(parkId, record);
    for (const oldest of cache.keys()) {
      if (cache.size <= kept) break;
      cache.delete(oldest);
    }
  };
  return {
    now: (parkId) => {
      const record = cache.get(parkId);
      if (record) keep(parkId, record);
      return record;
    },
    read: (parkId, keepIt = true) => {
      const cached = cache.get(parkId);
      if (cached) return Promise.resolve({ ok: true, value: cached });
      if (!keepIt) return load(parkId);
      const inFlight = pending.get(parkId);
      if (inFlight) return inFlight;
      const reading = load(parkId).then((read) => {
        pending.delete(parkId);
        if (read.ok) keep(parkId, read.value);
        return read;
      });
      pending.set(parkId, reading);
      return reading;
    },
    fileOf: (parkId) => parkFileName(origin, parkId),
  };
}

/**
 * The records of the given parks, in their order, read a few at a time (an export of thousands of
 * parks should not open thousands of requests at once) and not kept. Rejects with the message of
 * the first park that could not be read.
 */
export async function parkRecordsOf(
  records: ParkRecords,
  parkIds: readonly string[],
  parallel = 6,
): Promise<ParkRecord[]> {
  const out = new Array<ParkRecord>(parkIds.length);
  let next = 0;
  let failed: string | null = null;
  const worker = async (): Promise<void> => {
    while (next < parkIds.length && failed === null) {
      const i = next++;
      const id = parkIds[i] ?? '';
      const inMemory = records.now(id);
      if (inMemory) {
        out[i] = inMemory;
        continue;
      }
      const read = await records.read(id, false);
      if (read.ok) out[i] = read.value;
      else failed ??= read.message;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, parkIds.length) }, worker));
  if (failed !== null) throw new Error(failed);
  return out;
}
