import type { Registry } from '../../src/data/registry';
import { formatFinding } from '../../src/data/findings';
import { validateDirectory } from '../validate';

/**
 * The command-line conventions the import CLIs share (scripts/import.ts, scripts/import-projects.ts):
 * one FILE, `--name value` or `--name=value`, repeatable options, bare flags, `-h`/`--help`, and
 * the registry they import into checked before anything else is read. One parser, so the two
 * tools cannot drift apart in how they read the same kind of line.
 */

/** What a command accepts. */
export interface ArgSpec {
  /** Options that take a value (`--out FILE`, `--out=FILE`); the last one given wins. */
  readonly values: readonly string[];
  /** Of {@link values}, those that may be given more than once; every value is kept, in order. */
  readonly repeatable?: readonly string[];
  /** Options without a value (`--swap-axes`). */
  readonly flags?: readonly string[];
}

/** A command line as read: the positional arguments, the options' values and the flags given. */
export interface ParsedArgs {
  readonly files: readonly string[];
  /** The last value of each option given. */
  readonly values: ReadonlyMap<string, string>;
  /** Every value of each repeatable option, in the order given. */
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
}

/** Reads `args` by `spec`; a string is the one-line reason the line is wrong. */
export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs | string {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (spec.flags?.includes(arg)) {
      flags.add(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name = '', inline] = arg.split(/=(.*)/s, 2);
    if (!spec.values.includes(name)) return `unknown option ${arg}`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${name} needs a value`;
    values.set(name, value);
    if (spec.repeatable?.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  return { files, values, lists, flags };
}

/** The one FILE a command takes, or why the line does not give exactly one. */
export function singleFile(parsed: ParsedArgs): string | { readonly problem: string } {
  const [file] = parsed.files;
  if (parsed.files.length !== 1 || !file) {
    return { problem: parsed.files.length ? 'give one FILE' : 'no FILE given' };
  }
  return file;
}

/** How a command reads its line: its name, usage text, exit code for a wrong line and options. */
export interface CommandLine<T> {
  readonly program: string;
  readonly usage: string;
  /** The exit code of a wrong command line (the two tools differ, and their users rely on it). */
  readonly usageExit: number;
  readonly spec: ArgSpec;
  /** The options from the parsed line, or why they are wrong. */
  readonly options: (parsed: ParsedArgs) => T | string;
  /** The registry folder the options name. */
  readonly registryDir: (options: T) => string;
}

/** What a command started with: its options and the registry it imports into, checked. */
export interface Started<T> {
  readonly options: T;
  readonly registry: Registry;
}

/**
 * Starts an import command: `-h`/`--help` prints the usage (exit 0); a wrong line prints
 * `PROGRAM: problem` and the usage (exit {@link CommandLine.usageExit}); a registry with findings
 * prints them and one line (exit 1), because importing into a broken registry would only hide its
 * problems under new ones. The caller returns `exit` when it gets one.
 */
export async function startCommand<T>(
  args: readonly string[],
  cli: CommandLine<T>,
  print: (line: string) => void,
): Promise<Started<T> | { readonly exit: number }> {
  if (args.includes('-h') || args.includes('--help')) {
    print(cli.usage);
    return { exit: 0 };
  }
  const parsed = parseArgs(args, cli.spec);
  const options = typeof parsed === 'string' ? parsed : cli.options(parsed);
  if (typeof options === 'string') {
    print(`${cli.program}: ${options}\n${cli.usage}`);
    return { exit: cli.usageExit };
  }
  const result = await validateDirectory(cli.registryDir(options));
  if (result.findings.length > 0) {
    for (const finding of result.findings) print(formatFinding(finding));
    print(
      `${cli.program}: the registry in ${result.shownDir} has problems: fix them before importing`,
    );
    return { exit: 1 };
  }
  return { options, registry: result.registry };
}
