import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome, serveStatic } from '../scripts/lib/browser';
import { ROOT, buildApp, buildBenchPages } from './build';
import { bundleReport } from './bundle';
import { isCustomRun, parseArgs, sizeSpecs } from './cli';
import { prepareDatasets } from './datasets';
import { DEFAULT_SEED } from './generate';
import { log } from './log';
import { gitState, probeWebgl } from './machine';
import { VIEWPORT } from './measure';
import { createResolver } from './profile';
import { RESULTS_SCHEMA, formatResults, type Results, type SizeResult } from './report';
import { measureSize, type RunContext } from './sizeRun';
import { checkTargets } from './targets';

/**
 * `npm run bench [-- --quick] [--sizes=embedded,1k,10k,50k] [--skip-build] [--work=DIR]`
 *
 * Builds the app twice (once as shipped, for the bundle report; once with the map probe, for
 * the measurements) and the benchmark pages, generates the synthetic registries, serves it all on
 * 127.0.0.1 and drives headless Chromium through each size: the app and the bare MapLibre page
 * alternately. Prints a table and writes bench/results/latest.json (latest-quick.json for
 * --quick). See bench/README.md.
 */

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
  const datasets = await prepareDatasets(
    specs,
    args.paths,
    dataDir,
    bundle.registryData,
    allChains,
  );

  const server = await serveStatic(siteDir);
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  const browserVersion = browser.version();
  const run: RunContext = {
    browser,
    serverUrl: server.url,
    args,
    datasets,
    allChains,
    resolveSource: createResolver(server.url, siteDir),
    mapSize: null,
  };
  const sizes: SizeResult[] = [];
  let webgl = 'unknown';
  try {
    webgl = await probeWebgl(browser);
    for (const spec of specs) {
      const registry = datasets.registries.get(spec.label);
      if (!registry) continue;
      log(
        `${spec.label}: ${registry.parks} parks, ${registry.vertices} vertices, toggling ${registry.target}`,
      );
      const size = await measureSize(run, spec, registry);
      sizes.push(size);
      log(`  ${spec.label} done: app ${size.app.load.median} ms, bare ${size.bare.load.median} ms`);
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
      mapSize: run.mapSize,
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
  const custom = isCustomRun(args, process.argv);
  const file = join(
    resultsDir,
    args.quick ? 'latest-quick.json' : custom ? 'latest-custom.json' : 'latest.json',
  );
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\n\nResults: ${file}\n`);
}

await main();
