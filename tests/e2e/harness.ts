import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROME_ARGS, findChrome, serveStatic, type StaticServer } from '../../scripts/lib/browser';

export type { StaticServer } from '../../scripts/lib/browser';

/**
 * Where the built app lives; `npm test` builds it before the end-to-end tests run. ZPE_DIST points
 * the tests at another build (e.g. one made with `vite build --outDir`).
 */
export const DIST_DIR = resolve(process.env.ZPE_DIST ?? resolve(import.meta.dirname, '../../dist'));

/** Launches the system browser; `extraArgs` add fault-producing flags such as `--disable-webgl`. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS, ...extraArgs] });
}

/** Serves `root` (the built app) on a free loopback port, with overrides for fault tests. */
export async function serveDist(root = DIST_DIR): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `${root}/index.html is missing: run \`npm run build\` before the end-to-end tests.`,
    );
  }
  return serveStatic(root);
}

/** Errors the page printed or threw, collected so that a test can assert there were none. */
export interface PageErrors {
  readonly messages: string[];
}

/** Opens a page in a fresh context, recording console errors and uncaught exceptions. */
export async function openPage(
  browser: Browser,
  url: string,
  options: {
    viewport?: { width: number; height: number };
    reducedMotion?: 'reduce' | 'no-preference';
  } = {},
): Promise<{ page: Page; context: BrowserContext; errors: PageErrors }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion ?? 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: PageErrors = { messages: [] };
  page.on('pageerror', (error) => errors.messages.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Software WebGL warns about read-back stalls; that is the test machine, not the app.
    if (/GPU stall|ReadPixels/.test(text)) return;
    errors.messages.push(`console: ${text}`);
  });
  await page.goto(url);
  return { page, context, errors };
}

/** Waits until the map container says the parks have rendered. */
export async function waitForMapReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 45_000 });
}

/** Ids of the park features MapLibre has drawn, deduplicated (one hit per tile otherwise). */
export function renderedParkIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __zpeMap?: { renderedParkIds(): string[] } }).__zpeMap;
    if (!probe) throw new Error('the map test probe is not installed');
    return probe.renderedParkIds();
  });
}

/** The browser and the served app that one test file shares. */
export interface Suite {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Starts the app server and a browser before the file's tests and stops both after them. Call it
 * at the top of a test file; read the suite inside tests (it is filled in by `beforeAll`).
 */
export function useSuite(extraArgs: readonly string[] = []): Suite {
  const suite = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    suite.server = await serveDist();
    suite.browser = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** The park ids the list shows, in order. */
export function listedParkIds(page: Page): Promise<string[]> {
  return page
    .locator('#park-list .park-button')
    .evaluateAll((buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.parkId ?? ''),
    );
}
