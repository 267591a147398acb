import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { BareWindow } from './bare/main';
import type { ValidateWindow } from './bare/validate';
import type { ProbeWindow } from './probe/maplibre';
import { attribute, profile, summarise, type Attribution } from './profile';

/**
 * The measurements in the browser. Every time is taken inside the page with `performance.now()`
 * (load times are therefore from navigation start), and the map's own `idle` event says when
 * MapLibre has finished; the app and the bare page are measured by the same code.
 */

/** The viewport of every measured page: the end-to-end tests' desktop size. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** How a page run ended. */
export type Status = 'ok' | 'crash' | 'timeout' | 'error';

/** A long task seen by the page's PerformanceObserver. */
interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/** What the init script keeps on `window.__bench`. */
interface BenchState {
  readonly longTasks: LongTask[];
  readyAt: number | null;
  uiAt: number | null;
  readonly clicks: number[];
  readonly keys: number[];
  waiter?: Promise<{ shownAt: number; paintedAt: number }>;
}

type BenchWindow = { __bench?: BenchState } & ProbeWindow &
  BareWindow & {
    __zpeMap?: { parkAt(x: number, y: number): string | null; renderedParkIds(): string[] };
  };

/**
 * Installed before any page script: collects long tasks, the moment the map says it is ready
 * (`data-map-ready="true"`), the moment the app's side panel exists (data loaded and validated),
 * and the time stamps of clicks and key presses.
 */
