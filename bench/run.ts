import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../tests/e2e/harness';
import { ROOT, buildApp, buildBenchPages } from './build';
import { bundleReport } from './bundle';
import { DEFAULT_SEED, countLeads, writeRegistry } from './generate';
import { writeFilterIndex, writeVectorTiles } from './tiles';
import {
  attributionReport,
  closePage,
  loadPage,
  measureFilter,
  measureSelect,
  measureValidation,
  profileFilter,
  VIEWPORT,
  type FilterSample,
  type LoadResult,
  type SelectSample,
  type Status,
} from './measure';
import { createResolver, type Attribution } from './profile';
import {
  RESULTS_SCHEMA,
  formatResults,
  stat,
  type Results,
  type SizeResult,
  type TargetCheck,
  type VariantResult,
} from './report';
import { serve } from './serve';

/** Printed for --help. */
const USAGE = `npm run bench [-- OPTIONS]

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

/**
 * `npm run bench [-- --quick] [--sizes=embedded,1k,10k,50k] [--skip-build] [--work=DIR]`
 *
 * Builds the app twice (once as shipped, for the bundle report; once with the map probe, for
 * the measurements) and the benchmark pages, generates the synthetic registries, serves it all on
 * 127.0.0.1 and drives headless Chromium through each size: the app and the bare MapLibre page
 * alternately. Prints a table and writes bench/results/latest.json (latest-quick.json for
 * --quick). See bench/README.md.
 */

interface SizeSpec {
  readonly label: string;
  /** Number of synthetic parks; null for the shipped registry in geo/. */
  readonly parks: number | null;
  readonly loads: number;
  readonly toggles: number;
  readonly selects: number;
  readonly timeoutMs: number;
}

/** Sizes from which the large-data variants are measured too. */
const LARGE = 10_000;

const ALL_SIZES: Readonly<Record<string, number | null>> = {
  embedded: null,
  '1k': 1_000,
  '10k': 10_000,
  '50k': 50_000,
};

/** Command-line options; see bench/README.md. */
interface Options {
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
type LargeDataPath = 'tiles' | 'state' | 'tiles-state';
const PATHS: readonly LargeDataPath[] = ['tiles', 'state', 'tiles-state'];

function parseArgs(argv: readonly string[]): Options {
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

function sizeSpecs(options: Options): SizeSpec[] {
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

/** Gzip size of a file, streamed (a 50k registry is too big to hold twice). */
async function gzipSize(path: string): Promise<number> {
  let size = 0;
  await pipeline(
    createReadStream(path),
    createGzip(),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done();
      },
    }),
  );
  return size;
}

/** Gzip size of a registry folder's three files, cached beside them. */
async function registryGzipBytes(dir: string, stamp: string): Promise<number> {
  const cache = join(dir, 'bench-gzip.json');
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as { stamp: string; bytes: number };
    if (cached.stamp === stamp) return cached.bytes;
  }
  let bytes = 0;
  for (const name of ['chains.json', 'parks.geojson', 'projects.json'])
    bytes += await gzipSize(join(dir, name));
  writeFileSync(cache, JSON.stringify({ stamp, bytes }));
  return bytes;
}

/** Number of positions in nested GeoJSON coordinates. */
function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((n: number, child: unknown) => n + countPositions(child), 0);
}

function gitState(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync(
        'git',
        ['status', '--porcelain', '--', 'src', 'bench', 'vite.config.ts', 'package.json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

const worst = (statuses: readonly Status[]): Status =>
  statuses.find((s) => s === 'crash') ??
  statuses.find((s) => s === 'timeout') ??
  statuses.find((s) => s === 'error') ??
  'ok';

function medianPhases(loads: readonly LoadResult[]): Record<string, number> {
  const keys = new Set(loads.flatMap((load) => Object.keys(load.phases)));
  return Object.fromEntries(
    [...keys].map((key) => [
      key,
      stat(loads.flatMap((load) => (load.phases[key] === undefined ? [] : [load.phases[key] ?? 0])))
        .median ?? 0,
    ]),
  );
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Divides a per-run attribution by the number of toggles it covered. */
function perToggle(attribution: Attribution, toggles: number): Attribution {
  return attribution.map(({ module, ms }) => ({
    module,
    ms: Math.round((ms / toggles) * 10) / 10,
  }));
}

async function measureVariant(
  browser: Browser,
  kind: 'app' | 'bare',
  url: string,
  spec: SizeSpec,
  chains: { target: string; all: readonly string[] },
  resolveSource: (url: string, line: number, column: number) => string | null,
  options: {
    profileFilter: boolean;
    profileLoad: boolean;
    /** How the log names this page; defaults to `kind`. */
    label?: string;
    onMapSize?: (size: { width: number; height: number }) => void;
  },
  loadNumber: number,
  isLast: boolean,
  into: MutableVariant,
): Promise<void> {
  const name = options.label ?? kind;
  let loadAttribution: Attribution | null = null;
  const profileThis = options.profileLoad && loadNumber === 0;
  const { open, result } = await loadPage(
    browser,
    url,
    spec.timeoutMs,
    profileThis ? (attribution) => (loadAttribution = attribution) : null,
    resolveSource,
  );
  // A profiled load is slower: it is reported for its attribution, not its time.
  if (!profileThis) into.loads.push(result);
  else if (loadAttribution) into.profile.load = attributionReport(loadAttribution);
  if (result.status !== 'ok') {
    into.errors.push(
      `${kind} load ${loadNumber + 1}: ${result.status} ${result.detail ?? ''}`.trim(),
    );
    if (profileThis) into.loads.push(result);
  }
  if (result.mapSize) options.onMapSize?.(result.mapSize);
  log(
    `  ${name} load ${loadNumber + 1}${profileThis ? ' (profiled)' : ''}: ${result.status} ${result.loadMs === null ? '' : `${Math.round(result.loadMs)} ms`}, ${result.renderedParks ?? '?'} parks drawn`,
  );
  try {
    if (isLast && result.status === 'ok') {
      const samples = await measureFilter(
        open,
        kind,
        chains.target,
        chains.all,
        spec.toggles,
        spec.timeoutMs,
      );
      into.filterSamples.push(...samples);
      log(`  ${name} filter: ${samples.map((s) => Math.round(s.idleMs)).join(', ')} ms`);
      if (options.profileFilter) {
        const attribution = await profileFilter(
          open,
          kind,
          chains.target,
          chains.all,
          spec.timeoutMs,
          resolveSource,
        );
        into.profile.filterPerToggle = attributionReport(perToggle(attribution.all, 2));
        into.profile.handlerPerToggle = attributionReport(perToggle(attribution.handler, 2));
      }
      if (kind === 'app' && spec.selects > 0) {
        const samples = await measureSelect(open, spec.selects, spec.timeoutMs);
        into.selectSamples.push(...samples);
        log(
          `  app select: ${samples.map((s) => `${Math.round(s.selectMs)}/${Math.round(s.closeMs)}`).join(', ')} ms (select/close)`,
        );
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    into.errors.push(`${kind} interaction: ${open.crashed ? 'crash' : 'error'} ${message ?? ''}`);
    if (open.crashed) into.crashed = true;
    log(`  ${name} interaction failed: ${message}`);
  }
  into.errors.push(...open.errors.slice(0, 5).map((text) => `${kind} page: ${text}`));
  const heap = await closePage(open);
  into.heapPeakMb = Math.max(into.heapPeakMb, heap.peakMb);
  into.heapAfterMb = heap.lastMb;
}

interface MutableVariant {
  loads: LoadResult[];
  filterSamples: FilterSample[];
  selectSamples: SelectSample[];
  profile: {
    load?: VariantResult['profile']['load'];
    filterPerToggle?: VariantResult['profile']['filterPerToggle'];
    handlerPerToggle?: VariantResult['profile']['handlerPerToggle'];
  };
  heapPeakMb: number;
  heapAfterMb: number;
  errors: string[];
  crashed: boolean;
}

function emptyVariant(): MutableVariant {
  return {
    loads: [],
    filterSamples: [],
    selectSamples: [],
    profile: {},
    heapPeakMb: 0,
    heapAfterMb: 0,
    errors: [],
    crashed: false,
  };
}

function finishVariant(variant: MutableVariant): VariantResult {
  const ok = variant.loads.filter((load) => load.status === 'ok');
  const status = variant.crashed ? 'crash' : worst(variant.loads.map((load) => load.status));
  const firstBad = variant.loads.find((load) => load.status !== 'ok');
  return {
    status,
    ...(firstBad?.detail ? { detail: firstBad.detail } : {}),
    loads: variant.loads,
    load: stat(ok.flatMap((load) => (load.loadMs === null ? [] : [Math.round(load.loadMs)]))),
    loadPhases: medianPhases(ok),
    filter:
      variant.filterSamples.length === 0
        ? null
        : {
            samples: variant.filterSamples,
            idle: stat(variant.filterSamples.map((s) => s.idleMs)),
            sync: stat(variant.filterSamples.map((s) => s.syncMs)),
            longTaskMaxMs: Math.max(...variant.filterSamples.map((s) => s.longTasks.maxMs)),
            longTaskCount: variant.filterSamples.reduce((n, s) => n + s.longTasks.count, 0),
          },
    select:
      variant.selectSamples.length === 0
        ? null
        : {
            samples: variant.selectSamples,
            selectDom: stat(variant.selectSamples.map((s) => s.selectDomMs)),
            select: stat(variant.selectSamples.map((s) => s.selectMs)),
            close: stat(variant.selectSamples.map((s) => s.closeMs)),
            closeDom: stat(variant.selectSamples.map((s) => s.closeDomMs)),
          },
    heap:
      variant.heapPeakMb > 0 ? { peakMb: variant.heapPeakMb, afterMb: variant.heapAfterMb } : null,
    profile: variant.profile,
    errors: variant.errors,
  };
}

function checkTargets(sizes: readonly SizeResult[], ownInitialGzip: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const size of sizes) {
    checks.push({
      target: `load app ÷ bare ≤ 1.2 (${size.label})`,
      value: size.ratios.load === null ? size.app.status : size.ratios.load.toFixed(2),
      pass: size.ratios.load === null ? false : size.ratios.load <= 1.2,
    });
    checks.push({
      target: `filter app ÷ bare ≤ 1.2 (${size.label})`,
      value: size.ratios.filter === null ? size.app.status : size.ratios.filter.toFixed(2),
      pass: size.ratios.filter === null ? false : size.ratios.filter <= 1.2,
    });
    // The app hides filtered parks by feature-state: against the bare page doing the same, the
    // ratio is the app's own overhead rather than the gain of the method.
    const sameMethod = size.paths.state?.filter?.idle.median ?? null;
    const appFilter = size.app.filter?.idle.median ?? null;
    if (sameMethod !== null && appFilter !== null) {
      const ratio = appFilter / sameMethod;
      checks.push({
        target: `filter app ÷ bare with feature-state ≤ 1.2 (${size.label})`,
        value: ratio.toFixed(2),
        pass: ratio <= 1.2,
      });
    }
  }
  const largest = sizes.find((size) => size.label === '50k');
  checks.push({
    target: 'select → detail painted ≤ 100 ms (50k)',
    value: largest ? `${largest.app.select?.select.median ?? largest.app.status} ms` : 'not run',
    pass: largest ? (largest.app.select?.select.median ?? Infinity) <= 100 : null,
  });
  const tenK = sizes.find((size) => size.label === '10k');
  if (tenK) {
    // The click handler's task is the app's own: its Solid updates and the setFilter calls it
    // makes. The rendering tasks MapLibre runs afterwards are the map's, and the bare page has them
    // too (they are shown beside it).
    const handler = tenK.app.filter?.sync.median ?? null;
    const split = tenK.app.profile.handlerPerToggle?.groups;
    checks.push({
      target: 'no long task > 50 ms from our code while filtering (10k)',
      value: `click handler ${handler ?? '—'} ms${split ? ` (ours ${split['ours (src/)'] ?? 0}, Solid ${split['solid-js'] ?? 0}, MapLibre ${split['maplibre-gl'] ?? 0}, GC ${split['GC'] ?? 0})` : ''}; longest task ${tenK.app.filter?.longTaskMaxMs ?? '—'} ms (bare ${tenK.bare.filter?.longTaskMaxMs ?? '—'} ms)`,
      pass: handler === null ? false : handler <= 50,
    });
  }
  checks.push({
    target: 'our initial JavaScript ≤ 40 kB gzip',
    value: `${(ownInitialGzip / 1024).toFixed(1)} kB`,
    pass: ownInitialGzip <= 40 * 1024,
  });
  checks.push({
    target: '50k parks load without crashing the tab',
    value: largest
      ? `${largest.app.status}${largest.app.load.median === null ? '' : `, ${largest.app.load.median} ms`}`
      : 'not run',
    pass: largest ? largest.app.status === 'ok' : null,
  });
  return checks;
}

async function main(): Promise<void> {
  const started = Date.now();
  // Other work on the machine skews every number: the load average is reported with the results.
  const loadBefore = loadavg()[0] ?? 0;
  const args = parseArgs(process.argv.slice(2));
  const mode = args.quick ? 'quick' : 'full';
  const specs = sizeSpecs(args);
  const siteDir = join(args.work, 'site');
  const cleanDir = join(args.work, 'clean');
  const dataDir = join(args.work, 'data');
  mkdirSync(dataDir, { recursive: true });

  if (!args.skipBuild || !existsSync(join(siteDir, 'index.html'))) {
    log('building the app as shipped (bundle report)…');
    await buildApp(cleanDir, false);
    log('building the app with the map probe, and the bare and validation pages…');
    await buildApp(siteDir, true);
    await buildBenchPages(join(siteDir, 'bare'));
  }
  const link = join(siteDir, 'bench-data');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(dataDir, link, 'dir');
  const bundle = bundleReport(cleanDir);

  const shippedChains = JSON.parse(readFileSync(join(ROOT, 'geo/chains.json'), 'utf8')) as {
    chains: Array<{ id: string }>;
  };
  const allChains = shippedChains.chains.map((chain) => chain.id);
  const registries = new Map<
    string,
    {
      parks: number;
      projects: number;
      vertices: number;
      bytes: number;
      gzipBytes: number | null;
      target: string;
    }
  >();
  const tileSets = new Map<string, { tiles: number; bytes: number }>();
  const mostParks = (counts: Record<string, number>): string =>
    Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? allChains[0] ?? '';
  for (const spec of specs) {
    if (spec.parks === null) {
      const parks = JSON.parse(readFileSync(join(ROOT, 'geo/parks.geojson'), 'utf8')) as {
        features: Array<{ properties: { lead: string[] }; geometry: { coordinates: unknown } }>;
      };
      const projects = JSON.parse(readFileSync(join(ROOT, 'geo/projects.json'), 'utf8')) as {
        projects: unknown[];
      };
      registries.set(spec.label, {
        parks: parks.features.length,
        projects: projects.projects.length,
        vertices: parks.features.reduce((n, f) => n + countPositions(f.geometry.coordinates), 0),
        bytes: bundle.registryData.bytes,
        gzipBytes: bundle.registryData.gzipBytes,
        target: mostParks(countLeads(parks.features.map((f) => f.properties.lead))),
      });
      continue;
    }
    log(`generating ${spec.label} (${spec.parks} parks, seed ${DEFAULT_SEED})…`);
    const dir = join(dataDir, spec.label);
    const written = await writeRegistry(dir, { parks: spec.parks, seed: DEFAULT_SEED });
    const bytes = written.bytes.parks + written.bytes.projects + written.bytes.chains;
    registries.set(spec.label, {
      parks: written.parks,
      projects: written.projects,
      vertices: written.vertices,
      bytes,
      gzipBytes: await registryGzipBytes(dir, `${bytes}`),
      target: mostParks(written.parksByChain),
    });
    if (args.paths.some((path) => path.startsWith('tiles')) && spec.parks >= LARGE) {
      log(`cutting vector tiles for ${spec.label}…`);
      const cut = writeVectorTiles(dir, `${DEFAULT_SEED}:${bytes}`);
      tileSets.set(spec.label, { tiles: cut.tiles, bytes: cut.bytes });
      log(`  ${cut.tiles} tiles, ${(cut.bytes / 2 ** 20).toFixed(1)} MB`);
      if (args.paths.includes('tiles-state')) writeFilterIndex(dir, `${DEFAULT_SEED}:${bytes}`);
    }
  }

  const server = await serve(siteDir);
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  const browserVersion = browser.version();
  const resolveSource = createResolver(server.url, siteDir);
  const sizes: SizeResult[] = [];
  let mapSize: { width: number; height: number } | null = null;
  let webgl = 'unknown';
  try {
    {
      const page = await browser.newPage();
      webgl = await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        if (!gl) return 'no WebGL 2';
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      });
      await page.close();
    }
    for (const spec of specs) {
      const registry = registries.get(spec.label);
      if (!registry) continue;
      log(
        `${spec.label}: ${registry.parks} parks, ${registry.vertices} vertices, toggling ${registry.target}`,
      );
      const dataParam = spec.parks === null ? '' : `bench-data/${spec.label}/`;
      const appUrl = `${server.url}${dataParam ? `?data=${dataParam}` : ''}`;
      const app = emptyVariant();
      const bare = emptyVariant();
      const synthetic = spec.parks !== null;
      // Profiles: two extra toggles in full runs, below 50k where a toggle takes a minute or more;
      // an extra, profiled load only when asked for (--profile-loads).
      const profiled = synthetic && (spec.parks ?? 0) < 50_000;
      const profileLoad = (args.profileLoads ?? false) && profiled;
      const profileFilterToo = !args.quick && profiled;
      const rounds = spec.loads + (profileLoad ? 1 : 0);
      for (let round = 0; round < rounds; round++) {
        const isLast = round === rounds - 1;
        await measureVariant(
          browser,
          'app',
          appUrl,
          spec,
          { target: registry.target, all: allChains },
          resolveSource,
          {
            profileFilter: profileFilterToo,
            profileLoad,
            onMapSize: (size) => {
              mapSize ??= size;
            },
          },
          round,
          isLast,
          app,
        );
        const size = mapSize ?? { width: VIEWPORT.width, height: VIEWPORT.height };
        const bareUrl = `${server.url}bare/index.html?data=${encodeURIComponent(`../${dataParam || 'geo/'}`)}&w=${size.width}&h=${size.height}`;
        await measureVariant(
          browser,
          'bare',
          bareUrl,
          spec,
          { target: registry.target, all: allChains },
          resolveSource,
          {
            profileFilter: profileFilterToo,
            profileLoad,
          },
          round,
          isLast,
          bare,
        );
      }
      const appResult = finishVariant(app);
      const bareResult = finishVariant(bare);
      // The large-data variants: one load, a few toggles, after the pair above.
      const paths: Partial<Record<LargeDataPath, VariantResult>> = {};
      for (const path of spec.parks !== null && spec.parks >= LARGE ? args.paths : []) {
        if (path.startsWith('tiles') && !tileSets.has(spec.label)) continue;
        const size = mapSize ?? { width: VIEWPORT.width, height: VIEWPORT.height };
        const query = {
          tiles: 'tiles=1',
          state: 'hide=state',
          'tiles-state': 'tiles=1&hide=state',
        }[path];
        const url = `${server.url}bare/index.html?data=${encodeURIComponent(`../${dataParam}`)}&w=${size.width}&h=${size.height}&${query}`;
        const variant = emptyVariant();
        await measureVariant(
          browser,
          'bare',
          url,
          { ...spec, toggles: Math.min(spec.toggles, path === 'tiles' ? 2 : 4), selects: 0 },
          { target: registry.target, all: allChains },
          resolveSource,
          { profileFilter: false, profileLoad: false, label: `bare, ${path}` },
          0,
          true,
          variant,
        );
        paths[path] = finishVariant(variant);
      }
      const validation = args.validation
        ? await measureValidation(
            browser,
            `${server.url}bare/validate.html?data=${encodeURIComponent(`../${dataParam || 'geo/'}`)}`,
            spec.timeoutMs,
          )
        : null;
      if (validation) log(`  validation page: ${JSON.stringify(validation.times)}`);
      const validateMs = validation?.times['validateRegistry'];
      const ratioOf = (
        a: number | null | undefined,
        b: number | null | undefined,
      ): number | null =>
        a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100;
      sizes.push({
        label: spec.label,
        data: {
          parks: registry.parks,
          projects: registry.projects,
          vertices: registry.vertices,
          bytes: registry.bytes,
          gzipBytes: registry.gzipBytes,
        },
        toggledChain: registry.target,
        app: appResult,
        bare: bareResult,
        ratios: {
          load: ratioOf(appResult.load.median, bareResult.load.median),
          filter: ratioOf(appResult.filter?.idle.median, bareResult.filter?.idle.median),
        },
        paths: Object.fromEntries(
          Object.entries(paths).map(([path, variant]) => [
            path,
            {
              ...variant,
              vsBare: {
                load: ratioOf(variant.load.median, bareResult.load.median),
                filter: ratioOf(variant.filter?.idle.median, bareResult.filter?.idle.median),
              },
              ...(path === 'tiles' ? { tiles: tileSets.get(spec.label) ?? null } : {}),
            },
          ]),
        ),
        validation: validation && {
          status: validation.status,
          times: validation.times,
          shareOfAppLoad:
            validateMs === undefined || !appResult.load.median
              ? null
              : Math.round((validateMs / appResult.load.median) * 100) / 100,
        },
      });
      log(
        `  ${spec.label} done: app ${appResult.load.median} ms, bare ${bareResult.load.median} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const cpu = cpus();
  const results: Results = {
    schema: RESULTS_SCHEMA,
    mode,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    machine: {
      cpuModel: cpu[0]?.model ?? 'unknown',
      cpus: cpu.length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
      node: process.version,
      browser: `Chromium ${browserVersion}`,
      webgl,
      loadAverageBefore: Math.round(loadBefore * 100) / 100,
      loadAverageAfter: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    },
    git: gitState(),
    settings: {
      seed: DEFAULT_SEED,
      viewport: VIEWPORT,
      mapSize,
      sizes: specs,
      reducedMotion: 'reduce',
      chromeArgs: CHROME_ARGS,
    },
    sizes,
    bundle,
    targets: checkTargets(sizes, bundle.ownInitialGzipBytes),
  };
  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  // Only the default full run replaces the published results.
  const custom =
    args.sizes !== null ||
    args.loads !== null ||
    args.toggles !== null ||
    args.selects !== null ||
    args.profileLoads !== null ||
    !args.validation ||
    process.argv.some((arg) => arg.startsWith('--paths='));
  const file = join(
    resultsDir,
    args.quick ? 'latest-quick.json' : custom ? 'latest-custom.json' : 'latest.json',
  );
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\n\nResults: ${file}\n`);
}

await main();
