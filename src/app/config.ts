import type { OnlineBasemap } from '../map/controller';

/**
 * Deployment settings, read from `config.json` beside index.html at start-up so that a deployment
 * can change them without a rebuild. Everything is optional: without the file the app runs on its
 * embedded basemap.
 */
export interface AppConfig {
  readonly onlineBasemap: OnlineBasemap | null;
}

const DEFAULT_CONFIG: AppConfig = { onlineBasemap: null };

/** Reads an online basemap setting, or explains in `problem` why it is not usable. */
export function parseOnlineBasemap(value: unknown): {
  basemap: OnlineBasemap | null;
  problem?: string;
} {
  if (value === null || value === undefined) return { basemap: null };
  if (typeof value !== 'object')
    return { basemap: null, problem: 'onlineBasemap must be an object' };
  const record = value as Record<string, unknown>;
  const tiles = Array.isArray(record.tiles)
    ? record.tiles.filter((tile) => typeof tile === 'string')
    : [];
  if (
    tiles.length === 0 ||
    !tiles.every((tile) => /^https?:\/\//i.test(tile) && tile.includes('{z}'))
  ) {
    return {
      basemap: null,
      problem: 'onlineBasemap.tiles must list http(s) URLs with {z}/{x}/{y}',
    };
  }
  const number = (key: string, fallback: number): number =>
    typeof record[key] === 'number' && Number.isFinite(record[key]) ? record[key] : fallback;
  const text = (key: string, fallback: string): string =>
    typeof record[key] === 'string' ? record[key] : fallback;
  return {
    basemap: {
      name: text('name', 'online basemap'),
      tiles,
      tileSize: number('tileSize', 256),
      attribution: text('attribution', ''),
      timeoutMs: number('timeoutMs', 8000),
    },
  };
}

/** Loads config.json; a missing or broken file leaves the defaults, with the problem logged. */
export async function loadConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) return DEFAULT_CONFIG;
    const json: unknown = await response.json();
    const { basemap, problem } = parseOnlineBasemap(
      typeof json === 'object' && json !== null
        ? (json as Record<string, unknown>).onlineBasemap
        : null,
    );
    if (problem) console.warn(`config.json: ${problem}; using the embedded basemap`);
    return { onlineBasemap: basemap };
  } catch (error) {
    console.warn('config.json could not be read; using the embedded basemap:', error);
    return DEFAULT_CONFIG;
  }
}
