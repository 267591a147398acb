import type { AppTileSet } from './appTiles';
import type { BundleReport } from './bundle';
import type { FilterSample, LoadResult, SelectSample, Status } from './measure';
import { formatTilesApp } from './reportTiles';
import { kb, mb, ms, ratio, table } from './textTable';
import type { TilesPathCheck } from './tilesPath';

/**
 * The results file (bench/results/latest.json) and the table printed on stdout. The schema is
 * described in bench/README.md; bump RESULTS_SCHEMA when a field changes meaning.
 */

/** Version of the results file's schema. */
export const RESULTS_SCHEMA = 3;

/** Median and spread of some samples. */
export interface Stat {
  readonly n: number;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Median, min and max of `values` (null when there are none). */
export function stat(values: readonly number[]): Stat {
  if (values.length === 0) return { n: 0, median: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
  return {
    n: sorted.length,
    median: Math.round(median * 10) / 10,
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
  };
}

/** One page (the app or the bare baseline) at one data size. */
export interface VariantResult {
  /** Worst status over all loads: one crash makes the size a crash. */
  readonly status: Status;
  readonly detail?: string;
  readonly loads: readonly LoadResult[];
  readonly load: Stat;
  /** Median time of each load step, from navigation start. */
  readonly loadPhases: Record<string, number>;
  readonly filter: {
    readonly samples: readonly FilterSample[];
    readonly idle: Stat;
    readonly sync: Stat;
    readonly longTaskMaxMs: number;
    readonly longTaskCount: number;
  } | null;
  readonly select: {
    readonly samples: readonly SelectSample[];
    readonly selectDom: Stat;
    readonly select: Stat;
    readonly close: Stat;
    readonly closeDom: Stat;
  } | null;
  readonly heap: { readonly peakMb: number; readonly afterMb: number } | null;
  /** Main-thread time by owner, from the CPU profiler: per load, and per filter toggle. */
  readonly profile: {
    readonly load?: { groups: Record<string, number>; top: Array<{ module: string; ms: number }> };
    readonly filterPerToggle?: {
      groups: Record<string, number>;
      top: Array<{ module: string; ms: number }>;
    };
    /** The part of a toggle spent in the click handler's own task. */
    readonly handlerPerToggle?: {
      groups: Record<string, number>;
      top: Array<{ module: string; ms: number }>;
    };
  };
  readonly errors: readonly string[];
}

/**
 * The app opened on the size's tiled registry (`?data=DIR/index.json`). When the app did not take
 * the tiles path (`path.onTiles` false) every measured field is empty: what was measured was the
 * GeoJSON path again, and is not reported as tiles.
 */
export interface TilesAppResult extends VariantResult {
  /** What showed which path the app took. */
  readonly path: TilesPathCheck | null;
  /** What `npm run tiles` wrote for this size. */
  readonly files: AppTileSet | null;
}

/** App on tiles against the app on GeoJSON, and against the bare tiles + feature-state page. */
export interface TilesRatios {
  /** App on tiles ÷ app on GeoJSON, load medians. */
  readonly tilesLoad: number | null;
  /** App on tiles ÷ app on GeoJSON, peak heap. */
  readonly tilesHeap: number | null;
  /** App on tiles ÷ app on GeoJSON, filter (until idle) medians. */
  readonly tilesFilter: number | null;
  /** App on tiles ÷ app on GeoJSON, select (detail painted) medians. */
  readonly tilesSelect: number | null;
  /** App on tiles ÷ the bare page on tiles hiding by feature-state (full runs' `tiles-state` path). */
  readonly tilesVsTilesState: { readonly load: number | null; readonly filter: number | null };
}

/** Everything measured at one data size. */
export interface SizeResult {
  readonly label: string;
  readonly data: {
    readonly parks: number;
    readonly projects: number;
    readonly vertices: number;
    readonly bytes: number;
    readonly gzipBytes: number | null;
  };
  readonly toggledChain: string;
  /** The app on the registry's GeoJSON; from 10k parks also on its tiles (`tiles`). */
  readonly app: VariantResult & { readonly tiles?: TilesAppResult };
  readonly bare: VariantResult;
  /** App ÷ bare medians; the `tiles…` ratios where the app was also measured on tiles. */
  readonly ratios: {
    readonly load: number | null;
    readonly filter: number | null;
  } & Partial<TilesRatios>;
  /**
   * The large-data variants of the bare page (bench/bare/main.ts): `tiles` (vector tiles instead
   * of GeoJSON), `state` (hiding by feature-state instead of setFilter) and `tiles-state` (both),
   * each against the bare GeoJSON page.
   */
  readonly paths: Partial<
    Record<
      'tiles' | 'state' | 'tiles-state',
      VariantResult & {
        readonly vsBare: { readonly load: number | null; readonly filter: number | null };
        readonly tiles?: { readonly tiles: number; readonly bytes: number } | null;
      }
    >
  >;
  /** The validator timed on the page's main thread (bench/bare/validate.html). */
  readonly validation: {
    readonly status: Status;
    readonly times: Record<string, number>;
    /** validateRegistry's time as a share of the app's load time. */
    readonly shareOfAppLoad: number | null;
  } | null;
}

/** A target of the issue, checked against the results. */
export interface TargetCheck {
  readonly target: string;
  readonly value: string;
  readonly pass: boolean | null;
}

/** The whole results file. */
export interface Results {
  readonly schema: number;
  readonly mode: 'quick' | 'full';
  readonly command: string;
  readonly startedAt: string;
  readonly durationS: number;
  readonly machine: Record<string, string | number>;
  readonly git: { readonly commit: string; readonly dirty: boolean } | null;
  readonly settings: Record<string, unknown>;
  readonly sizes: readonly SizeResult[];
  readonly bundle: BundleReport;
  readonly targets: readonly TargetCheck[];
}

function statusNote(variant: VariantResult): string {
  return variant.status === 'ok' ? '' : ` [${variant.status}]`;
}

/** The report printed at the end of a run. */
export function formatResults(results: Results): string {
  const out: string[] = [];
  out.push(
    `Zhenjiang Park Explorer benchmark (${results.mode}) — ${results.startedAt}, ${results.durationS} s`,
  );
  out.push(
    `Machine: ${results.machine['cpuModel']} × ${results.machine['cpus']}, ${results.machine['memoryGb']} GB, ${results.machine['os']}; ${results.machine['browser']} (${results.machine['webgl']})`,
  );
  out.push('');
  out.push(
    table(
      [
        'data',
        'parks',
        'vertices',
        'app load',
        'bare load',
        'load ÷',
        'app filter',
        'bare filter',
        'filter ÷',
        'handler',
        'long task app/bare',
        'select dom/paint',
        'close dom/paint',
        'heap app/bare',
      ],
      results.sizes.map((size) => [
        size.label,
        String(size.data.parks),
        String(size.data.vertices),
        ms(size.app.load.median) + statusNote(size.app),
        ms(size.bare.load.median) + statusNote(size.bare),
        ratio(size.ratios.load),
        ms(size.app.filter?.idle.median),
        ms(size.bare.filter?.idle.median),
        ratio(size.ratios.filter),
        ms(size.app.filter?.sync.median),
        `${ms(size.app.filter?.longTaskMaxMs)} / ${ms(size.bare.filter?.longTaskMaxMs)}`,
        `${ms(size.app.select?.selectDom.median)} / ${ms(size.app.select?.select.median)}`,
        `${ms(size.app.select?.closeDom.median)} / ${ms(size.app.select?.close.median)}`,
        `${size.app.heap ? Math.round(size.app.heap.peakMb) : '—'} / ${size.bare.heap ? Math.round(size.bare.heap.peakMb) : '—'} MB`,
      ]),
    ),
  );
  out.push('');
  out.push(
    'load: navigation → parks drawn and map idle. filter: chain checkbox → map idle (median of toggles). handler: the click handler alone.',
  );
  out.push(
    "long task: longest main-thread task while filtering. select: map click → detail in the DOM / painted (the paint waits for that frame's map render); close: Escape → list in the DOM / painted. heap: peak main-thread JS heap.",
  );

  const onTiles = formatTilesApp(results.sizes);
  if (onTiles) out.push('', onTiles);

  const withPaths = results.sizes.filter((size) => Object.keys(size.paths).length > 0);
  if (withPaths.length > 0) {
    out.push('');
    out.push('Large-data paths on the bare page (÷ bare GeoJSON with setFilter)');
    out.push(
      table(
        ['data', 'path', 'load', 'load ÷', 'filter', 'filter ÷', 'handler', 'long task', 'heap'],
        withPaths.flatMap((size) =>
          (['tiles', 'state', 'tiles-state'] as const).flatMap((path) => {
            const variant = size.paths[path];
            if (!variant) return [];
            return [
              [
                size.label,
                {
                  tiles: 'vector tiles',
                  state: 'feature-state hide',
                  'tiles-state': 'tiles + feature-state',
                }[path],
                ms(variant.load.median) + statusNote(variant),
                ratio(variant.vsBare.load),
                ms(variant.filter?.idle.median),
                ratio(variant.vsBare.filter),
                ms(variant.filter?.sync.median),
                ms(variant.filter?.longTaskMaxMs),
                `${variant.heap ? Math.round(variant.heap.peakMb) : '—'} MB`,
              ],
            ];
          }),
        ),
      ),
    );
  }

  const phases = results.sizes.filter((size) => Object.keys(size.app.loadPhases).length > 0);
  if (phases.length > 0) {
    out.push('');
    out.push('App load steps (ms from navigation start, medians)');
    out.push(
      table(
        ['data', 'panel shown', 'map created', 'style loaded', 'ready', 'validation', 'share'],
        phases.map((size) => [
          size.label,
          ms(size.app.loadPhases['panelShown']),
          ms(size.app.loadPhases['mapCreated']),
          ms(size.app.loadPhases['styleLoaded']),
          ms(size.app.loadPhases['ready']),
          ms(size.validation?.times['validateRegistry']),
          size.validation?.shareOfAppLoad == null
            ? '—'
            : `${Math.round(size.validation.shareOfAppLoad * 100)}%`,
        ]),
      ),
    );
  }

  const validated = results.sizes.filter((size) => size.validation?.status === 'ok');
  if (validated.length > 0) {
    const keys = Object.keys(validated[0]?.validation?.times ?? {});
    out.push('');
    out.push(
      "Validation on the main thread (bench/bare/validate.html; ms, with validateRegistry's steps)",
    );
    out.push(
      table(
        ['data', ...keys],
        validated.map((size) => [
          size.label,
          ...keys.map((key) => ms(size.validation?.times[key])),
        ]),
      ),
    );
  }

  const profiled = results.sizes.filter((size) => size.app.profile.filterPerToggle);
  if (profiled.length > 0) {
    out.push('');
    out.push(
      'Main-thread time per filter toggle by owner (CPU profile, ms): until idle, and in the click handler',
    );
    const groups = [
      'ours (src/)',
      'solid-js',
      'maplibre-gl',
      'other libraries',
      'GC',
      'browser (style, layout, paint)',
    ];
    out.push(
      table(
        ['data', 'page', 'part', ...groups],
        profiled.flatMap((size) =>
          (['app', 'bare'] as const).flatMap((kind) =>
            (['filterPerToggle', 'handlerPerToggle'] as const).flatMap((part) => {
              const groupsOf = size[kind].profile[part]?.groups;
              return groupsOf
                ? [
                    [
                      size.label,
                      kind,
                      part === 'filterPerToggle' ? 'until idle' : 'handler',
                      ...groups.map((group) => ms(groupsOf[group] ?? 0)),
                    ],
                  ]
                : [];
            }),
          ),
        ),
      ),
    );
  }

  const b = results.bundle;
  const part = (
    label: string,
    files: { bytes: number; gzipBytes: number; files: readonly unknown[] },
  ): string[] => [label, kb(files.bytes), kb(files.gzipBytes), String(files.files.length)];
  out.push('');
  out.push('Bundle (gzip, zlib level 6)');
  out.push(
    table(
      ['part', 'raw', 'gzip', 'files'],
      [
        part('initial JavaScript', b.initialJs),
        ['  of which not maplibre-gl', '', kb(b.ownInitialGzipBytes), ''],
        part('map chunk (lazy)', b.mapChunk),
        part('MapLibre worker', b.worker),
        part('other lazy JavaScript', b.otherJs),
        part('CSS', b.css),
        part('registry data (geo/)', b.registryData),
        part('basemap data', b.basemapData),
        ...results.sizes
          .filter((size) => size.label !== 'embedded')
          .map((size) => [
            `registry data (${size.label})`,
            mb(size.data.bytes),
            size.data.gzipBytes === null ? '—' : mb(size.data.gzipBytes),
            '3',
          ]),
      ],
    ),
  );
  out.push('');
  out.push(
    `Initial JavaScript by module (gzip estimate): ${b.modules.initial
      .slice(0, 10)
      .map((module) => `${module.module} ${kb(module.gzipBytes)}`)
      .join(', ')}`,
  );

  out.push('');
  out.push('Targets');
  out.push(
    table(
      ['target', 'value', 'pass'],
      results.targets.map((target) => [
        target.target,
        target.value,
        target.pass === null ? 'n/a' : target.pass ? 'yes' : 'NO',
      ]),
    ),
  );
  return out.join('\n');
}
