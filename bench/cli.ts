import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The benchmark's command line: options, sizes and their repetitions. See bench/README.md. */

/** Printed for --help. */
export const USAGE = `npm run bench [-- OPTIONS]

  --quick                 embedded, 1k and 10k parks, one load each, few repetitions (< 3 min)
  --sizes=LIST            any of embedded,1k,10k,50k (default: all; --quick: embedded,1k,10k)
  --loads=N --toggles=N --selects=N
                          repetitions per size (defaults depend on the size and --quick)
  --paths=LIST            large-data variants of the bare page at 10k and more: tiles, state,
                          tiles-state (default: all three; --quick: none; --paths= for none)
  --profile-loads         one extra, CPU-profiled load per page below 50k (default: off)
  --no-validation         skip the validation-timing page (--quick always does)
  --skip-build            reuse the last build in the work folder
  --work=DIR              work folder for builds and generated data (default: $TMPDIR/zpe-bench)

Results: bench/results/latest.json (full default run), latest-quick.json (--quick),
latest-custom.json (anything else).`;

/** One registry size to measure, with its repetitions. */
export interface SizeSpec {
  readonly label: string;
  /** Number of synthetic parks; null for the shipped registry in geo/. */
  readonly parks: number | null;
  readonly loads: number;
  readonly toggles: number;
  readonly selects: number;
  readonly timeoutMs: number;
}

/** Sizes from which the large-data variants are measured too. */
export const LARGE = 10_000;

const ALL_SIZES: Readonly<Record<string, number | null>> = {
  embedded: null,
  '1k': 1_000,
  '10k': 10_000,
  '50k': 50_000,
};

/** Command-line options; see bench/README.md. */
export interface Options {
  readonly quick: boolean;
  readonly sizes: string[] | null;
  readonly skipBuild: boolean;
  readonly work: string;
  readonly profileLoads: boolean | null;
  readonly loads: number | null;
  readonly toggles: number | null;
  readonly selects: number | null;
  readonly validation: boolean;
  /** The large-data variants of the bare page to measure too (sizes of 10k parks and more). */
  readonly paths: readonly LargeDataPath[];
}

/**
 * A large-data variant of the bare page: vector tiles, hiding by feature-state, or both.
 * `state` alone loads the GeoJSON again, so it is left out at 50k unless asked for.
 */
export type LargeDataPath = 'tiles' | 'state' | 'tiles-state';
export const PATHS: readonly LargeDataPath[] = ['tiles', 'state', 'tiles-state'];

/** Reads the options from `argv`; prints the usage and exits on --help, throws on anything unknown. */
export function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const unknown = argv.filter(
    (arg) =>
      !/^--(quick|skip-build|profile-loads|no-profile-loads|no-validation|(sizes|work|loads|toggles|selects|paths)=.*)$/.test(
        arg,
      ),
  );
  if (unknown.length > 0) throw new Error(`unknown arguments: ${unknown.join(' ')}`);
  const count = (name: string): number | null => {
    const text = value(name);
    if (text === undefined) return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} wants a whole number`);
    return n;
  };
  const paths = (value('paths') ?? (quick ? '' : PATHS.join(',')))
    .split(',')
    .filter((path) => path !== '');
  const badPath = paths.find((path) => !(PATHS as readonly string[]).includes(path));
  if (badPath) throw new Error(`unknown path ${badPath}: use ${PATHS.join(', ')}`);
  return {
    paths: paths as LargeDataPath[],
    loads: count('loads'),
    toggles: count('toggles'),
    selects: count('selects'),
    // The validation page is the full run's: --quick keeps its three minutes for the app and bare.
    validation: !quick && !argv.includes('--no-validation'),
    quick,
    sizes: value('sizes')?.split(',') ?? null,
    skipBuild: argv.includes('--skip-build'),
    work: resolve(value('work') ?? join(tmpdir(), 'zpe-bench')),
    profileLoads: argv.includes('--profile-loads')
      ? true
      : argv.includes('--no-profile-loads')
        ? false
        : null,
  };
}

/** The sizes the options ask for, with their repetitions. */
export function sizeSpecs(options: Options): SizeSpec[] {
  const quick = options.quick;
  const labels = options.sizes ?? (quick ? ['embedded', '1k', '10k'] : Object.keys(ALL_SIZES));
  return labels.map((label) => {
    if (!(label in ALL_SIZES))
      throw new Error(`unknown size ${label}: use ${Object.keys(ALL_SIZES).join(', ')}`);
    const parks = ALL_SIZES[label] ?? null;
    const big = (parks ?? 0) >= 50_000;
    const medium = (parks ?? 0) >= 10_000;
    return {
      label,
      parks,
      // Sized so that --quick stays under 3 minutes and a full run near 25 on a 2-core machine:
      // a 50k-park setFilter on the bare page costs over a minute of software rendering.
      loads: Math.max(1, options.loads ?? (quick || medium ? 1 : 3)),
      toggles: options.toggles ?? (quick ? (medium ? 2 : 4) : big ? 2 : medium ? 4 : 8),
      selects: options.selects ?? (quick || big ? 1 : medium ? 2 : 5),
      timeoutMs: big ? 900_000 : medium ? 300_000 : 90_000,
    };
  });
}

/** Whether a run differs from the default full run, which alone replaces the published results. */
export function isCustomRun(args: Options, argv: readonly string[]): boolean {
  return (
    args.sizes !== null ||
    args.loads !== null ||
    args.toggles !== null ||
    args.selects !== null ||
    args.profileLoads !== null ||
    !args.validation ||
    argv.some((arg) => arg.startsWith('--paths='))
  );
}
