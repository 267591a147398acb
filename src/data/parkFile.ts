import { fetchJson } from './fetchJson';
import { parkFileName, type ParkRecordRead } from './parkRecord';
import type { ParkFeature, ParkGeometry, ParkProperties, Project } from './schema';
import type { TilesOrigin } from './tiledRegistry';

/**
 * Reading one park's file of a tiled registry (`park-records/ID.geojson`, tilesIndex.ts's
 * `ParkFile`), which `npm run tiles` wrote from the validated registry in the same run as the
 * index. What is checked is what the detail and the exports read and that the file belongs to the
 * index's cut: a host serving a folder of one cut beside an index of another would otherwise pair
 * one registry's summaries with another's records. Loaded with the first park opened, so a registry
 * loaded whole never carries it.
 */

type Shape = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Shape =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The URL of a park's file in a tiled registry. */
export function parkFileUrl(origin: TilesOrigin, parkId: string): string {
  return new URL(`${encodeURIComponent(parkId)}.geojson`, origin.parkFilesUrl).href;
}

/** What is wrong with a parsed park file, or null when it is this park's record of this cut. */
function fileProblem(value: unknown, parkId: string, origin: TilesOrigin): string | null {
  if (!isObject(value) || value['type'] !== 'Feature') return 'is not a GeoJSON Feature';
  const cut = value['validated_at'];
  if (cut !== origin.validated.at)
    return `is from the cut of ${typeof cut === 'string' ? cut : '(no validated_at)'}, but ${origin.indexFile} is from the cut of ${origin.validated.at}; deploy the index and its ${origin.parkFilesName} folder from one npm run tiles run`;
  const properties = value['properties'];
  if (!isObject(properties) || properties['id'] !== parkId)
    return `does not hold park ${parkId} (its properties.id differs)`;
  if (!Array.isArray(properties['sources'])) return 'has no sources in its properties';
  const geometry = value['geometry'];
  if (
    !isObject(geometry) ||
    (geometry['type'] !== 'Polygon' && geometry['type'] !== 'MultiPolygon')
  )
    return 'has no Polygon or MultiPolygon geometry';
  const projects = value['projects'];
  if (!Array.isArray(projects)) return 'has no "projects" list';
  for (const [i, project] of projects.entries()) {
    if (!isObject(project) || typeof project['id'] !== 'string')
      return `project ${i + 1} has no id`;
    if (project['park'] !== parkId) return `project ${project['id']} is not in park ${parkId}`;
    if (!Array.isArray(project['sources'])) return `project ${project['id']} has no sources`;
  }
  return null;
}

/**
 * Fetches and reads park `parkId`'s file. Never rejects: an unreachable file, a page that is not
 * JSON or a file of another cut is a one-line message naming the file.
 */
export async function loadParkFile(
  origin: TilesOrigin,
  parkId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ParkRecordRead> {
  const name = parkFileName(origin, parkId);
  const read = await fetchJson(parkFileUrl(origin, parkId), name, fetchImpl);
  if (!read.ok) return read;
  const problem = fileProblem(read.value, parkId, origin);
  if (problem !== null) return { ok: false, message: `${name} ${problem}` };
  // Checked above for what the views read; the rest was validated when the file was cut.
  const file = read.value as {
    properties: ParkProperties;
    geometry: ParkGeometry;
    projects: Project[];
  };
  const park: ParkFeature = {
    type: 'Feature',
    properties: file.properties,
    geometry: file.geometry,
  };
  return { ok: true, value: { park, projects: file.projects } };
}
