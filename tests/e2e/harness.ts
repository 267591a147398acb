import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Where the built app lives; `npm test` builds it before the end-to-end tests run. ZPE_DIST points
 * the tests at another build (e.g. one made with `vite build --outDir`).
 */
export const DIST_DIR = resolve(process.env.ZPE_DIST ?? resolve(import.meta.dirname, '../../dist'));

/** Browsers looked for when CHROME_PATH is not set, most likely first. */
const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Finds a system Chromium or Chrome: `CHROME_PATH` first, then the usual install paths. Throws with
 * what to install when there is none, so a missing browser fails the run instead of skipping it.
 */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CHROME_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found for the end-to-end tests. Install one (Debian/Ubuntu: ' +
      '`sudo apt-get install chromium`; macOS/Windows: Google Chrome) or set CHROME_PATH to its executable.',
  );
}

/** Flags for headless Chromium with software WebGL (SwiftShader) and no calls to the network. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Launches the system browser; `extraArgs` add fault-producing flags such as `--disable-webgl`. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS, ...extraArgs] });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** A file the test server answers with instead of the built one, to produce a data fault. */
export type Override =
  { status: number; body: string | Buffer; contentType?: string } | { delayMs: number };

/**
 * A static server for the built app on 127.0.0.1, with overrides for fault tests: keyed by exact
 * path, or by a prefix ending in "/" that answers every path below it.
 */
export interface StaticServer {
  readonly url: string;
  readonly overrides: Map<string, Override>;
  close(): Promise<void>;
}

/** Serves `root` (the built app) on a free loopback port. */
export async function serveDist(root = DIST_DIR): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `${root}/index.html is missing: run \`npm run build\` before the end-to-end tests.`,
    );
  }
  const overrides = new Map<string, Override>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const prefix = [...overrides.keys()]
      .filter((key) => key.endsWith('/') && path.startsWith(key))
      .sort((a, b) => b.length - a.length)[0];
    const override =
      overrides.get(path) ?? (prefix === undefined ? undefined : overrides.get(prefix));
    const answer = (): void => {
      if (override && 'status' in override) {
        response.writeHead(override.status, {
          'Content-Type': override.contentType ?? 'application/json',
        });
        response.end(override.body);
        return;
      }
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404);
        response.end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(readFileSync(file));
    };
    if (override && 'delayMs' in override) setTimeout(answer, override.delayMs);
    else answer();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    overrides,
    close: () => new Promise((done) => server.close(() => done())),
  };
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
