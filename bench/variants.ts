import type { Browser } from 'playwright-core';
import type { SizeSpec } from './cli';
import { log } from './log';
import {
  attributionReport,
  closePage,
  loadPage,
  measureFilter,
  measureSelect,
  profileFilter,
  type FilterSample,
  type LoadResult,
  type SelectSample,
  type Status,
} from './measure';
import type { Attribution } from './profile';
import { stat, type VariantResult } from './report';
import { checkTilesPath, type TilesPathCheck } from './tilesPath';

/** One page (the app, or a variant of the bare page) measured over a size's rounds. */

/** The worst status of some loads: a crash over a timeout over an error. */
const worst = (statuses: readonly Status[]): Status =>
  statuses.find((s) => s === 'crash') ??
  statuses.find((s) => s === 'timeout') ??
  statuses.find((s) => s === 'error') ??
  'ok';

/** The median of each load phase over some loads. */
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

/** Divides a per-run attribution by the number of toggles it covered. */
function perToggle(attribution: Attribution, toggles: number): Attribution {
  return attribution.map(({ module, ms }) => ({
    module,
    ms: Math.round((ms / toggles) * 10) / 10,
  }));
}

/** What {@link measureVariant} measures in one round. */
export interface VariantRound {
  readonly kind: 'app' | 'bare';
  readonly url: string;
  readonly spec: SizeSpec;
  /** The chain to toggle, and every chain id. */
  readonly chains: { readonly target: string; readonly all: readonly string[] };
  readonly resolveSource: (url: string, line: number, column: number) => string | null;
  readonly profileFilter: boolean;
  readonly profileLoad: boolean;
  /** How the log names this page; defaults to `kind`. */
  readonly label?: string;
  readonly onMapSize?: (size: { width: number; height: number }) => void;
  /** The round's number, from 0: round 0 is the profiled one when a load is profiled. */
  readonly round: number;
  /** The last round also measures filtering and selection. */
  readonly isLast: boolean;
  /**
   * Set for the app opened on a tiled registry (its folder's URL path): each load checks that the
   * app took the tiles path, and a load that did not is not filtered or selected on.
   */
  readonly expectTilesIn?: string;
}

/** Loads the page once (and on the last round filters and selects), adding what it measured to `into`. */
export async function measureVariant(
  browser: Browser,
  variant: VariantRound,
  into: MutableVariant,
): Promise<void> {
  const { kind, url, spec, chains, resolveSource, round: loadNumber, isLast } = variant;
  const name = variant.label ?? kind;
  let loadAttribution: Attribution | null = null;
  const profileThis = variant.profileLoad && loadNumber === 0;
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
  if (result.mapSize) variant.onMapSize?.(result.mapSize);
  log(
    `  ${name} load ${loadNumber + 1}${profileThis ? ' (profiled)' : ''}: ${result.status} ${result.loadMs === null ? '' : `${Math.round(result.loadMs)} ms`}, ${result.renderedParks ?? '?'} parks drawn`,
  );
  let onExpectedPath = true;
  if (variant.expectTilesIn !== undefined && !open.crashed) {
    const path = await checkTilesPath(open, variant.expectTilesIn);
    // One load off the tiles path makes the whole page "not on tiles": its numbers are GeoJSON's.
    into.tilesPath = into.tilesPath?.onTiles === false ? into.tilesPath : path;
    onExpectedPath = path.onTiles;
    log(`  ${name} path: ${path.onTiles ? 'on tiles' : 'NOT on tiles'} (${path.summary})`);
  }
  try {
    if (isLast && result.status === 'ok' && onExpectedPath) {
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
      if (variant.profileFilter) {
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
          `  ${name} select: ${samples.map((s) => `${Math.round(s.selectMs)}/${Math.round(s.closeMs)}`).join(', ')} ms (select/close)`,
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

/** What a variant's rounds have gathered so far. */
export interface MutableVariant {
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
  /** What the tiles-path check saw (only for a round with `expectTilesIn`). */
  tilesPath?: TilesPathCheck;
}

/** A variant before its first round. */
export function emptyVariant(): MutableVariant {
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

/** The variant's result: statistics over its rounds. */
export function finishVariant(variant: MutableVariant): VariantResult {
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
