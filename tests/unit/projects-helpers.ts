import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Registry } from '../../src/data/registry';
import { validateDirectory } from '../../scripts/validate';

/** The valid registry fixture the project importer's tests import into. */
export const VALID_REGISTRY = resolve(import.meta.dirname, '../fixtures/registry/valid');

/** Extra names the tests give the fixture's parks and chains (the #13 `aliases`, `former_ids`). */
const PARK_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'zj-hitech': ['高新区', '镇江高新区'],
  'zj-etdz': ['镇江经开区', '镇江新区'],
};
const CHAIN_EXTRAS: Readonly<Record<string, { aliases: string[]; former_ids: string[] }>> = {
  'power-equipment': { aliases: ['新能源', '新型电力装备产业链'], former_ids: ['new-energy'] },
};

/** The valid fixture registry, as validated. */
export async function fixtureRegistry(): Promise<Registry> {
  const result = await validateDirectory(VALID_REGISTRY);
  if (result.findings.length > 0) throw new Error('the registry fixture does not validate');
  return result.registry;
}

/**
 * The fixture registry with park aliases and chain aliases / former ids, whether or not the
 * schema already carries them (the resolver reads them where present).
 */
export async function registryWithAliases(): Promise<Registry> {
  const registry = await fixtureRegistry();
  return {
    ...registry,
    parks: registry.parks.map((park) => ({
      ...park,
      properties: { ...park.properties, aliases: [...(PARK_ALIASES[park.properties.id] ?? [])] },
    })),
    chains: registry.chains.map((chain) => ({ ...chain, ...(CHAIN_EXTRAS[chain.id] ?? {}) })),
  };
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `npm run import-projects` as a user would, in a child process, into the fixture registry;
 * its exit code and output.
 */
export function runImportProjects(...args: string[]): { code: number | null; output: string } {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/import-projects.ts', ...args, '--registry', VALID_REGISTRY],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
