import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, writeRegistry } from '../../bench/generate';
import { main as cutTiles } from '../../scripts/tiles';
import { DIST_DIR } from './harness';

/** A temporary site: the built app beside a generated registry cut to tiles. */
export interface TiledSite {
  /** The folder to serve: the built app, file by file, and `reg/`. */
  readonly root: string;
  /** The registry's folder, `ROOT/reg`: its four files and what `npm run tiles` wrote beside them. */
  readonly dir: string;
  /** Deletes the site. */
  remove(): void;
}

/**
 * Generates a registry of `parks` parks (the benchmark's generator, its default seed) into a
 * fresh folder named after `prefix`, beside the built app, and cuts it with `npm run tiles`'s own
 * code, so the page opens it as `?data=reg/index.json`. Throws with the cutter's output if it
 * refuses.
 */
export async function createTiledSite(prefix: string, parks: number): Promise<TiledSite> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of readdirSync(DIST_DIR)) symlinkSync(join(DIST_DIR, entry), join(root, entry));
  const dir = join(root, 'reg');
  await writeRegistry(dir, { parks, seed: DEFAULT_SEED });
  const printed: string[] = [];
  const code = await cutTiles([dir], (line) => printed.push(line));
  if (code !== 0) throw new Error(`npm run tiles failed:\n${printed.join('\n')}`);
  return { root, dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