function benchInit(): void {
  const state: BenchState = { longTasks: [], readyAt: null, uiAt: null, clicks: [], keys: [] };
  (window as unknown as BenchWindow).__bench = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the report shows none.
  }
  const check = (): void => {
    if (state.readyAt === null && document.querySelector('[data-map-ready="true"]'))
      state.readyAt = performance.now();
    if (state.uiAt === null && document.querySelector('.side-panel'))
      state.uiAt = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-map-ready'],
  });
  document.addEventListener('click', (event) => state.clicks.push(event.timeStamp), true);
  document.addEventListener('keydown', (event) => state.keys.push(event.timeStamp), true);
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)`.
 * Functions handed to the page are serialised with those calls in them, so the page needs a
 * `__name` that does nothing.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** A fresh browser context with the shim and, optionally, the benchmark's init script. */
async function newContext(browser: Browser, init: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  await context.addInitScript({ content: NAME_SHIM });
  if (init) await context.addInitScript(benchInit);
  return context;
}

/** Samples the main thread's JS heap every 100 ms while it runs. */
function heapSampler(cdp: CDPSession): { stop(): Promise<{ peakMb: number; lastMb: number }> } {
  let running = true;
  let peak = 0;
  let last = 0;
  const loop = (async () => {
    while (running) {
      try {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        last = usedSize;
        peak = Math.max(peak, usedSize);
      } catch {
        return;
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { peakMb: peak / 2 ** 20, lastMb: last / 2 ** 20 };
    },
  };
}

/** A measured page that stays open for the interaction measurements. */
export interface OpenPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly cdp: CDPSession;
  readonly errors: string[];
  crashed: boolean;
  readonly heap: ReturnType<typeof heapSampler>;
  /**
   * Paths of the data files the page requested (archives, GeoJSON, index.json), so that the
   * benchmark can tell which data path a page took from what it fetched.
   */
  readonly dataRequests: Set<string>;
}

/** The result of one page load. */
export interface LoadResult {
  readonly status: Status;
  readonly detail?: string;
  /** Navigation start → map ready (parks drawn, map idle). */
  readonly loadMs: number | null;
  /** Times of the load steps, from navigation start. */
  readonly phases: Record<string, number>;
  readonly longTasks: { count: number; totalMs: number; maxMs: number };
  readonly renderedParks: number | null;
  /** The map's size in CSS pixels. */
  readonly mapSize: { width: number; height: number } | null;
}

/** Opens `url` in a fresh context and waits until the map is ready, or the page dies. */
export async function loadPage(
  browser: Browser,
  url: string,
  timeoutMs: number,
  profileLoad: ((attribution: Attribution) => void) | null,
  resolveSource: (url: string, line: number, column: number) => string | null,
): Promise<{ open: OpenPage; result: LoadResult }> {
  const context = await newContext(browser, true);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors: string[] = [];
  const open: OpenPage = {
    page,
    context,
    cdp,
    errors,
    crashed: false,
    heap: heapSampler(cdp),
    dataRequests: new Set(),
  };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.(pmtiles|geojson)$|\/index\.json$/.test(path)) open.dataRequests.add(path);
  });
  page.on('crash', () => {
    open.crashed = true;
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/GPU stall|ReadPixels/.test(message.text()))
      errors.push(message.text());
  });
  const wait = async (): Promise<void> => {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__bench?.readyAt != null,
      undefined,
      { timeout: timeoutMs, polling: 250 },
    );
  };
  let status: Status = 'ok';
  let detail: string | undefined;
  try {
    if (profileLoad) {
      const { profile: recorded } = await profile(cdp, wait);
      profileLoad(attribute(recorded, resolveSource));
    } else await wait();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    status =
      open.crashed || /crash/i.test(message)
        ? 'crash'
        : /Timeout/i.test(message)
          ? 'timeout'
          : 'error';
    detail = `${message.split('\n')[0] ?? ''}${errors.length > 0 ? ` (page: ${errors.slice(0, 3).join(' | ')})` : ''}`;
  }
  if (status !== 'ok') {
    return {
      open,
      result: {
        status,
        ...(detail === undefined ? {} : { detail }),
        loadMs: null,
        phases: {},
        longTasks: { count: 0, totalMs: 0, maxMs: 0 },
        renderedParks: null,
        mapSize: null,
      },
    };
  }
  const read = await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const bench = w.__bench;
    const probed = w.__zpeBenchMaps?.at(-1);
    const phases: Record<string, number> = { ...(w.__bare?.times ?? {}) };
    if (bench?.uiAt != null) phases['panelShown'] = bench.uiAt;
    if (probed) {
      phases['mapCreated'] = probed.createdAt;
      if (probed.loadedAt !== null) phases['styleLoaded'] = probed.loadedAt;
    }
    if (bench?.readyAt != null) phases['ready'] = bench.readyAt;
    const rendered = w.__zpeMap?.renderedParkIds() ?? w.__bare?.renderedParkIds() ?? null;
    const box = document.querySelector('.map')?.getBoundingClientRect();
    return {
      readyAt: bench?.readyAt ?? null,
      phases,
      longTasks: bench?.longTasks.filter((task) => task.start <= (bench.readyAt ?? 0)) ?? [],
      renderedParks: rendered ? rendered.length : null,
      mapSize: box ? { width: Math.round(box.width), height: Math.round(box.height) } : null,
    };
  });
  return {
    open,
    result: {
      status,
      loadMs: read.readyAt,
      phases: Object.fromEntries(
        Object.entries(read.phases).map(([key, value]) => [key, Math.round(value)]),
      ),
      longTasks: summariseTasks(read.longTasks),
      renderedParks: read.renderedParks,
      mapSize: read.mapSize,
    },
  };
}

function summariseTasks(tasks: readonly LongTask[]): {
  count: number;
  totalMs: number;
  maxMs: number;
} {
  return {
    count: tasks.length,
    totalMs: Math.round(tasks.reduce((sum, task) => sum + task.duration, 0)),
    maxMs: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
  };
}

/** One filter change: how long the handler ran, and how long until the map was idle again. */
export interface FilterSample {
  readonly syncMs: number;
  readonly idleMs: number;
  readonly longTasks: { count: number; totalMs: number; maxMs: number };
}

/**
 * Toggles one chain off and on `toggles` times in all, waiting for the map's `idle` after each.
 * In the app it clicks the chain's checkbox (the whole path: Solid state, list, counts, map
 * filters); on the bare page it makes MapView's `setFilter` calls directly.
 */
export async function measureFilter(
  open: OpenPage,
  kind: 'app' | 'bare',
  chainId: string,
  allChains: readonly string[],
  toggles: number,
  timeoutMs: number,
): Promise<FilterSample[]> {
  const samples: FilterSample[] = [];
  for (let i = 0; i < toggles; i++) {
    const selected = i % 2 === 0 ? allChains.filter((id) => id !== chainId) : [...allChains];
    const sample = await open.page.evaluate(
      async ({ kind, chainId, selected, timeoutMs }) => {
        const w = window as unknown as BenchWindow;
        const map = w.__zpeBenchMaps?.at(-1)?.map;
        if (!map) throw new Error('no probed map');
        const idle = new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('map not idle in time')), timeoutMs);
          map.once('idle', () => {
            clearTimeout(timer);
            resolve(performance.now());
          });
        });
        const input =
          kind === 'app'
            ? document.querySelector<HTMLInputElement>(
                `input[aria-labelledby="chain-name-${CSS.escape(chainId)}"]`,
              )
            : null;
        if (kind === 'app' && !input) throw new Error(`no checkbox for chain ${chainId}`);
        // A named declaration (an arrow's inferred name does not survive esbuild's keepNames), so
        // that the CPU profile can tell the click handler's own task from the rest.
        function zpeBenchHandler(): void {
          if (input) input.click();
          else w.__bare?.applyChains(selected);
        }
        const start = performance.now();
        zpeBenchHandler();
        const synced = performance.now();
        const done = await idle;
        // Long-task entries arrive after their task: give the observer a moment.
        await new Promise((resolve) => setTimeout(resolve, 60));
        const tasks = (w.__bench?.longTasks ?? []).filter(
          (task) => task.start >= start - 1 && task.start <= done,
        );
        return { start, syncMs: synced - start, idleMs: done - start, tasks };
      },
      { kind, chainId, selected, timeoutMs },
    );
    samples.push({
      syncMs: round1(sample.syncMs),
      idleMs: round1(sample.idleMs),
      longTasks: summariseTasks(sample.tasks),
    });
    await open.page.waitForTimeout(150);
  }
  return samples;
}

/**
 * Runs two chain toggles under the CPU profiler and attributes the main thread's time: all of it
 * until the map is idle, and the part spent in the click handler's own task.
 */
export async function profileFilter(
  open: OpenPage,
  kind: 'app' | 'bare',
  chainId: string,
  allChains: readonly string[],
  timeoutMs: number,
  resolveSource: (url: string, line: number, column: number) => string | null,
): Promise<{ all: Attribution; handler: Attribution }> {
  const { profile: recorded } = await profile(open.cdp, () =>
    measureFilter(open, kind, chainId, allChains, 2, timeoutMs),
  );
  return {
    all: attribute(recorded, resolveSource),
    handler: attribute(recorded, resolveSource, 'zpeBenchHandler'),
  };
}

/** One park selection: click → detail painted, and Escape → list painted again. */
export interface SelectSample {
  readonly parkId: string;
  /** Click → the detail panel is in the DOM (the app's own work). */
  readonly selectDomMs: number;
  /** Click → the frame with the detail panel has been painted (includes that frame's map render). */
  readonly selectMs: number;
  /** Escape → the list is back and painted. */
  readonly closeMs: number;
  /** Escape → the list back in the DOM. */
  readonly closeDomMs: number;
}

/** Resolves `__bench.waiter` with when `selector` appeared and when that frame was painted. */
async function armWaiter(page: Page, selector: string): Promise<void> {
  await page.evaluate((selector) => {
    const bench = (window as unknown as BenchWindow).__bench;
    if (!bench) throw new Error('bench init script missing');
    bench.waiter = new Promise((resolve) => {
      const painted = (): void => {
        const shownAt = performance.now();
        requestAnimationFrame(() => {
          // A message posted from a frame callback runs after that frame's paint.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ shownAt, paintedAt: performance.now() });
          channel.port2.postMessage(0);
        });
      };
      if (document.querySelector(selector)) return painted();
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        painted();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }, selector);
}

/**
 * Clicks parks on the map (the path a user takes among thousands of parks) and measures until
 * the detail panel has been painted; then presses Escape and measures until the list is back.
 * The view is reset between clicks so that each starts from the first view.
 */
export async function measureSelect(
  open: OpenPage,
  count: number,
  timeoutMs: number,
): Promise<SelectSample[]> {
  const { page } = open;
  const home = await page.evaluate(() => {
    const map = (window as unknown as BenchWindow).__zpeBenchMaps?.at(-1)?.map;
    if (!map) throw new Error('no probed map');
    const center = map.getCenter();
    return { center: [center.lng, center.lat] as [number, number], zoom: map.getZoom() };
  });
  const samples: SelectSample[] = [];
  for (let i = 0; i < count; i++) {
    const target = await page.evaluate(
      ({ i }) => {
        const w = window as unknown as BenchWindow;
        const map = w.__zpeBenchMaps?.at(-1)?.map;
        const probe = w.__zpeMap;
        if (!map || !probe) throw new Error('no probed map');
        const rect = map.getCanvas().getBoundingClientRect();
        // Walk a spiral from a different start each time until a pixel hits a park.
        for (let step = 0; step < 400; step++) {
          const angle = step * 0.7 + i * 2.1;
          const radius = 20 + step * 2 + i * 37;
          const x = rect.width / 2 + Math.cos(angle) * radius;
          const y = rect.height / 2 + Math.sin(angle) * radius;
          if (x < 10 || y < 10 || x > rect.width - 10 || y > rect.height - 10) continue;
          const id = probe.parkAt(x, y);
          if (id) return { id, x: rect.left + x, y: rect.top + y };
        }
        return null;
      },
      { i },
    );
    if (!target) break;
    await armWaiter(page, '.park-detail');
    await page.mouse.click(target.x, target.y);
    const selected = await page.evaluate(async () => {
      const bench = (window as unknown as BenchWindow).__bench;
      const times = await bench?.waiter;
      return { ...(times ?? { shownAt: 0, paintedAt: 0 }), clickAt: bench?.clicks.at(-1) ?? 0 };
    });
    await page.waitForTimeout(200);
    await armWaiter(page, '#park-list');
    await page.keyboard.press('Escape');
    const closed = await page.evaluate(async () => {
      const bench = (window as unknown as BenchWindow).__bench;
      const times = await bench?.waiter;
      return {
        shownAt: times?.shownAt ?? 0,
        paintedAt: times?.paintedAt ?? 0,
        keyAt: bench?.keys.at(-1) ?? 0,
      };
    });
    samples.push({
      parkId: target.id,
      selectDomMs: round1(selected.shownAt - selected.clickAt),
      selectMs: round1(selected.paintedAt - selected.clickAt),
      closeMs: round1(closed.paintedAt - closed.keyAt),
      closeDomMs: round1(closed.shownAt - closed.keyAt),
    });
    await page.evaluate(
      async ({ home, timeoutMs }) => {
        const map = (window as unknown as BenchWindow).__zpeBenchMaps?.at(-1)?.map;
        if (!map) return;
        const idle = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          map.once('idle', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        map.jumpTo({ center: home.center, zoom: home.zoom });
        await idle;
      },
      { home, timeoutMs },
    );
  }
  return samples;
}

/** The validation page's timings: the whole validator, then its rule families one by one. */
export async function measureValidation(
  browser: Browser,
  url: string,
  timeoutMs: number,
): Promise<{ status: Status; times: Record<string, number>; findings: number | null }> {
  const context = await newContext(browser, false);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body?.dataset['done'] === 'true', undefined, {
      timeout: timeoutMs,
      polling: 500,
    });
    const read = await page.evaluate(() => (window as unknown as ValidateWindow).__validate);
    if (!read) return { status: 'error', times: {}, findings: null };
    return {
      status: 'ok',
      times: Object.fromEntries(Object.entries(read.times).map(([k, v]) => [k, round1(v)])),
      findings: read.findings,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: /crash/i.test(message) ? 'crash' : 'timeout', times: {}, findings: null };
  } finally {
    await context.close();
  }
}

/** Closes a measured page and returns the heap figures sampled while it was open. */
export async function closePage(open: OpenPage): Promise<{ peakMb: number; lastMb: number }> {
  const heap = await open.heap.stop();
  await open.context.close().catch(() => undefined);
  return { peakMb: round1(heap.peakMb), lastMb: round1(heap.lastMb) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Summarises an attribution for the report: the groups plus the heaviest modules. */
export function attributionReport(attribution: Attribution): {
  groups: Record<string, number>;
  top: Attribution;
} {
  return { groups: summarise(attribution), top: attribution.slice(0, 12) };
}
