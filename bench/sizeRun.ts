import type { Browser } from 'playwright-core';
import { LARGE, type LargeDataPath, type Options, type SizeSpec } from './cli';
import type { Datasets, RegistryInfo } from './datasets';
import { VIEWPORT, measureValidation } from './measure';
import { log } from './log';
import type { AppTileSet } from './appTiles';
import { stat, type SizeResult, type TilesAppResult, type VariantResult } from './report';
import { emptyVariant, finishVariant, measureVariant, type MutableVariant } from './variants';

/** One size measured: the app and the bare page in turns, the large-data paths, the validation page. */

/** What every size of a run shares. */
export interface RunContext {
  readonly browser: Browser;
  /** The served site, ending in a slash. */
  readonly serverUrl: string;
  readonly args: Options;
  readonly datasets: Datasets;
  readonly allChains: readonly string[];
  readonly resolveSource: (url: string, line: number, column: number) => string | null;
  /** The map's size in the app, as the first load measured it; the bare page is sized to match. */
  mapSize: { width: number; height: number } | null;
}

/** Filter toggles, at least, of the app on tiles and of the bare tiles + feature-state page. */
const TILED_TOGGLES = 6;

/** Measures one size on its registry. */
export async function measureSize(
  run: RunContext,
  spec: SizeSpec,
  registry: RegistryInfo,
): Promise<SizeResult> {
  const browser = run.browser;
  const common = {
    spec,
    chains: { target: registry.target, all: run.allChains },
    resolveSource: run.resolveSource,
  };
  const dataParam = spec.parks === null ? '' : `bench-data/${spec.label}/`;
  const appUrl = `${run.serverUrl}${dataParam ? `?data=${dataParam}` : ''}`;
  const app = emptyVariant();
  const bare = emptyVariant();
  // The app on the size's tiled registry, from 10k parks: the same rounds as the app on GeoJSON,
  // measured right after it in each round so that both see the same state of the machine.
  const tileFiles = run.datasets.appTileSets.get(spec.label) ?? null;
  const appTiles = tileFiles && spec.parks !== null ? emptyVariant() : null;
  const dataPath = `${new URL(run.serverUrl).pathname}${dataParam}`;
  const synthetic = spec.parks !== null;
  // Profiles: two extra toggles in full runs, below 50k where a toggle takes a minute or more;
  // an extra, profiled load only when asked for (--profile-loads).
  const profiled = synthetic && (spec.parks ?? 0) < 50_000;
  const profileLoad = (run.args.profileLoads ?? false) && profiled;
  const profileFilterToo = !run.args.quick && profiled;
  // The app on tiles and the bare tiles + feature-state page toggle in a few hundred milliseconds
  // even at 50k: more toggles than the size's default, so that their ratio (a target) does not
  // hang on one or two, unless --toggles says how many.
  const tiledToggles = run.args.toggles ?? Math.max(spec.toggles, TILED_TOGGLES);
  const paths: Partial<Record<LargeDataPath, VariantResult>> = {};
  const largePaths = (spec.parks !== null && spec.parks >= LARGE ? run.args.paths : []).filter(
    (path) => !path.startsWith('tiles') || run.datasets.tileSets.has(spec.label),
  );
  const measurePath = async (path: LargeDataPath): Promise<void> => {
    const size = run.mapSize ?? { width: VIEWPORT.width, height: VIEWPORT.height };
    const query = {
      tiles: 'tiles=1',
      state: 'hide=state',
      'tiles-state': 'tiles=1&hide=state',
    }[path];
    const url = `${run.serverUrl}bare/index.html?data=${encodeURIComponent(`../${dataParam}`)}&w=${size.width}&h=${size.height}&parks=${registry.parks}&${query}`;
    const variant = emptyVariant();
    await measureVariant(
      browser,
      {
        ...common,
        kind: 'bare',
        url,
        spec: {
          ...spec,
          toggles: {
            tiles: Math.min(spec.toggles, 2),
            state: Math.min(spec.toggles, 4),
            'tiles-state': tiledToggles,
          }[path],
          selects: 0,
        },
        profileFilter: false,
        profileLoad: false,
        label: `bare, ${path}`,
        round: 0,
        isLast: true,
      },
      variant,
    );
    paths[path] = finishVariant(variant);
  };
  // The app on tiles is steered by its ratio to the bare tiles + feature-state page: that page
  // runs right after it, in the last round, so both see the same state of the machine.
  const besideAppTiles: LargeDataPath | null =
    appTiles && largePaths.includes('tiles-state') ? 'tiles-state' : null;
  const rounds = spec.loads + (profileLoad ? 1 : 0);
  for (let round = 0; round < rounds; round++) {
    const isLast = round === rounds - 1;
    await measureVariant(
      browser,
      {
        ...common,
        kind: 'app',
        url: appUrl,
        profileFilter: profileFilterToo,
        profileLoad,
        onMapSize: (size) => {
          run.mapSize ??= size;
        },
        round,
        isLast,
      },
      app,
    );
    // A profiled round is the app's own (for its attribution): the tiles page skips it.
    if (appTiles && !(profileLoad && round === 0))
      await measureVariant(
        browser,
        {
          ...common,
          kind: 'app',
          url: `${run.serverUrl}?data=${dataParam}index.json`,
          spec: { ...spec, toggles: tiledToggles },
          label: 'app, tiles',
          expectTilesIn: dataPath,
          profileFilter: false,
          profileLoad: false,
          round: profileLoad ? round - 1 : round,
          isLast,
        },
        appTiles,
      );
    if (besideAppTiles && isLast) await measurePath(besideAppTiles);
    const size = run.mapSize ?? { width: VIEWPORT.width, height: VIEWPORT.height };
    const bareUrl = `${run.serverUrl}bare/index.html?data=${encodeURIComponent(`../${dataParam || 'geo/'}`)}&w=${size.width}&h=${size.height}&parks=${registry.parks}`;
    await measureVariant(
      browser,
      {
        ...common,
        kind: 'bare',
        url: bareUrl,
        profileFilter: profileFilterToo,
        profileLoad,
        round,
        isLast,
      },
      bare,
    );
  }
  const appResult = finishVariant(app);
  const bareResult = finishVariant(bare);
  const tilesResult = appTiles ? finishTilesApp(appTiles, tileFiles) : null;
  // The other large-data variants: one load, a few toggles, after the rounds above.
  for (const path of largePaths) if (path !== besideAppTiles) await measurePath(path);
  const validation = run.args.validation
    ? await measureValidation(
        browser,
        `${run.serverUrl}bare/validate.html?data=${encodeURIComponent(`../${dataParam || 'geo/'}`)}`,
        spec.timeoutMs,
      )
    : null;
  if (validation) log(`  validation page: ${JSON.stringify(validation.times)}`);
  const validateMs = validation?.times['validateRegistry'];
  const ratioOf = (a: number | null | undefined, b: number | null | undefined): number | null =>
    a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100;
  return {
    label: spec.label,
    data: {
      parks: registry.parks,
      projects: registry.projects,
      vertices: registry.vertices,
      bytes: registry.bytes,
      gzipBytes: registry.gzipBytes,
    },
    toggledChain: registry.target,
    app: tilesResult ? { ...appResult, tiles: tilesResult } : appResult,
    bare: bareResult,
    ratios: {
      load: ratioOf(appResult.load.median, bareResult.load.median),
      filter: ratioOf(appResult.filter?.idle.median, bareResult.filter?.idle.median),
      ...(tilesResult
        ? {
            tilesLoad: ratioOf(tilesResult.load.median, appResult.load.median),
            tilesHeap: ratioOf(tilesResult.heap?.peakMb, appResult.heap?.peakMb),
            tilesFilter: ratioOf(tilesResult.filter?.idle.median, appResult.filter?.idle.median),
            tilesSelect: ratioOf(
              tilesResult.select?.select.median,
              appResult.select?.select.median,
            ),
            tilesVsTilesState: {
              load: ratioOf(tilesResult.load.median, paths['tiles-state']?.load.median),
              filter: ratioOf(
                tilesResult.filter?.idle.median,
                paths['tiles-state']?.filter?.idle.median,
              ),
            },
          }
        : {}),
    },
    // In the order of the options, whichever page ran first.
    paths: Object.fromEntries(
      largePaths.flatMap((path) => {
        const variant = paths[path];
        if (!variant) return [];
        const vsBare = {
          load: ratioOf(variant.load.median, bareResult.load.median),
          filter: ratioOf(variant.filter?.idle.median, bareResult.filter?.idle.median),
        };
        const tiles =
          path === 'tiles' ? { tiles: run.datasets.tileSets.get(spec.label) ?? null } : {};
        return [[path, { ...variant, vsBare, ...tiles }]];
      }),
    ),
    validation: validation && {
      status: validation.status,
      times: validation.times,
      shareOfAppLoad:
        validateMs === undefined || !appResult.load.median
          ? null
          : Math.round((validateMs / appResult.load.median) * 100) / 100,
    },
  };
}

/**
 * The app-on-tiles page's result. When any load did not take the tiles path, its numbers are the
 * GeoJSON path's and are dropped: the result keeps only the status, the evidence and the errors.
 */
function finishTilesApp(variant: MutableVariant, files: AppTileSet | null): TilesAppResult {
  const result = finishVariant(variant);
  const path = variant.tilesPath ?? null;
  if (path?.onTiles) return { ...result, path, files };
  return {
    status: result.status,
    detail: `not on tiles: ${path?.summary ?? 'no load to check'}`,
    loads: [],
    load: stat([]),
    loadPhases: {},
    filter: null,
    select: null,
    heap: null,
    profile: {},
    errors: [...result.errors, `not on tiles: ${path?.summary ?? 'no load to check'}`],
    path,
    files,
  };
}
