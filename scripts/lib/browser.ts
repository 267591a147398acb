/**
 * What the end-to-end tests (tests/e2e/harness.ts) and the benchmark (bench/) share to drive the
 * built app in a real browser: finding a system Chromium, its headless flags, and one static
 * server. Node-only tooling; nothing here is imported by the app, and nothing here imports a test
 * framework, so that tools need not depend on tests.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

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
  const fromEnv = process.env['CHROME_PATH'];
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

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** An answer the server gives instead of the file, to produce a fault: a status, or a delay. */
export type Override =
  { status: number; body: string | Buffer; contentType?: string } | { delayMs: number };

/**
 * A static server on 127.0.0.1. `overrides` (for fault tests) are keyed by exact path, or by a
 * prefix ending in "/" that answers every path below it.
 */
export interface StaticServer {
  /** Base URL, ending in a slash. */
  readonly url: string;
  readonly overrides: Map<string, Override>;
  close(): Promise<void>;
}

/** The override for `path`: its own, else the one of the longest prefix that holds it. */
function overrideFor(overrides: ReadonlyMap<string, Override>, path: string): Override | undefined {
  const own = overrides.get(path);
  if (own) return own;
  const prefix = [...overrides.keys()]
    .filter((key) => key.endsWith('/') && path.startsWith(key))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : overrides.get(prefix);
}

/**
 * Serves `root` on a free loopback port: streams files (a 50k-park registry is a few hundred
 * megabytes), answers byte ranges (PMTiles reads by range), never compresses and never lets the
 * browser cache, so that serving costs the 2-core machine little while a browser is measured and
 * every load is a real one.
 */
/**
 * The decoded path of a request's URL, or null when it is not one: `//x` (which `new URL` reads
 * as a host) or a broken percent-escape must get a 400, not take the server down.
 */
export function requestPath(url: string | undefined): string | null {
  const pathname = (url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (!pathname.startsWith('/')) return null;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const overrides = new Map<string, Override>();
  const server: Server = createServer((request, response) => {
    const path = requestPath(request.url);
    if (path === null) {
      response.writeHead(400).end('bad request');
      return;
    }
    const override = overrideFor(overrides, path);
    const answer = (): void => {
      if (override && 'status' in override) {
        response.writeHead(override.status, {
          'Content-Type': override.contentType ?? 'application/json',
        });
        response.end(override.body);
        return;
      }
      const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end('not found');
        return;
      }
      const size = statSync(file).size;
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
      if (range) {
        const start = range[1] ? Number(range[1]) : size - Number(range[2]);
        const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
        response.writeHead(206, {
          'Content-Type': type,
          'Content-Length': end - start + 1,
          'Content-Range': `bytes ${start}-${end}/${size}`,
          'Accept-Ranges': 'bytes',
        });
        createReadStream(file, { start, end }).pipe(response);
        return;
      }
      response.writeHead(200, {
        'Content-Type': type,
        'Content-Length': size,
        'Accept-Ranges': 'bytes',
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(response);
    };
    if (override && 'delayMs' in override) setTimeout(answer, override.delayMs);
    else answer();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    overrides,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
