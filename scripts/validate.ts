import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRegistryFile, unavailableFile, valueOf } from '../src/data/load';
import type { FileResult } from '../src/data/load';
import {
  DEFAULT_FILES,
  formatFinding,
  type Finding,
  type RegistryFiles,
} from '../src/data/findings';
import { validateRegistry, type ValidationResult } from '../src/data/validate';

/**
 * `npm run validate [-- DIR]`: checks the registry in DIR (default geo/) with the same validator
 * the app runs at load time, prints every finding as `FILE: ID: problem`, and exits 1 when
 * anything is wrong.
 */

const USAGE =
  'usage: tsx scripts/validate.ts [DIR]   (DIR holds chains.json, parks.geojson, projects.json, firms.json; default geo/)';

/** What {@link validateDirectory} found, with the names it reported files under. */
export interface DirectoryResult extends ValidationResult {
  /** The directory as printed: relative to the working directory, ending in "/". */
  readonly shownDir: string;
  readonly files: RegistryFiles;
}

/** Reads and parses one file; a missing or unreadable file becomes a finding under `file`. */
export async function readRegistryFile(path: string, file: string): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'it is a directory'
          : String(error);
    return unavailableFile(file, reason);
  }
  return parseRegistryFile(file, text);
}

/** Validates the three registry files in `dir`, naming them relative to `cwd` (e.g. geo/parks.geojson). */
export async function validateDirectory(
  dir: string,
  cwd: string = process.cwd(),
): Promise<DirectoryResult> {
  const absolute = resolve(cwd, dir);
  const shown = relative(cwd, absolute) || '.';
  const files: RegistryFiles = {
    chains: join(shown, DEFAULT_FILES.chains),
    parks: join(shown, DEFAULT_FILES.parks),
    projects: join(shown, DEFAULT_FILES.projects),
    firms: join(shown, DEFAULT_FILES.firms),
  };
  const [chains, parks, projects, firms] = await Promise.all([
    readRegistryFile(join(absolute, DEFAULT_FILES.chains), files.chains),
    readRegistryFile(join(absolute, DEFAULT_FILES.parks), files.parks),
    readRegistryFile(join(absolute, DEFAULT_FILES.projects), files.projects),
    readRegistryFile(join(absolute, DEFAULT_FILES.firms), files.firms),
  ]);
  const findings: Finding[] = [];
  const input = {
    chains: valueOf(chains, findings),
    parks: valueOf(parks, findings),
    projects: valueOf(projects, findings),
    firms: valueOf(firms, findings),
  };
  const result = validateRegistry(input, { files });
  return {
    registry: result.registry,
    findings: [...findings, ...result.findings],
    shownDir: `${shown}/`,
    files,
  };
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The closing line: "geo/: 3 findings in 2 files" or "geo/: valid — 16 parks, 30 projects, 8 chains". */
export function summaryLine(result: DirectoryResult): string {
  const { findings, registry, shownDir } = result;
  if (findings.length > 0) {
    const files = new Set(findings.map((finding) => finding.file)).size;
    return `${shownDir}: ${plural(findings.length, 'finding')} in ${plural(files, 'file')}`;
  }
  return `${shownDir}: valid — ${plural(registry.parks.length, 'park')}, ${plural(registry.projects.length, 'project')}, ${plural(registry.firms.length, 'firm')}, ${plural(registry.chains.length, 'chain')}`;
}

/** Runs the CLI on its arguments; returns the exit code (0 clean, 1 findings, 2 usage). */
export async function main(
  args: readonly string[],
  print: (line: string) => void = console.log,
): Promise<number> {
  if (args.some((arg) => arg === '-h' || arg === '--help')) {
    print(USAGE);
    return 0;
  }
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    print(USAGE);
    return 2;
  }
  const result = await validateDirectory(args[0] ?? 'geo');
  for (const finding of result.findings) print(formatFinding(finding));
  print(summaryLine(result));
  return result.findings.length > 0 ? 1 : 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
