import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { moduleGroup, readSourceMap, sourceAt, type SourceMap } from './sourcemap';

/**
 * Who spent the main thread's time: a CPU profile (CDP Profiler) whose samples are attributed to
 * the original module of the function they were in, through the build's source maps. Native
 * frames (JSON.parse, DOM calls) count for the nearest script function that called them.
 */

/** The parts of a CDP `Profiler.Profile` used here. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
    readonly children?: readonly number[];
  }>;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Milliseconds of main-thread time per module group, heaviest first. */
export type Attribution = Array<{ readonly module: string; readonly ms: number }>;

/** Runs `work` under the sampling profiler. */
export async function profile<T>(
  cdp: CDPSession,
  work: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  await cdp.send('Profiler.enable');
  // 0.5 ms: fine enough to see 50 ms tasks in detail, coarse enough not to slow them much.
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    const result = await work();
    const { profile: recorded } = await cdp.send('Profiler.stop');
    return { result, profile: recorded };
  } finally {
    await cdp.send('Profiler.disable').catch(() => undefined);
  }
}

/** Maps script URLs of the served build to modules, reading source maps from `siteDir`. */
export function createResolver(
  baseUrl: string,
  siteDir: string,
): (url: string, line: number, column: number) => string | null {
  const maps = new Map<string, SourceMap | null>();
  return (url, line, column) => {
    if (!url.startsWith(baseUrl)) return null;
    const file = join(siteDir, decodeURIComponent(new URL(url).pathname));
    if (!maps.has(file)) {
      const mapPath = `${file}.map`;
      maps.set(file, existsSync(mapPath) ? readSourceMap(mapPath) : null);
    }
    const map = maps.get(file);
    const source = map ? sourceAt(map, line, column) : null;
    // A script without a source map is still named by its file.
    return source ? moduleGroup(source) : url.slice(baseUrl.length);
  };
}

/**
 * Self time per module group. `(program)` is the browser's own work outside script (style,
 * layout, paint, compositing, input); `(garbage collector)` is GC; idle time is left out.
 */
export function attribute(
  recorded: CpuProfile,
  resolve: (url: string, line: number, column: number) => string | null,
  within?: string,
): Attribution {
  const nodes = new Map(recorded.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of recorded.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const groupOf = new Map<number, string>();
  const group = (id: number): string => {
    const known = groupOf.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    let result = '(unknown)';
    if (node) {
      const { url, lineNumber, columnNumber, functionName } = node.callFrame;
      if (url) result = resolve(url, lineNumber, columnNumber) ?? url;
      else if (functionName.startsWith('(')) result = functionName;
      else {
        const up = parent.get(id);
        result = up === undefined ? '(native)' : group(up);
        if (result === '(root)') result = '(native)';
      }
    }
    groupOf.set(id, result);
    return result;
  };
  // `within`: only samples taken inside a call of the function of that name (and its callees).
  const inside = new Map<number, boolean>();
  const isWithin = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const up = parent.get(id);
    const result = node?.callFrame.functionName === within || (up !== undefined && isWithin(up));
    inside.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  const samples = recorded.samples ?? [];
  const deltas = recorded.timeDeltas ?? [];
  samples.forEach((id, i) => {
    // A sample's delta is the time since the previous one: charge it to the later sample's frame.
    const ms = (deltas[i] ?? 0) / 1000;
    if (within !== undefined && !isWithin(id)) return;
    const name = group(id);
    if (name === '(idle)') return;
    totals.set(name, (totals.get(name) ?? 0) + ms);
  });
  return [...totals]
    .map(([module, ms]) => ({ module, ms: Math.round(ms * 10) / 10 }))
    .sort((a, b) => b.ms - a.ms);
}

/** Sums an attribution into the few groups the report shows. */
export function summarise(attribution: Attribution): Record<string, number> {
  const summary: Record<string, number> = {};
  const add = (key: string, ms: number): void => {
    summary[key] = Math.round(((summary[key] ?? 0) + ms) * 10) / 10;
  };
  for (const { module, ms } of attribution) {
    if (module.startsWith('src/') || module.startsWith('bench/')) add('ours (src/)', ms);
    else if (module === 'maplibre-gl') add('maplibre-gl', ms);
    else if (module === 'solid-js') add('solid-js', ms);
    else if (module === '(garbage collector)') add('GC', ms);
    else if (module === '(program)') add('browser (style, layout, paint)', ms);
    else add('other libraries', ms);
  }
  return summary;
}
